import Foundation
import Testing
@testable import PolsoKit

@Suite("bundled samples")
struct BundledSamplesTests {
    /// `surveys/*/samples/*.csv` and `reports/*/plan.yaml` of the checkout, by repository path.
    static func filesOnDisk() throws -> [String] {
        let manager = FileManager.default
        var paths: [String] = []
        for survey in try manager.contentsOfDirectory(atPath: FacadeTests.repository.appendingPathComponent("surveys").path) {
            let samples = "surveys/\(survey)/samples"
            guard let names = try? manager.contentsOfDirectory(atPath: FacadeTests.repository.appendingPathComponent(samples).path) else { continue }
            paths += names.filter { $0.hasSuffix(".csv") }.map { "\(samples)/\($0)" }
        }
        for plan in try manager.contentsOfDirectory(atPath: FacadeTests.repository.appendingPathComponent("reports").path)
        where manager.fileExists(atPath: FacadeTests.repository.appendingPathComponent("reports/\(plan)/plan.yaml").path) {
            paths.append("reports/\(plan)/plan.yaml")
        }
        return paths
    }

    @Test("the binary embeds every sample export and bundled plan byte for byte (run surveys/embed.py after editing one)")
    func embeddedFilesAreCurrent() throws {
        let embedded = try BundledSamples.files()
        let onDisk = try Self.filesOnDisk()
        #expect(onDisk.contains("surveys/anac-2013/samples/limesurvey-2014.csv") && onDisk.contains("reports/ravenna-2019/plan.yaml"))
        #expect(Set(embedded.keys) == Set(onDisk), "run python3 surveys/embed.py")
        for path in onDisk {
            let file = try Data(contentsOf: FacadeTests.repository.appendingPathComponent(path))
            #expect(embedded[path] == file, "\(path) differs from the copy built into the binary: run python3 surveys/embed.py")
        }
    }
}
