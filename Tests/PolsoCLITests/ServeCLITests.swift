import Foundation
import PolsoTestSupport
import Testing

@Suite("polso serve and polso users, as real processes")
struct ServeCLITests {
    /// curl's answer: status, headers (lower-cased names) and body.
    struct HTTPAnswer {
        var status: Int
        var headers: [(String, String)]
        var body: String

        func header(_ name: String) -> [String] { headers.filter { $0.0 == name }.map(\.1) }
    }

    /// One request through curl (no redirects followed, cookies passed by hand).
    static func curl(_ url: String, method: String = "GET", cookie: String? = nil, form: String? = nil, origin: String? = nil) throws -> HTTPAnswer {
        var arguments = ["-s", "-i", "-X", method, url]
        if let cookie { arguments += ["-H", "Cookie: \(cookie)"] }
        if let origin { arguments += ["-H", "Origin: \(origin)"] }
        if let form { arguments += ["-H", "Content-Type: application/x-www-form-urlencoded", "--data-raw", form] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts[0].components(separatedBy: "\r\n")
        let status = Int(head[0].split(separator: " ")[1]) ?? 0
        let headers = head.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return HTTPAnswer(status: status, headers: headers, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    /// The store of a test on `engine`: a SQLite file in the runner's folder, or a schema of its own
    /// on the PostgreSQL test server (its application role's URL), and what drops it.
    static func store(_ engine: StoreEngineKind, _ cli: CLIRunner) throws -> (url: String, drop: () -> Void) {
        switch engine {
        case .sqlite: return ("s.sqlite", {})
        case .postgres:
            let postgres = try PostgresCLIStore(cli)
            return (postgres.application, postgres.drop)
        }
    }

    @Test("users add reads the password from a file, never from the arguments; list and remove", arguments: StoreEngineKind.all)
    func users(engine: StoreEngineKind) throws {
        let cli = try CLIRunner()
        let (store, drop) = try Self.store(engine, cli)
        defer { drop() }
        let file = try cli.write("password.txt", "una frase lunga e segreta\n")
        let added = try cli.run(["users", "add", "Admin@Rete.it", "--role", "administrator", "--password-file", file, "--store", store])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout == "Added admin@rete.it: administrator of the network\n")
        let list = try cli.run(["users", "list", "--store", store])
        #expect(list.stdout == "admin@rete.it\tadministrator of the network\n")
        let again = try cli.run(["users", "add", "admin@rete.it", "--role", "administrator", "--password-file", file, "--store", store])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists"))
        let short = try cli.write("short.txt", "corta\n")
        let weak = try cli.run(["users", "add", "b@rete.it", "--role", "administrator", "--password-file", short, "--store", store])
        #expect(weak.status == 1)
        #expect(weak.stderr == "the password has 5 characters; use at least 12 (a phrase of several words is easiest)\n")
        let noBody = try cli.run(["users", "add", "c@rete.it", "--role", "analyst", "--password-file", file, "--store", store])
        #expect(noBody.status == 2)
        #expect(noBody.stderr.contains("add --body CODE"))
        let granted = try cli.run(["users", "grant", "admin@rete.it", "--role", "administrator", "--store", store])
        #expect(granted.status == 0)
        let removed = try cli.run(["users", "remove", "admin@rete.it", "--store", store])
        #expect(removed.stdout == "Removed admin@rete.it\n")
        #expect(try cli.run(["users", "list", "--store", store]).stdout.hasPrefix("No users"))
        let log = try cli.run(["users", "log", "--store", store]).stdout.split(separator: "\n")
        #expect(log.count == 3)
        #expect(log.first?.contains("\tuser-add\tadmin@rete.it administrator\t") == true)
        #expect(log.dropFirst().first?.contains("\tuser-grant\tadmin@rete.it administrator\t") == true)
    }

    @Test("serve refuses a non-loopback address without a TLS proxy")
    func refusesPlainHTTPOnTheNetwork() throws {
        let cli = try CLIRunner()
        let result = try cli.run(["serve", "--host", "0.0.0.0", "--store", "s.sqlite"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--behind-tls-proxy"))
    }

    @Test("polso serve runs on a free port; curl signs in and out", arguments: StoreEngineKind.all)
    func serveAndSignIn(engine: StoreEngineKind) throws {
        let cli = try CLIRunner()
        let (store, drop) = try Self.store(engine, cli)
        defer { drop() }
        let file = try cli.write("password.txt", "una frase lunga e segreta\n")
        #expect(try cli.run(["users", "add", "admin@rete.it", "--role", "administrator", "--password-file", file, "--store", store]).status == 0)
        let process = CLIRunner.process(["serve", "--store", store, "--port", "0"], in: cli.folder)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        // The first line names the address, once the server listens.
        var announced = Data()
        while !announced.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            announced.append(chunk)
        }
        let line = String(decoding: announced, as: UTF8.self)
        let base = try #require(line.range(of: "http://127.0.0.1:[0-9]+", options: .regularExpression).map { String(line[$0]) }, "\(line)")

        #expect(try Self.curl(base + "/health").body == "ok\n")
        // A second server on the same port says so and what to do.
        let port = String(base.split(separator: ":").last!)
        let second = try cli.run(["serve", "--store", store, "--port", port])
        #expect(second.status == 2)
        #expect(second.stderr.contains("cannot listen on 127.0.0.1:\(port): another program (perhaps another polso serve) uses that port; choose another with --port"))
        let page = try Self.curl(base + "/login")
        #expect(page.status == 200)
        #expect(page.header("content-security-policy").first?.contains("script-src 'self'") == true)
        let signInCookie = try #require(page.header("set-cookie").first { $0.hasPrefix("polso_signin=") })
        let token = String(signInCookie.dropFirst("polso_signin=".count).prefix { $0 != ";" })
        let signedIn = try Self.curl(base + "/login", method: "POST", cookie: "polso_signin=\(token)",
                                     form: "csrf=\(token)&email=admin%40rete.it&password=una+frase+lunga+e+segreta", origin: base)
        #expect(signedIn.status == 303, "\(signedIn.body)")
        let sessionCookie = try #require(signedIn.header("set-cookie").first { $0.hasPrefix("polso_session=") })
        for attribute in ["Secure", "HttpOnly", "SameSite=Strict"] { #expect(sessionCookie.contains(attribute)) }
        let session = String(sessionCookie.prefix { $0 != ";" })
        // The administrator reaches every body; with the store's one (local) body, "/" leads to its page.
        let root = try Self.curl(base + "/", cookie: session)
        #expect(root.status == 303)
        #expect(root.header("location") == ["/b/local/"])
        let home = try Self.curl(base + "/b/local/", cookie: session)
        #expect(home.status == 200)
        #expect(home.header("cache-control") == ["no-store"])
        let csrf = try #require(home.body.range(of: "name=\"csrf\" value=\"[0-9a-f]{64}", options: .regularExpression)
            .map { String(home.body[$0].suffix(64)) }, "\(home.body)")
        #expect(try Self.curl(base + "/logout", method: "POST", cookie: session, form: "csrf=\(csrf)", origin: base).status == 303)
        #expect(try Self.curl(base + "/", cookie: session).status == 303)
        let log = try cli.run(["users", "log", "--store", store]).stdout
        #expect(log.contains("\tsign-in\t"))
        #expect(log.contains("\tsign-out\t"))
    }

    @Test("on PostgreSQL, polso serve as the reader role stops at start, saying it must write sessions and the audit log; users list works")
    func serveRefusesReader() throws {
        let cli = try CLIRunner()
        let postgres = try PostgresCLIStore(cli)
        defer { postgres.drop() }
        let file = try cli.write("password.txt", "una frase lunga e segreta\n")
        #expect(try cli.run(["users", "add", "a@rete.it", "--role", "administrator", "--password-file", file, "--store", postgres.application]).status == 0)
        #expect(try cli.run(["users", "list", "--store", postgres.reader]).stdout == "a@rete.it\tadministrator of the network\n")
        let added = try cli.run(["users", "add", "b@rete.it", "--role", "administrator", "--password-file", file, "--store", postgres.reader])
        #expect(added.status == 1)
        #expect(added.stderr.hasPrefix("the role polso_reader may not write to the store postgres://polso_reader@"), "\(added.stderr)")
        let served = try cli.run(["serve", "--store", postgres.reader, "--port", "0"])
        #expect(served.status == 1)
        #expect(served.stderr.hasPrefix("polso serve writes its sessions and audit log in the store, which it cannot: the role polso_reader may not write to the store postgres://polso_reader@"), "\(served.stderr)")
        #expect(served.stderr.contains("Writing needs the application role"))
    }
}
