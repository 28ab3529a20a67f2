import Performance
import PolsoYAML

/// One `accept:` entry: a finding of `plan check` accepted in writing.
///
/// ```yaml
/// accept:
///   - kind: printed-achievement
///     node: B1
///     justification: la relazione arrotonda per eccesso le medie degli indicatori
/// ```
struct AcceptEntry: Decodable {
    let acknowledgement: Acknowledgement
    let codingPath: [any CodingKey]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case kind, node, justification
    }

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        codingPath = decoder.codingPath
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let category = try container.decodeChoice(Finding.Category.self, forKey: .kind,
                                                  from: Finding.Category.acceptable.map(\.rawValue))
        let path = NodePath(parsing: try container.decodeText(.node))
        do {
            acknowledgement = try Acknowledgement(
                category: category, path: path,
                justification: try container.decodeIfPresent(String.self, forKey: .justification) ?? "")
        } catch {
            throw container.corrupted(.justification, "an accepted finding needs a written justification ('justification: …')")
        }
    }

    /// Refuses an entry naming a node the plan does not have.
    func requireNode(in plan: Plan) throws {
        guard !plan.contains(acknowledgement.path) else { return }
        throw DecodingError.dataCorrupted(.init(
            codingPath: codingPath + [CodingKeys.node],
            debugDescription: "no node '\(acknowledgement.path)' in the plan: give the path of a node or an indicator "
                + "(codes from the body down, joined by '/'; '/' is the body)"))
    }
}
