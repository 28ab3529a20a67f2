/// A group of sections reported together, with its own "MEDIA" (e.g. *Benessere organizzativo*).
public struct Block: Sendable, Equatable {
    /// Identifier, e.g. `benessere_organizzativo`.
    public var id: String
    /// Human title.
    public var title: String
    /// Whether the block enters synthesis scores; the ANAC importance block does not.
    public var inSynthesis: Bool
    /// The sections, in order.
    public var sections: [Section]
    /// How the block's items are put on one scale, unless a section says otherwise.
    public var rescale: Rescale?

    /// A block.
    package init(id: String, title: String, inSynthesis: Bool = true, sections: [Section], rescale: Rescale? = nil) {
        self.id = id
        self.title = title
        self.inSynthesis = inSynthesis
        self.sections = sections
        self.rescale = rescale
    }
}
