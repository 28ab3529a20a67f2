import Foundation
import GRDB
import PolsoTestSupport
import Store
import StorePostgres
import Testing

@Suite("Users, sessions and the audit log in the store (both engines)")
struct AccountStoreTests {
    /// A bench with the bodies alfa and beta besides the local one.
    private static func bench(_ folder: TemporaryFolder, _ engine: StoreEngineKind) throws -> StoreBench {
        let bench = try StoreBench(folder, engine: engine)
        try bench.store.addBody(code: "alfa", name: "Ente alfa")
        try bench.store.addBody(code: "beta", name: "Ente beta")
        return bench
    }

    private static let hash = "$2b$04$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234"
    private static let added = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("users are added lower-cased, found by address and id, listed by address with their roles; refusals are the same on both engines", arguments: StoreEngineKind.all)
    func addAndList(engine: StoreEngineKind) throws {
        try withTemporaryFolder { folder in
            let bench = try Self.bench(folder, engine)
            let store = bench.store
            let analyst = try store.addUser(email: "  Analyst@Alfa.IT ", passwordHash: Self.hash, grant: RoleGrant(body: "alfa", role: .analyst), at: Self.added)
            #expect(analyst.email == "analyst@alfa.it")
            #expect(analyst.grants == [RoleGrant(body: "alfa", role: .analyst)])
            #expect(analyst.createdAt == Self.added)
            #expect(analyst.passwordHash == Self.hash)
            try store.addUser(email: "admin@rete.it", passwordHash: Self.hash, grant: RoleGrant(body: nil, role: .administrator))
            try store.grant(email: "ANALYST@alfa.it", RoleGrant(body: "beta", role: .reader))
            try store.grant(email: "analyst@alfa.it", RoleGrant(body: nil, role: .administrator))
            #expect(try store.users().map(\.email) == ["admin@rete.it", "analyst@alfa.it"])
            let found = try #require(try store.user(email: "ANALYST@ALFA.IT"))
            #expect(found.grants == [RoleGrant(body: nil, role: .administrator), RoleGrant(body: "alfa", role: .analyst), RoleGrant(body: "beta", role: .reader)])
            #expect(try store.user(id: found.id) == found)
            #expect(try store.user(email: "nobody@alfa.it") == nil)
            #expect(try store.user(id: 999_999) == nil)
            // A grant in a body replaces the role held there.
            let changed = try store.grant(email: "analyst@alfa.it", RoleGrant(body: "alfa", role: .reader))
            #expect(changed.grants.filter { $0.body == "alfa" } == [RoleGrant(body: "alfa", role: .reader)])
            // The refusals, word for word (the store's name aside).
            let name = store.path
            #expect(errorText { try store.addUser(email: "Admin@rete.it", passwordHash: Self.hash, grant: RoleGrant(body: "alfa", role: .reader)) }
                    == "the user admin@rete.it already exists in \(name); `polso users grant` gives them another role, `polso users remove` removes them")
            #expect(errorText { try store.grant(email: "x@alfa.it", RoleGrant(body: "alfa", role: .reader)) }
                    == "no user x@alfa.it in \(name); `polso users list` lists them, `polso users add` adds one")
            #expect(errorText { try store.grant(email: "admin@rete.it", RoleGrant(body: nil, role: .analyst)) }
                    == "the analyst role is held in one body: name it (--body CODE); only an administrator may hold the network")
            #expect(errorText { try store.grant(email: "admin@rete.it", RoleGrant(body: "gamma", role: .reader)) }
                    == "no body 'gamma' in \(name); its bodies: alfa (Ente alfa), beta (Ente beta), local (Ente locale). polso bodies add CODE --name NAME adds one")
        }
    }

    @Test("a refused change leaves nothing: a user added into an unknown body is not kept", arguments: StoreEngineKind.all)
    func atomicChange(engine: StoreEngineKind) throws {
        try withTemporaryFolder { folder in
            let bench = try Self.bench(folder, engine)
            let before = try bench.snapshot()
            #expect(errorText { try bench.store.addUser(email: "new@alfa.it", passwordHash: Self.hash, grant: RoleGrant(body: "gamma", role: .reader)) }?
                .hasPrefix("no body 'gamma' in ") == true)
            #expect(try bench.snapshot() == before)
            #expect(try bench.store.users().isEmpty)
        }
    }

    @Test("removing a role ends the user's sessions; removing the user removes roles and sessions; what is not held is refused", arguments: StoreEngineKind.all)
    func remove(engine: StoreEngineKind) throws {
        try withTemporaryFolder { folder in
            let bench = try Self.bench(folder, engine)
            let store = bench.store
            let user = try store.addUser(email: "analyst@alfa.it", passwordHash: Self.hash, grant: RoleGrant(body: "alfa", role: .analyst))
            try store.grant(email: "analyst@alfa.it", RoleGrant(body: "beta", role: .reader))
            let other = try store.addUser(email: "reader@beta.it", passwordHash: Self.hash, grant: RoleGrant(body: "beta", role: .reader))
            func session(_ key: String, _ user: UserAccount) throws {
                try store.createSession(WebSessionRecord(key: key, userId: user.id, csrfToken: "t-\(key)", createdAt: Self.added, lastSeenAt: Self.added))
            }
            try session("k1", user)
            try session("k2", other)
            #expect(errorText { try store.removeUser(email: "analyst@alfa.it", onlyIn: .some(nil)) } == "analyst@alfa.it is not an administrator of the network")
            #expect(errorText { try store.removeUser(email: "analyst@alfa.it", onlyIn: "local") } == "analyst@alfa.it holds no role in the body local")
            #expect(errorText { try store.removeUser(email: "nobody@alfa.it") } == "no user nobody@alfa.it in \(store.path); `polso users list` lists them")
            #expect(try store.session(key: "k1") != nil)  // a refusal ends nothing
            try store.removeUser(email: "Analyst@alfa.it", onlyIn: "beta")
            #expect(try store.user(email: "analyst@alfa.it")?.grants == [RoleGrant(body: "alfa", role: .analyst)])
            #expect(try store.session(key: "k1") == nil)
            #expect(try store.session(key: "k2") != nil)
            try session("k3", user)
            try store.removeUser(email: "analyst@alfa.it")
            #expect(try store.user(email: "analyst@alfa.it") == nil)
            #expect(try store.session(key: "k3") == nil)
            #expect(try bench.count("user_role") == 1)
            #expect(try store.users().map(\.email) == ["reader@beta.it"])
            try store.addUser(email: "admin@rete.it", passwordHash: Self.hash, grant: RoleGrant(body: nil, role: .administrator))
            try store.removeUser(email: "admin@rete.it", onlyIn: .some(nil))
            #expect(try store.user(email: "admin@rete.it")?.grants == [])
        }
    }

    @Test("sessions are created, found, touched, ended, and purged when too old or idle", arguments: StoreEngineKind.all)
    func sessions(engine: StoreEngineKind) throws {
        try withTemporaryFolder { folder in
            let bench = try Self.bench(folder, engine)
            let store = bench.store
            let user = try store.addUser(email: "analyst@alfa.it", passwordHash: Self.hash, grant: RoleGrant(body: "alfa", role: .analyst))
            let start = Date(timeIntervalSince1970: 1_800_000_000.25)
            let record = WebSessionRecord(key: "a1", userId: user.id, csrfToken: "csrf-1", createdAt: start, lastSeenAt: start)
            try store.createSession(record)
            #expect(try store.session(key: "a1") == record)
            #expect(try store.session(key: "zz") == nil)
            try store.touchSession(key: "a1", at: start.addingTimeInterval(90.5))
            #expect(try store.session(key: "a1")?.lastSeenAt == start.addingTimeInterval(90.5))
            try store.createSession(WebSessionRecord(key: "old", userId: user.id, csrfToken: "c", createdAt: start.addingTimeInterval(-50_000), lastSeenAt: start))
            try store.createSession(WebSessionRecord(key: "idle", userId: user.id, csrfToken: "c", createdAt: start, lastSeenAt: start.addingTimeInterval(-4_000)))
            try store.deleteExpiredSessions(signedInBefore: start.addingTimeInterval(-43_200), idleSince: start.addingTimeInterval(-3_600))
            #expect(try store.session(key: "old") == nil)
            #expect(try store.session(key: "idle") == nil)
            #expect(try store.session(key: "a1") != nil)
            try store.deleteSession(key: "a1")
            try store.deleteSession(key: "a1")  // twice: nothing to end, no error
            #expect(try bench.count("web_session") == 0)
            // A session of no user is refused by the store (the key of an account that was removed).
            #expect(errorText { try store.createSession(WebSessionRecord(key: "x", userId: 999_999, csrfToken: "c", createdAt: start, lastSeenAt: start)) } != nil)
            // …and the store's next operations work, the failed one having left nothing.
            #expect(try store.session(key: "x") == nil)
            try store.createSession(WebSessionRecord(key: "x", userId: user.id, csrfToken: "c", createdAt: start, lastSeenAt: start))
            #expect(try bench.count("web_session") == 1)
        }
    }

    @Test("the audit log keeps entries in order with every field, and filters by body", arguments: StoreEngineKind.all)
    func audit(engine: StoreEngineKind) throws {
        try withTemporaryFolder { folder in
            let bench = try Self.bench(folder, engine)
            let store = bench.store
            let entries = [
                AuditEntry(at: Self.added, user: "analyst@alfa.it", body: nil, action: .signIn, address: "10.0.0.1"),
                AuditEntry(at: Self.added.addingTimeInterval(61), user: "analyst@alfa.it", body: "alfa", action: .importWave,
                           detail: "anac-2013 2016 'x.csv' sha-256 ab'; DROP TABLE audit_log; --", address: "10.0.0.1"),
                AuditEntry(at: Self.added.addingTimeInterval(62), user: "cli:root", body: "beta", action: .removeWave, detail: "anac-2013 2015"),
                AuditEntry(at: Self.added.addingTimeInterval(63), user: "analyst@alfa.it", body: nil, action: .signOut),
            ]
            for entry in entries { try store.appendAudit(entry) }
            #expect(try store.auditLog() == entries)
            #expect(try store.auditLog(body: "alfa") == [entries[1]])
            #expect(try store.auditLog(body: "gamma") == [])
        }
    }

    @Test("an audit action this Polso does not know is an error naming it, not a guess")
    func unknownAction() throws {
        for engine in StoreEngineKind.all {
            try withTemporaryFolder { folder in
                let bench = try Self.bench(folder, engine)
                try bench.store.appendAudit(AuditEntry(at: Self.added, user: "a@b.it", body: nil, action: .signIn))
                let sql = "UPDATE audit_log SET action = 'export'"
                if let owner = bench.owner { try owner.run(sql) } else { try DatabaseQueue(path: bench.store.path).write { try $0.execute(sql: sql) } }
                #expect(errorText { _ = try bench.store.auditLog() } == """
                    the audit log of \(bench.store.path) holds the action 'export', which this Polso does not know (a newer Polso wrote it): use the newer Polso to read the log
                    """, "\(engine)")
            }
        }
    }

    @Test("PostgreSQL: the reader reads the users but may not change them, sign in or write the audit log; each refusal says why and stores nothing")
    func readerRole() throws {
        try withTemporaryFolder { folder in
            let bench = try Self.bench(folder, .postgres)
            let user = try bench.store.addUser(email: "analyst@alfa.it", passwordHash: Self.hash, grant: RoleGrant(body: "alfa", role: .analyst))
            let before = try bench.snapshot()
            let server = try PostgresTestServer.required()
            let reader = try SurveyStore.open(server.url(.reader, schema: try #require(bench.schema)), access: .read, busyTimeout: 1)
            #expect(try reader.users().map(\.email) == ["analyst@alfa.it"])
            let refusals = [
                errorText { try reader.addUser(email: "b@alfa.it", passwordHash: Self.hash, grant: RoleGrant(body: "alfa", role: .reader)) },
                errorText { try reader.createSession(WebSessionRecord(key: "k", userId: user.id, csrfToken: "c", createdAt: Self.added, lastSeenAt: Self.added)) },
                errorText { try reader.appendAudit(AuditEntry(at: Self.added, user: "a", body: nil, action: .signIn)) },
                errorText { try reader.deleteExpiredSessions(signedInBefore: Self.added, idleSince: Self.added) },
            ]
            for message in refusals.map({ $0 ?? "" }) {
                #expect(message.hasPrefix("the role polso_reader may not write to the store postgres://polso_reader@"), "\(message)")
                #expect(message.contains("permission denied for table") && message.contains("Writing needs the application role"), "\(message)")
            }
            #expect(refusals[0]?.contains("so the change of users stored nothing") == true)
            #expect(try bench.snapshot() == before)
        }
    }

    @Test("PostgreSQL: while another writer holds the store's writer lock (an import), users, sessions and the audit log are still written; a second writer of users waits for the first")
    func accountsDoNotWaitForImports() throws {
        try withTemporaryFolder { folder in
            let bench = try Self.bench(folder, .postgres)
            let server = try PostgresTestServer.required()
            let schema = try #require(bench.schema)
            let url = server.url(.application, schema: schema)
            let store = try SurveyStore.open(url, access: .write, busyTimeout: 1)
            // A connection of its own keeps the writer lock (session-level) as a long import would.
            let holder = try PostgresStore(url: url, access: .write, busyTimeout: 1)
            try holder.run("SELECT pg_advisory_lock(\(PostgresStore.writerLockKey(schema: schema)))")
            let started = Date()
            let user = try store.addUser(email: "analyst@alfa.it", passwordHash: Self.hash, grant: RoleGrant(body: "alfa", role: .analyst))
            try store.createSession(WebSessionRecord(key: "k", userId: user.id, csrfToken: "c", createdAt: Self.added, lastSeenAt: Self.added))
            try store.appendAudit(AuditEntry(at: Self.added, user: user.email, body: nil, action: .signIn))
            #expect(Date().timeIntervalSince(started) < 1, "the account writes waited for the writer lock")
            #expect(errorText { try store.removeWave(body: "alfa", instrument: "test-small", year: 2015, unit: "") }?.contains("waited 1 s") == true)
            try holder.run("SELECT pg_advisory_unlock_all()")
            // The users' own lock: held elsewhere, a change of users waits for it, then fails naming the wait.
            try holder.run("SELECT pg_advisory_lock(\(PostgresStore.writerLockKey(schema: schema + "/accounts")))")
            #expect(errorText { try store.grant(email: "analyst@alfa.it", RoleGrant(body: "beta", role: .reader)) }?.contains("waited 1 s") == true)
            #expect(try store.user(email: "analyst@alfa.it")?.grants == [RoleGrant(body: "alfa", role: .analyst)])
            try holder.run("SELECT pg_advisory_unlock_all()")
            try store.grant(email: "analyst@alfa.it", RoleGrant(body: "beta", role: .reader))
        }
    }
}
