import Foundation
import Store

/// What `polso serve` was started with: the store, where to listen, limits and session lifetimes.
public struct ServerConfiguration: Sendable {
    /// The store path or address as `--store` names it (`nil`: `$POLSO_STORE`, else `./polso.sqlite`).
    public var store: String?
    /// The address to listen on; a non-loopback one needs ``behindTLSProxy``.
    public var host: String
    /// The port to listen on (0: any free port).
    public var port: Int
    /// The largest request body accepted, in bytes, counted while it streams in.
    public var maxUploadBytes: Int
    /// A session unused for this long is over.
    public var sessionIdleTimeout: TimeInterval
    /// A session is over this long after sign-in, however busy.
    public var sessionLifetime: TimeInterval
    /// The operator states that a TLS-terminating proxy sits in front (required for a non-loopback address).
    public var behindTLSProxy: Bool

    /// 50 MiB: the largest survey exports seen are a few MiB; a million-respondent bench file is ~40 MiB.
    public static let defaultMaxUploadBytes = 50 * 1024 * 1024

    /// The defaults of `polso serve`: loopback, port 8080, 50 MiB uploads, 30-minute idle and 12-hour absolute session expiry.
    public init(store: String? = nil, host: String = "127.0.0.1", port: Int = 8080,
                maxUploadBytes: Int = Self.defaultMaxUploadBytes,
                sessionIdleTimeout: TimeInterval = 30 * 60, sessionLifetime: TimeInterval = 12 * 60 * 60,
                behindTLSProxy: Bool = false) {
        self.store = store
        self.host = host
        self.port = port
        self.maxUploadBytes = maxUploadBytes
        self.sessionIdleTimeout = sessionIdleTimeout
        self.sessionLifetime = sessionLifetime
        self.behindTLSProxy = behindTLSProxy
    }

    /// Whether `host` names this machine only (127.0.0.0/8, ::1, localhost).
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Refuses a plain-HTTP listener reachable from other machines: session cookies are `Secure`,
    /// which browsers honour over plain HTTP only on localhost.
    public func validate() throws {
        if !isLoopback && !behindTLSProxy {
            throw ServerConfigurationError("polso serve speaks plain HTTP and its session cookies are Secure: a browser on another machine would not send them back, and passwords would cross the network in clear. Listen on 127.0.0.1 behind a TLS-terminating proxy (nginx, Apache, Caddy) and pass --behind-tls-proxy, or keep --host 127.0.0.1; --host \(host) is refused")
        }
        if !(0...65_535).contains(port) {
            throw ServerConfigurationError("--port must be between 0 and 65535, not \(port)")
        }
        if maxUploadBytes < 1024 {
            throw ServerConfigurationError("--max-upload must be at least 1 KiB, not \(maxUploadBytes) bytes")
        }
    }
}

extension ServerConfiguration {
    /// Ends the sessions in `store` that have run out at `now`: signed in longer ago than
    /// ``sessionLifetime``, or idle longer than ``sessionIdleTimeout``.
    package func endExpiredSessions(in store: SurveyStore, at now: Date) throws {
        try store.deleteExpiredSessions(signedInBefore: now.addingTimeInterval(-sessionLifetime),
                                        idleSince: now.addingTimeInterval(-sessionIdleTimeout))
    }
}
