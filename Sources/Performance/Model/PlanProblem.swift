/// Something that makes a plan unusable as given: the plan file is refused until it is fixed.
package struct PlanProblem: Sendable, Equatable, CustomStringConvertible {
    /// The node or indicator at fault.
    package var path: NodePath
    /// The field at fault, named as in the plan file (`code`, `weight`, `target`, `value`).
    package var field: String
    /// What is wrong.
    package var message: String

    /// A problem.
    package init(path: NodePath, field: String, message: String) {
        self.path = path
        self.field = field
        self.message = message
    }

    /// `AS2/OS_2.4 weight: message`.
    package var description: String { "\(path) \(field): \(message)" }
}
