import Foundation
import PolsoKit
import PolsoTestSupport
import PolsoWeb
import Reports

/// A store of the wellbeing samples and a copy of the Pistoia plan, made through PolsoKit as the
/// server makes them, and page contexts.
enum WebFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The XSS payloads every interpolated field is tried with.
    static let payloads = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "javascript:alert(1)",
        "' onmouseover='alert(1)",
        "a&b </td></tr></table><b>x",
    ]

    static func sample(_ year: Int) -> String {
        repository.appendingPathComponent("surveys/anac-2013/samples/limesurvey-\(year).csv").path
    }

    /// A store in `folder` with the samples of `years`, imported from files named `names`.
    static func store(in folder: TemporaryFolder, years: [Int] = [2015, 2016], names: [Int: String] = [:]) throws -> String {
        let path = folder.path("polso.sqlite")
        for year in years {
            var file = sample(year)
            if let name = names[year] {
                file = folder.path(name)
                try FileManager.default.copyItem(atPath: sample(year), toPath: file)
            }
            var request = ImportRequest(file: file, survey: "anac-2013", year: year)
            request.store = path
            _ = try request.run()
        }
        return path
    }

    /// The Pistoia plan copied into `folder/plan`, its texts changed by `edit`.
    static func plan(in folder: TemporaryFolder, edit: (String) -> String = { $0 }) throws -> String {
        let text = try String(contentsOf: repository.appendingPathComponent("reports/pistoia-2016/plan.yaml"), encoding: .utf8)
        try FileManager.default.createDirectory(atPath: folder.path("plan"), withIntermediateDirectories: true)
        _ = try folder.write("plan/plan.yaml", text: edit(text))
        return folder.path("plan")
    }

    static func context(_ locale: DisplayLocale = .italian, role: PageRole = .analyst, user: String = "Anna Rossi",
                        body: String = "pt", name: String = "Camera di Commercio di Pistoia") -> PageContext {
        PageContext(userName: user, bodyCode: body, bodyName: name, role: role, csrfToken: "token-123", locale: locale)
    }

    /// Half-up to `places` decimals, written with `separator` (PolsoTestSupport's ``halfUp(_:places:separator:)``).
    static func halfUp(_ value: Double, places: Int = 2, separator: Character = ",") -> String {
        PolsoTestSupport.halfUp(value, places: places, separator: separator)
    }
}
