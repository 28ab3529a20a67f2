import Foundation
import Performance
import PolsoYAML

/// Reads `reports/<body>-<year>/plan.yaml` into a ``Performance/Plan``.
///
/// Every error names the file, the line and column, and the key at fault (a ``YAMLFileError``):
/// YAML syntax, unknown or misspelt keys, numbers, dates and comparators that cannot be read, an
/// override without a justification, codes that repeat among siblings, weights missing where the
/// profile reads them. The format is documented in the README, section "Performance plans".
public enum PlanFile {
    /// The file a plan argument names: `path` itself, or `path/plan.yaml` when `path` is a folder.
    public static func resolve(_ path: String) -> String {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            return (path as NSString).appendingPathComponent("plan.yaml")
        }
        return path
    }

    /// Reads and validates the plan at `path` (a `plan.yaml` or the folder holding one), with the
    /// survey values pushed beside it (``PlanValues``) applied unless `applyingPushedValues` is false.
    public static func load(path: String, applyingPushedValues: Bool = true) throws(YAMLFileError) -> Plan {
        let file = resolve(path)
        do {
            let plan = try decode(try YAMLFile.readText(path: file), file: file)
            return applyingPushedValues ? try PlanValues.load(forPlan: file).applied(to: plan) : plan
        } catch let error as YAMLFileError {
            throw error
        } catch {
            throw YAMLFileError(file: file, line: nil, column: nil, keyPath: "", message: "\(error)")
        }
    }

    /// Reads and validates plan text; `file` names it in errors.
    public static func decode(_ text: String, file: String) throws(YAMLFileError) -> Plan {
        do {
            // The declared notation settles every number of the file, so it is read first.
            let notation = try YAMLFile.decode(NotationDeclaration.self, from: text, file: file).notation
            return try YAMLFile.decode(PlanDocument.self, from: text, file: file,
                                       userInfo: notation.map { [.numberNotation: $0] } ?? [:]).plan
        } catch let error as YAMLFileError {
            throw error
        } catch {
            throw YAMLFileError(file: file, line: nil, column: nil, keyPath: "", message: "\(error)")
        }
    }
}

/// The plan's `numbers:` key alone: how its numbers are written (``NumberNotation``).
struct NotationDeclaration: Decodable {
    let notation: NumberNotation?

    enum CodingKeys: String, CodingKey {
        case numbers
    }

    init(from decoder: any Decoder) throws {
        notation = try decoder.container(keyedBy: CodingKeys.self).decodeChoiceIfPresent(NumberNotation.self, forKey: .numbers)
    }
}

/// The whole file: the body, the profile, and the tree below the body.
struct PlanDocument: Decodable {
    let plan: Plan

    enum CodingKeys: String, CodingKey, CaseIterable {
        case body, year, document, numbers, code, name, profile, printed, override, indicators, children, accept
    }

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let body = try container.decode(String.self, forKey: .body)
        let year = try container.decode(Int.self, forKey: .year)
        let profile = try container.decodeIfPresent(ProfileEntry.self, forKey: .profile)?.profile ?? MeasurementProfile()
        let printed = try container.decodeIfPresent(PrintedEntry.self, forKey: .printed)
        try printed?.requireNoValue(at: container.codingPath + [CodingKeys.printed])
        let indicators = try container.decodeIfPresent([IndicatorEntry].self, forKey: .indicators) ?? []
        let children = try container.decodeIfPresent([NodeEntry].self, forKey: .children) ?? []
        let root = PlanNode(
            code: try container.decodeIfPresent(String.self, forKey: .code) ?? "Ente",
            name: try container.decodeIfPresent(String.self, forKey: .name) ?? body,
            kind: .body,
            indicators: indicators.map(\.indicator),
            children: children.map(\.node),
            override: try container.decodeIfPresent(OverrideEntry.self, forKey: .override)?.override,
            printed: printed?.figures ?? PrintedFigures())
        let accepted = try container.decodeIfPresent([AcceptEntry].self, forKey: .accept) ?? []
        plan = Plan(body: body, year: year, document: try container.decodeIfPresent(String.self, forKey: .document),
                    profile: profile, root: root, accepted: accepted.map(\.acknowledgement))
        for entry in accepted { try entry.requireNode(in: plan) }

        let problems = plan.problems()
        guard let first = problems.first else { return }
        var locations: [NodePath: [any CodingKey]] = [:]
        Self.locate(indicators: indicators, children: children, under: NodePath(), into: &locations)
        let more = problems.count > 1 ? " (and \(problems.count - 1) more problem\(problems.count > 2 ? "s" : ""))" : ""
        throw DecodingError.dataCorrupted(.init(
            codingPath: (locations[first.path] ?? []) + [AnyCodingKey(stringValue: first.field)],
            debugDescription: "\(first.path): \(first.message)\(more)"))
    }

    /// Where each node and indicator stands in the file; a repeated path keeps its last occurrence,
    /// which is the one a "code appears twice" problem is about.
    private static func locate(indicators: [IndicatorEntry], children: [NodeEntry], under path: NodePath,
                               into locations: inout [NodePath: [any CodingKey]]) {
        for entry in indicators {
            locations[path.appending(entry.indicator.code)] = entry.codingPath
        }
        for entry in children {
            let childPath = path.appending(entry.node.code)
            locations[childPath] = entry.codingPath
            locate(indicators: entry.indicators, children: entry.children, under: childPath, into: &locations)
        }
    }
}
