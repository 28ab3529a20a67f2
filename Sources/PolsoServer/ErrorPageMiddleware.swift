import Hummingbird
import PolsoKit

/// Turns every error a handler throws into an HTML page that shows the message escaped: the
/// library's ``PolsoError`` with the CLI's own message, Hummingbird's `HTTPError` with its status,
/// anything else as a 500 whose detail goes to the log only.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = PolsoRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let (status, message) = Self.describe(error)
            if status == .internalServerError {
                context.logger.error("request \(request.method) \(request.uri.path) failed: \(String(reflecting: error))")
            }
            return Self.page(status: status, message: message, headers: (error as? HTTPError)?.headers ?? [:])
        }
    }

    /// The status and message shown for an error.
    static func describe(_ error: any Error) -> (HTTPResponse.Status, String) {
        if let failure = PolsoError(error) {
            let status: HTTPResponse.Status = switch failure.kind {
            case .usage: .badRequest
            case .badInput, .checkFailed: .unprocessableContent
            case .missingData: .notFound
            case .store: .serviceUnavailable
            case .output: .internalServerError
            }
            return (status, failure.message)
        }
        if let error = error as? HTTPError {
            return (error.status, error.body ?? defaultMessage(error.status))
        }
        if let error = error as? any HTTPResponseError {
            return (error.status, defaultMessage(error.status))
        }
        return (.internalServerError, defaultMessage(.internalServerError))
    }

    static func defaultMessage(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 404: "Pagina non trovata."
        case 403: "Il vostro ruolo non consente questa operazione."
        case 413: "Il file supera il limite di caricamento del server."
        case 429: "Troppi tentativi: riprovate più tardi."
        case 500: "Errore interno del server: l'operazione non è stata eseguita. I dettagli sono nel registro del server."
        default: status.reasonPhrase
        }
    }

    static func page(status: HTTPResponse.Status, message: String, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        let html = ServerPages.error(status: status.code, title: "\(status.code) \(status.reasonPhrase)", message: message)
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
