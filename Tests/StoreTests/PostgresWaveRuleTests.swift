import Foundation
import PolsoTestSupport
import Store
import StorePostgres
import Surveys
import Testing

/// PostgreSQL keeps "every respondent belongs to a stored wave" with statement-level triggers
/// rather than a row-by-row foreign key (migration "v7 (PostgreSQL)", docs/store-and-speed.md):
/// the same rule, the same refusals, checked once per statement.
@Suite("PostgreSQL store: respondents' waves")
struct PostgresWaveRuleTests {
    static let insertMissing = "INSERT INTO respondent (wave_id, import_id, line, answers, demographics) VALUES (987654321, 1, 2, '\\x01', '\\x01')"

    @Test("rows naming a wave that does not exist are refused, by INSERT and UPDATE; a wave with respondents keeps its id; removing a wave removes its respondents")
    func waveRule() throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder, engine: .postgres)
            let owner = try #require(bench.owner)
            try bench.importSample(year: 2015)
            let other = try bench.write("b.csv", lines: [Rows.header] + [Rows.r1, Rows.r2, Rows.r3].enumerated().map { index, row in
                // Other respondents: other ids, and the first item's answer 1.
                "\(101 + index),1" + row.drop { $0 != "," }.dropFirst().drop { $0 != "," }
            })
            try bench.importFile(other, year: 2016)
            let before = try bench.snapshot()
            let inserted = errorText { try owner.run(Self.insertMissing) } ?? ""
            #expect(inserted.contains("respondent rows name a wave that does not exist (wave_id 987654321)"), "\(inserted)")
            // One statement naming a stored wave and a missing one: refused whole, naming the missing one only.
            let wave = try #require(try owner.texts("SELECT min(wave_id)::text FROM respondent").first ?? nil)
            let mixed = errorText {
                try owner.run("""
                    INSERT INTO respondent (wave_id, import_id, line, answers, demographics)
                    VALUES (\(wave), 1, 2, '\\x01', '\\x01'), (987654322, 1, 3, '\\x01', '\\x01')
                    """)
            } ?? ""
            #expect(mixed.contains("(wave_id 987654322)"), "\(mixed)")
            let updated = errorText { try owner.run("UPDATE respondent SET wave_id = 987654323 WHERE wave_id = \(wave)") } ?? ""
            #expect(updated.contains("(wave_id 987654323)"), "\(updated)")
            // A wave of respondents alone (no items nor import: their own foreign keys would refuse first) keeps its id.
            let bare = try #require(try owner.texts("""
                INSERT INTO wave (body_id, instrument, instrument_version, year, unit, created_at)
                SELECT body_id, instrument, instrument_version, 1999, unit, created_at FROM wave WHERE id = \(wave) RETURNING id::text
                """).first ?? nil)
            try owner.run("INSERT INTO respondent (wave_id, import_id, line, answers, demographics) VALUES (\(bare), 1, 2, '\\x01', '\\x01')")
            let renumbered = errorText { try owner.run("UPDATE wave SET id = 987654324 WHERE id = \(bare)") } ?? ""
            #expect(renumbered.contains("wave \(bare) still has respondents: its id cannot change"), "\(renumbered)")
            try owner.run("DELETE FROM wave WHERE id = \(bare)")
            #expect(try owner.texts("SELECT count(*)::text FROM respondent WHERE wave_id = \(bare)") == ["0"])
            #expect(try bench.snapshot() == before)

            #expect(try bench.store.removeWave(body: Body.localCode, instrument: bench.fixture.codebook.instrument, year: 2015, unit: "") == 6)
            #expect(try owner.texts("SELECT count(*)::text FROM respondent WHERE wave_id = \(wave)") == ["0"])
            #expect(try owner.texts("SELECT count(*)::text FROM respondent") == ["3"])
            #expect(try bench.store.waves(body: Body.localCode).map(\.respondents) == [3])
        }
    }

    @Test("a store made before the rule moved (a foreign key on respondent.wave_id) is refused until the owner migrates it; then its rows are the same and the rule holds")
    func migratesOlderStore() throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder, engine: .postgres)
            let owner = try #require(bench.owner)
            let schema = try #require(bench.schema)
            try bench.importSample(year: 2015)
            // The store as the shared migrations alone left it.
            for statement in [
                "DROP TRIGGER respondent_wave_checked ON respondent",
                "DROP TRIGGER wave_respondents ON wave", "DROP FUNCTION respondent_wave_exists()", "DROP FUNCTION wave_respondents_follow()",
                "ALTER TABLE respondent ADD CONSTRAINT respondent_wave_id_fkey FOREIGN KEY (wave_id) REFERENCES wave (id) ON DELETE CASCADE",
                "DELETE FROM polso_migration WHERE identifier LIKE '%(PostgreSQL)%'",
            ] { try owner.run(statement) }
            let rows = "SELECT r::text FROM respondent r ORDER BY id"
            let stored = try owner.texts(rows)
            let server = try PostgresTestServer.required()
            let reading = errorText { _ = try SurveyStore.open(server.url(.reader, schema: schema), access: .read, busyTimeout: 1) } ?? ""
            #expect(reading.contains("was written by an older Polso and must be brought up to date once: `polso store migrate --store URL`, run as the owner role"), "\(reading)")

            try PostgresStore(url: server.url(.owner, schema: schema), access: .create, busyTimeout: 10).migrate()
            #expect(try owner.texts(rows) == stored)
            #expect(try owner.texts("SELECT count(*)::text FROM pg_constraint WHERE conrelid = 'respondent'::regclass AND contype = 'f'") == ["0"])
            #expect(try owner.texts("SELECT tgname::text FROM pg_trigger WHERE NOT tgisinternal AND tgrelid IN ('respondent'::regclass, 'wave'::regclass) ORDER BY 1")
                == ["respondent_wave_checked", "wave_respondents"])
            #expect((errorText { try owner.run(Self.insertMissing) } ?? "").contains("respondent rows name a wave that does not exist"))
            _ = try SurveyStore.open(server.url(.reader, schema: schema), access: .read, busyTimeout: 1)
        }
    }
}
