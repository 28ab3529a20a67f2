import Foundation

/// `polso demo`: the whole workflow on the samples and plans built into the binary
/// (``BundledSamples``), in a folder of its own: the samples are written there under their
/// repository paths (`surveys/…/samples/…`), imported into a fresh store there, the wellbeing
/// table computed, the Pistoia 2016 and Ravenna 2019 plans copied there, pushed and reported.
/// Nothing outside the folder is written, and nothing is read from the disk but what it writes.
public struct DemoRequest: Sendable {
    /// The folder to write into (created; an earlier demo there is replaced). Paths in messages
    /// and in the provenance of pushed values are named from it as given, so a relative folder
    /// gives relative names.
    public var folder: String

    /// Marks a folder as the demo's own, so that a rerun may empty it.
    public static let marker = ".polso-demo"
    /// The bundled plans the demo pushes and reports, by folder name under `reports/`.
    public static let plans = ["pistoia-2016", "ravenna-2019"]

    /// A demo writing into `folder`.
    public init(folder: String = "polso-demo") {
        self.folder = folder
    }

    /// Runs the demo, handing each finished step to `step` (an error it throws stops the demo).
    /// - Parameter progress: called during each import with the bytes done and the total.
    /// - Throws: ``PolsoError``: `usage` for an empty folder name; `output` when the folder is not
    ///   the demo's own or cannot be written; any error of the operations it runs.
    public func run(progress: ((_ done: Int, _ total: Int) -> Void)? = nil,
                    step: (DemoStep) throws -> Void) throws -> DemoOutcome {
        // An empty name would put the files at the root of the file system (see `path(_:)`).
        guard !folder.isEmpty else { throw PolsoError("--out needs a folder name", kind: .usage) }
        let files = try BundledSamples.files()
        func bundled(_ relative: String) throws(PolsoError) -> Data {
            guard let bytes = files[relative] else {
                throw PolsoError("this polso binary lacks its bundled \(relative): rebuild it", kind: .badInput)
            }
            return bytes
        }
        try prepare()
        let store = path("polso.sqlite")
        for (sample, var request) in imports() {
            try write(try bundled(sample), to: sample)
            request.store = store
            try step(.imported(request, try request.run(progress: progress)))
        }
        try step(.wellbeing(try WellbeingRequest().run(store: try StoreAccess.open(store))))
        var reports: [String] = []
        for plan in Self.plans {
            try write(try bundled("reports/\(plan)/plan.yaml"), to: "\(plan)/plan.yaml")
            let planFolder = path(plan)
            try step(.pushed(try PushRequest(plan: planFolder).run(openStore: { try StoreAccess.open(store, access: .write) })))
            try step(.reported(try ReportRequest(plan: planFolder).run(openStore: { try StoreAccess.open(store) })))
            reports.append(path("\(plan)/report.html"))
        }
        return DemoOutcome(folder: folder, reports: reports)
    }

    /// The imports of the bundled samples, in order, each with its sample's path in the bundle
    /// and in the folder: ANAC wellbeing 2014–2016, then customer satisfaction 2018 and 2019 (the
    /// 2019 Registro Imprese file appended to its wave).
    private func imports() -> [(sample: String, request: ImportRequest)] {
        func request(_ sample: String, _ survey: String, _ year: Int) -> (sample: String, request: ImportRequest) {
            (sample, ImportRequest(file: path(sample), survey: survey, year: year))
        }
        let wellbeing = (2014...2016).map { request("surveys/anac-2013/samples/limesurvey-\($0).csv", "anac-2013", $0) }
        let satisfaction = "surveys/customer-satisfaction/samples"
        var first = request("\(satisfaction)/google-forms-2018.csv", "customer-satisfaction", 2018)
        first.request.plannedServices = 16
        first.request.allowMissingItems = true
        var second = request("\(satisfaction)/limesurvey-2019.csv", "customer-satisfaction", 2019)
        second.request.plannedServices = 16
        var appended = request("\(satisfaction)/google-forms-2019-registro-imprese.csv", "customer-satisfaction", 2019)
        appended.request.service = "Registro Imprese"
        appended.request.users = 61
        appended.request.append = true
        return wellbeing + [first, second, appended]
    }

    /// `relative` inside the folder, named from the folder as given.
    private func path(_ relative: String) -> String {
        folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
    }

    private func write(_ bytes: Data, to relative: String) throws(PolsoError) {
        let url = URL(fileURLWithPath: path(relative))
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try bytes.write(to: url)
        } catch {
            throw PolsoError("cannot write \(url.path): \(error.localizedDescription)", kind: .output)
        }
    }

    /// Creates the folder, or empties it when it holds an earlier demo; refuses any other non-empty folder.
    private func prepare() throws(PolsoError) {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw PolsoError("\(folder) exists and is not a folder; choose another with --out", kind: .output) }
            let contents: [String]
            do {
                contents = try manager.contentsOfDirectory(atPath: folder)
            } catch {
                throw PolsoError("cannot read the folder \(folder): \(error.localizedDescription); choose another with --out", kind: .output)
            }
            if !contents.isEmpty {
                guard contents.contains(Self.marker) else {
                    throw PolsoError("\(folder) is not empty and holds no earlier demo; choose another folder with --out", kind: .output)
                }
                do {
                    for name in contents { try manager.removeItem(atPath: path(name)) }
                } catch {
                    throw PolsoError("cannot empty the earlier demo in \(folder): \(error.localizedDescription)", kind: .output)
                }
            }
        }
        try write(Data("Written by `polso demo`; the next run empties this folder.\n".utf8), to: Self.marker)
    }
}
