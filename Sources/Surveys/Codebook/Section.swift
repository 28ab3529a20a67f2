/// A section (*ambito*) of items, e.g. `A` *Sicurezza e salute sul luogo di lavoro…*.
public struct Section: Sendable, Equatable {
    /// Code, e.g. `A`.
    public var code: String
    /// Human title.
    public var title: String
    /// The items, in order.
    public var items: [Item]
    /// How the section's items are put on one scale.
    public var rescale: Rescale?

    /// A section.
    package init(code: String, title: String, items: [Item], rescale: Rescale? = nil) {
        self.code = code
        self.title = title
        self.items = items
        self.rescale = rescale
    }
}
