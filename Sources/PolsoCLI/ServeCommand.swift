import ArgumentParser
import Foundation
import PolsoServer

/// `polso serve`: the web server over a store.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve Polso to browsers: sign-in, each body's pages, imports, tables, plans and reports.",
        discussion: """
            Plain HTTP on 127.0.0.1 by default; session cookies are Secure, which browsers accept over plain HTTP \
            only on localhost, so a server reached from other machines must sit behind a TLS-terminating proxy \
            (--behind-tls-proxy). Add the first user with `polso users add`. See docs/server.md.
            """)

    @OptionGroup var storeOption: StoreOption

    @Option(help: "The address to listen on (a non-loopback one needs --behind-tls-proxy).")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Option(name: .customLong("max-upload"), help: ArgumentHelp("The largest upload accepted, in MiB.", valueName: "MiB"))
    var maxUploadMiB = ServerConfiguration.defaultMaxUploadBytes / 1_048_576

    @Flag(help: "A TLS-terminating proxy (nginx, Apache, Caddy) forwards HTTPS to this server: allows a non-loopback --host.")
    var behindTLSProxy = false

    func run() throws {
        let configuration = ServerConfiguration(store: storeOption.store, host: host, port: port,
                                                maxUploadBytes: maxUploadMiB.multipliedReportingOverflow(by: 1_048_576).overflow ? .max : maxUploadMiB * 1_048_576,
                                                behindTLSProxy: behindTLSProxy)
        do {
            try WebServer.run(configuration: configuration) { message in
                // Unbuffered: whoever started the server reads the address as soon as it listens.
                FileHandle.standardOutput.write(Data((message + "\n").utf8))
            }
        } catch let error as ServerConfigurationError {
            throw ValidationError(error.message)
        }
    }
}
