import Performance
import Store

extension SurveyQueries {
    /// The files imported into a wave, with their SHA-256: the provenance a pushed value records.
    /// - Throws: `StoreError` naming the store, the wave and the record when the wave has no import
    ///   record or a record's file name or SHA-256 is damaged.
    package func files(of wave: Wave) throws -> [SurveyMeasurement.FileUsed] {
        let records = try store.imports(wave: wave.id)
        let name = "wave \(wave.instrument) \(wave.year)\(wave.unit.isEmpty ? "" : " unit '\(wave.unit)'")"
        guard !records.isEmpty else {
            throw StoreError("\(store.path): \(name) has no import record, so the value would have no provenance (file and SHA-256); "
                + "the store is damaged: remove the wave (polso waves remove) and import its file again")
        }
        return try records.map { record in
            let hex = record.sha256.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
            guard record.sha256.utf8.count == 64, hex, !record.fileName.isEmpty else {
                throw StoreError("\(store.path): \(name): the import record of file '\(record.fileName)' gives SHA-256 '\(record.sha256)', "
                    + "not 64 hexadecimal digits; the store is damaged: remove the wave (polso waves remove) and import its file again")
            }
            return SurveyMeasurement.FileUsed(name: record.fileName, sha256: record.sha256)
        }
    }

    /// The users invited per service of a satisfaction wave (empty when none were given).
    func serviceUsers(wave: Wave) throws -> [String: Int] {
        try store.serviceCounts(wave: wave.id).users
    }
}
