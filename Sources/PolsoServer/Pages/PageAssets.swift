import Hummingbird
import PolsoWeb

/// The files every page links to, served to anyone (the sign-in page needs the stylesheet too):
/// the pages' one stylesheet, so that no page needs an inline style.
enum PageAssets {
    static func register(on router: Router<PolsoRequestContext>) {
        let css = ByteBuffer(string: Stylesheet.css)
        router.get(RouterPath(stringLiteral: String(Stylesheet.path.dropFirst()))) { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                     body: .init(byteBuffer: css))
        }
    }
}
