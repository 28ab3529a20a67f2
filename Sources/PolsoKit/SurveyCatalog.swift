import Reports
import Surveys

/// `polso survey list`: the codebooks that `--survey NAME` can name.
public enum SurveyCatalog {
    /// A codebook by name, or why it cannot be read.
    public struct Entry: Sendable {
        /// The name `--survey` takes.
        public var name: String
        /// The codebook, with where it was found; `nil` when unreadable.
        public var located: LocatedCodebook?
        /// Why the codebook cannot be read.
        public var problem: String?
    }

    /// The built-in codebooks and those on disk, by name; one on disk under a built-in name is the one used.
    public static func list() -> [Entry] {
        CodebookLocator.knownCodebooks().keys.sorted().map { name in
            do {
                return Entry(name: name, located: try CodebookLocator.load(name), problem: nil)
            } catch {
                return Entry(name: name, located: nil, problem: "\(error)")
            }
        }
    }

    /// ``list()`` as `polso survey list` shows it, labels in `locale`.
    public static func table(locale: DisplayLocale) -> Rendered {
        SurveyTable(rows: list().map { entry in
            SurveyTable.Row(name: entry.name, version: entry.located?.codebook.version ?? "", items: entry.located?.codebook.items.count,
                            origin: entry.located?.origin ?? "", title: entry.located?.codebook.title ?? "", problem: entry.problem)
        }, locale: locale).rendered()
    }
}
