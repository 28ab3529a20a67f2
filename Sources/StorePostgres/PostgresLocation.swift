import Foundation
import NIOSSL
import PostgresNIO
import Store

/// Where a PostgreSQL store is: a `postgres://` or `postgresql://` URL,
/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?schema=NAME&sslmode=disable|prefer|require]`.
///
/// The password may also come from `PGPASSWORD` (so that it stays off command lines and shell
/// histories). It is never part of ``display``, the form every message uses.
struct PostgresLocation: Sendable, Equatable {
    var host: String
    var port: Int
    var user: String
    var password: String?
    var database: String
    /// The schema holding the store's tables (`search_path`); `nil`: the role's default.
    var schema: String?
    var sslMode: String

    /// Parses a store URL.
    /// - Throws: ``StoreError`` naming what is wrong, with the URL shown without its password.
    init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "postgres" || scheme == "postgresql" else {
            throw StoreError("\(Self.redacted(text)) is not a PostgreSQL URL: write postgres://USER@HOST[:PORT]/DATABASE[?schema=NAME]")
        }
        let shown = Self.redacted(text)
        guard let host = components.host, !host.isEmpty else {
            throw StoreError("the store URL \(shown) names no host: write postgres://USER@HOST[:PORT]/DATABASE")
        }
        self.host = host
        port = components.port ?? 5432
        guard let user = components.user, !user.isEmpty else {
            throw StoreError("the store URL \(shown) names no role: write postgres://USER@HOST[:PORT]/DATABASE (the password in PGPASSWORD)")
        }
        self.user = user.removingPercentEncoding ?? user
        password = components.password.map { $0.removingPercentEncoding ?? $0 } ?? environment["PGPASSWORD"]
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? self.user : (path.removingPercentEncoding ?? path)
        schema = nil
        sslMode = "prefer"
        for item in components.queryItems ?? [] {
            switch item.name {
            case "schema", "search_path":
                guard let value = item.value, !value.isEmpty else { throw StoreError("the store URL \(shown) gives an empty schema") }
                schema = value
            case "sslmode":
                guard let value = item.value, ["disable", "prefer", "require"].contains(value) else {
                    throw StoreError("the store URL \(shown): sslmode must be disable, prefer or require, not '\(item.value ?? "")'")
                }
                sslMode = value
            default:
                throw StoreError("the store URL \(shown) has the parameter '\(item.name)', which Polso does not know: it knows schema and sslmode")
            }
        }
    }

    /// The URL as messages show it: no password, ever.
    var display: String {
        var text = "postgres://\(user)@\(host.contains(":") ? "[\(host)]" : host)"
        if port != 5432 { text += ":\(port)" }
        text += "/\(database)"
        if let schema { text += "?schema=\(schema)" }
        return text
    }

    /// `text` with any password between `:` and `@` of its user part replaced by `***`, for a URL
    /// that could not be parsed.
    static func redacted(_ text: String) -> String {
        guard let scheme = text.range(of: "://") else { return text }
        let rest = text[scheme.upperBound...]
        guard let at = rest.lastIndex(of: "@") else { return text }
        let userInfo = rest[..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return text }
        return String(text[..<scheme.upperBound]) + userInfo[..<colon] + ":***" + rest[at...]
    }

    /// The connection's configuration; `applicationName` is what other sessions see of it
    /// (`pg_stat_activity`), and so what a waiting writer names.
    func configuration(applicationName: String) throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        switch sslMode {
        case "disable":
            tls = .disable
        default:
            let context = try NIOSSLContext(configuration: .makeClientConfiguration())
            tls = sslMode == "require" ? .require(context) : .prefer(context)
        }
        var configuration = PostgresConnection.Configuration(host: host, port: port, username: user, password: password,
                                                             database: database, tls: tls)
        var parameters = [("application_name", applicationName)]
        if let schema { parameters.append(("search_path", Self.quotedIdentifier(schema))) }
        configuration.options.additionalStartupParameters = parameters
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }

    /// `"name"`, with inner quotes doubled.
    static func quotedIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
