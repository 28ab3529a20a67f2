import Foundation
import Reports

/// The one way text reaches a page: every interpolated value goes through ``escape(_:)`` (the
/// report's escaping, which quotes `&`, `<`, `>`, `"` and `'`, so it is safe in text and in quoted
/// attributes), and every value placed in an address through ``pathComponent(_:)``.
package enum Markup {
    /// Text or a quoted attribute value.
    package static func escape(_ text: String) -> String { HTMLText.escape(text) }

    /// A value percent-encoded as one path segment or query value: only unreserved characters
    /// stay, so it can neither end the path, start a scheme (`javascript:`) nor break the attribute.
    package static func pathComponent(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// A link to an address the pages built (always starting with `/`).
    package static func link(_ path: String, _ text: String, current: Bool = false) -> String {
        precondition(path.hasPrefix("/"), "pages link only to their own addresses")
        return "<a href=\"\(escape(path))\"\(current ? " aria-current=\"page\"" : "")>\(escape(text))</a>"
    }

    /// A hidden form field.
    package static func hidden(_ name: String, _ value: String) -> String {
        "<input type=\"hidden\" name=\"\(escape(name))\" value=\"\(escape(value))\"/>"
    }

    /// A form that changes data: POST to `action` with the session's CSRF token, as a hidden field
    /// and, for a file upload (whose body the server streams to disk unread), in the address too.
    package static func form(action: String, context: PageContext, multipart: Bool = false, label: String? = nil, _ content: String) -> String {
        precondition(action.hasPrefix("/"), "forms post only to the pages' own addresses")
        let encoding = multipart ? " enctype=\"multipart/form-data\"" : ""
        let action = multipart ? action + "?" + PageLayout.csrfField + "=" + pathComponent(context.csrfToken) : action
        let name = label.map { " aria-label=\"\(escape($0))\"" } ?? ""
        return "<form method=\"post\" action=\"\(escape(action))\"\(encoding)\(name)>" + hidden(PageLayout.csrfField, context.csrfToken)
            + content + "</form>"
    }

    /// Preformatted text (the CLI's own messages and summaries), escaped.
    package static func preformatted(_ text: String, className: String = "output") -> String {
        "<pre class=\"\(className)\">\(escape(text))</pre>"
    }
}
