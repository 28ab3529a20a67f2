import Foundation
import GRDB

/// The store's versioned migrations. Never edit a shipped migration: add a new one.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: instruments, waves, imports, respondents") { db in
            try db.execute(sql: """
                CREATE TABLE instrument (
                    id TEXT NOT NULL,
                    version TEXT NOT NULL,
                    codebook TEXT NOT NULL,
                    PRIMARY KEY (id, version)
                );
                CREATE TABLE wave (
                    id INTEGER PRIMARY KEY,
                    instrument TEXT NOT NULL,
                    instrument_version TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    unit TEXT NOT NULL DEFAULT '',
                    staff INTEGER,
                    created_at TEXT NOT NULL,
                    UNIQUE (instrument, year, unit),
                    FOREIGN KEY (instrument, instrument_version) REFERENCES instrument (id, version)
                );
                CREATE TABLE wave_item (
                    wave_id INTEGER NOT NULL REFERENCES wave (id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    code TEXT NOT NULL,
                    PRIMARY KEY (wave_id, position)
                );
                CREATE TABLE import (
                    id INTEGER PRIMARY KEY,
                    wave_id INTEGER NOT NULL REFERENCES wave (id) ON DELETE CASCADE,
                    file_name TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    byte_count INTEGER NOT NULL,
                    respondents INTEGER NOT NULL,
                    rejected_rows INTEGER NOT NULL,
                    format TEXT NOT NULL,
                    codebook_version TEXT NOT NULL,
                    imported_at TEXT NOT NULL
                );
                CREATE UNIQUE INDEX import_wave_sha ON import (wave_id, sha256);
                CREATE TABLE respondent (
                    id INTEGER PRIMARY KEY,
                    wave_id INTEGER NOT NULL REFERENCES wave (id) ON DELETE CASCADE,
                    import_id INTEGER NOT NULL, -- import log entry; deleted with the wave
                    line INTEGER NOT NULL,
                    answers BLOB NOT NULL,
                    demographics BLOB NOT NULL
                );
                CREATE INDEX respondent_wave ON respondent (wave_id);
                """)
        }
        migrator.registerMigration("v2: planned services and users per service") { db in
            // Customer satisfaction: services planned for the year (coverage) and the users of
            // each service, or of all services under '' (response rate), as given at import.
            try db.execute(sql: """
                ALTER TABLE wave ADD COLUMN planned_services INTEGER;
                CREATE TABLE wave_users (
                    wave_id INTEGER NOT NULL REFERENCES wave (id) ON DELETE CASCADE,
                    service TEXT NOT NULL, -- '' for the users of every service of the wave
                    users INTEGER NOT NULL,
                    PRIMARY KEY (wave_id, service)
                );
                """)
        }
        migrator.registerMigration("v3: respondent ids and submission dates") { db in
            // The export's own respondent id (LimeSurvey id, Qualtrics ResponseId, Kobo _uuid…),
            // NULL when the export has none; unique within a wave, checked at import. Per import:
            // the columns read and the submission dates seen, as written (day/month order told
            // apart from the file, or 'unknown' with the range covering both readings);
            // identity_recorded tells imports made since (1) from earlier ones, which read neither.
            try db.execute(sql: """
                ALTER TABLE respondent ADD COLUMN response_id TEXT;
                ALTER TABLE import ADD COLUMN id_column TEXT;
                ALTER TABLE import ADD COLUMN date_column TEXT;
                ALTER TABLE import ADD COLUMN first_submitted TEXT;
                ALTER TABLE import ADD COLUMN last_submitted TEXT;
                ALTER TABLE import ADD COLUMN day_month_order TEXT;
                ALTER TABLE import ADD COLUMN dates_read INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE import ADD COLUMN dates_anonymised INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE import ADD COLUMN dates_unreadable INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE import ADD COLUMN identity_recorded INTEGER NOT NULL DEFAULT 0;
                """)
        }
        migrator.registerMigration("v4: application id and store metadata") { db in
            // The application id marks the file as a Polso store (checked before any write);
            // `format` lets an older Polso refuse a store written by a newer one.
            try db.execute(sql: """
                PRAGMA application_id = \(SurveyStore.applicationId);
                CREATE TABLE polso_store (
                    key TEXT PRIMARY KEY,
                    value TEXT NOT NULL
                );
                INSERT INTO polso_store (key, value) VALUES ('format', '4');
                """)
        }
        migrator.registerMigration("v5: content fingerprints of each file's respondents") { db in
            // One 64-bit fingerprint per stored respondent of the file, in file order, 8 bytes
            // each, big-endian (`RowFingerprint`): a plain BLOB (BYTEA in PostgreSQL) so that
            // content duplicates are found whatever the file's bytes. Files imported before get
            // theirs from their stored rows, which are the bytes the fingerprints are taken from.
            try db.execute(sql: """
                ALTER TABLE import ADD COLUMN row_fingerprints BLOB;
                UPDATE polso_store SET value = '5' WHERE key = 'format';
                """)
            for entry in try Row.fetchAll(db, sql: "SELECT id, wave_id FROM import") {
                let importId: Int64 = entry["id"]
                let rows = try Row.fetchCursor(db, sql: "SELECT answers, demographics FROM respondent WHERE wave_id = ? AND import_id = ? ORDER BY id",
                                               arguments: [entry["wave_id"], importId])
                var fingerprints: [UInt64] = []
                while let row = try rows.next() {
                    let answers: Data = row["answers"] ?? Data()
                    let demographics: Data = row["demographics"] ?? Data()
                    fingerprints.append(answers.withUnsafeBytes { answerBytes in
                        demographics.withUnsafeBytes { demographicBytes in
                            RowFingerprint.of(answers: answerBytes.bindMemory(to: UInt8.self), demographics: demographicBytes.bindMemory(to: UInt8.self))
                        }
                    })
                }
                try db.execute(sql: "UPDATE import SET row_fingerprints = ? WHERE id = ?", arguments: [RowFingerprint.encode(fingerprints), importId])
            }
        }
        migrator.registerMigration("v6: bodies, every wave belonging to one") { db in
            // A store may hold the waves of several bodies (a network). Existing waves go to one
            // local body, which the user renames. The wave's uniqueness gains the body, which SQLite
            // cannot alter in place: the table is rebuilt by SQLite's documented twelve-step
            // procedure (https://www.sqlite.org/lang_altertable.html#otheralter). GRDB runs the
            // migration in one transaction with foreign keys off and checks every foreign key
            // (PRAGMA foreign_key_check) before it commits (steps 1, 2, 10–12); the other steps
            // are here. The tables that reference wave (wave_item, wave_users, import, respondent)
            // name it by name, so they reference the rebuilt table once it takes the name.
            try db.execute(sql: """
                CREATE TABLE body (
                    id INTEGER PRIMARY KEY,
                    code TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    kind TEXT NOT NULL DEFAULT '',
                    opted_in BOOLEAN NOT NULL DEFAULT FALSE,
                    public BOOLEAN NOT NULL DEFAULT FALSE,
                    created_at TEXT NOT NULL
                );
                INSERT INTO body (id, code, name, created_at) VALUES (1, ?, ?, ?);
                """, arguments: [Body.localCode, Body.localName, UTCTimestamp.iso8601(Date())])
            // Step 3: the indexes, triggers and views that refer to wave, to create again.
            let dependents = try String.fetchAll(db, sql: """
                SELECT sql FROM sqlite_master WHERE tbl_name = 'wave' AND type IN ('index', 'trigger') AND sql IS NOT NULL
                """)
            let views = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'view'")
            for view in views { try db.execute(sql: "DROP VIEW \"\(view["name"] as String)\"") }
            // Steps 4–7: the new table, the rows copied, the old one dropped, the new one renamed.
            try db.execute(sql: """
                CREATE TABLE new_wave (
                    id INTEGER PRIMARY KEY,
                    body_id INTEGER NOT NULL REFERENCES body (id),
                    instrument TEXT NOT NULL,
                    instrument_version TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    unit TEXT NOT NULL DEFAULT '',
                    staff INTEGER,
                    created_at TEXT NOT NULL,
                    planned_services INTEGER,
                    UNIQUE (body_id, instrument, year, unit),
                    FOREIGN KEY (instrument, instrument_version) REFERENCES instrument (id, version)
                );
                INSERT INTO new_wave (id, body_id, instrument, instrument_version, year, unit, staff, created_at, planned_services)
                    SELECT id, 1, instrument, instrument_version, year, unit, staff, created_at, planned_services FROM wave;
                DROP TABLE wave;
                ALTER TABLE new_wave RENAME TO wave;
                UPDATE polso_store SET value = '6' WHERE key = 'format';
                """)
            // Steps 8 and 9: the indexes, triggers and views again.
            for sql in dependents { try db.execute(sql: sql) }
            for view in views { try db.execute(sql: view["sql"]) }
        }
        migrator.registerMigration("v7: users, their roles per body, browser sessions and the audit log") { db in
            // Users sign in to `polso serve` with their e-mail address; only a bcrypt hash of the
            // password is kept. A role is held in one body, or (administrator) in the network
            // (body_id NULL). A session is kept by the SHA-256 of its id, which only the browser
            // holds; its times are seconds since 1970, compared for idle and absolute expiry.
            // The audit log keeps names as text: an entry outlives the user and the body.
            try db.execute(sql: """
                CREATE TABLE app_user (
                    id INTEGER PRIMARY KEY,
                    email TEXT NOT NULL UNIQUE,
                    password_hash TEXT NOT NULL,
                    created_at TEXT NOT NULL
                );
                CREATE TABLE user_role (
                    user_id INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
                    body_id INTEGER REFERENCES body (id) ON DELETE CASCADE,
                    role TEXT NOT NULL CHECK (role IN ('reader', 'analyst', 'administrator')),
                    CHECK (body_id IS NOT NULL OR role = 'administrator')
                );
                CREATE UNIQUE INDEX user_role_body ON user_role (user_id, body_id);
                CREATE TABLE web_session (
                    key TEXT PRIMARY KEY,
                    user_id INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
                    csrf_token TEXT NOT NULL,
                    created_at DOUBLE PRECISION NOT NULL,
                    last_seen_at DOUBLE PRECISION NOT NULL
                );
                CREATE INDEX web_session_user ON web_session (user_id);
                CREATE TABLE audit_log (
                    id INTEGER PRIMARY KEY,
                    at TEXT NOT NULL,
                    user_email TEXT NOT NULL,
                    body_code TEXT,
                    action TEXT NOT NULL,
                    detail TEXT NOT NULL DEFAULT '',
                    address TEXT
                );
                UPDATE polso_store SET value = '7' WHERE key = 'format';
                """)
        }
        // Every later migration raises `format` to ``SurveyStore/formatVersion``.
        return migrator
    }
}
