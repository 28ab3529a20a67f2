import Reports

/// The pages' one stylesheet, served as a file so that the content security policy needs no
/// `'unsafe-inline'`: the published report's rules (tables, charts) and the pages' own.
public enum Stylesheet {
    /// Where the server serves it.
    public static let path = "/static/polso.css"

    /// The stylesheet.
    public static let css = ReportHTML.style + """

        header{display:flex;flex-wrap:wrap;gap:14px;align-items:center;border-bottom:1px solid #ccc;padding-bottom:6px}\
        header p{margin:0}.brand{font-weight:bold;color:#2166ac}.code,.muted{color:#666}\
        header form{margin-left:auto}\
        nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:4px 16px;padding:0;margin:10px 0 18px}\
        nav a[aria-current]{font-weight:bold;text-decoration:none;border-bottom:3px solid #2166ac}\
        a:focus,button:focus,input:focus,select:focus,summary:focus,main:focus{outline:3px solid #f4a582;outline-offset:2px}\
        .skip{position:absolute;left:-9999px}.skip:focus{position:static}\
        pre.output{background:#f6f6f6;border:1px solid #ddd;padding:8px;white-space:pre-wrap;overflow-wrap:anywhere}\
        pre.error,.error{color:#a50f15}.ok{color:#1a9850}\
        form.stack label{display:block;margin:8px 0 2px;font-weight:bold}form.stack .hint{display:block;font-size:9pt;color:#555}\
        button{padding:5px 14px;font:inherit}.actions{display:flex;gap:10px;flex-wrap:wrap;margin:10px 0}\
        .downloads a{margin-right:12px}ul.plain{list-style:none;padding:0}\
        td.depth-1{padding-left:20px}td.depth-2{padding-left:34px}td.depth-3{padding-left:48px}td.depth-4{padding-left:62px}\
        td.depth-5{padding-left:76px}meter{width:110px;margin-right:6px;vertical-align:middle}\
        .band-0{border-color:#d73027}.band-1{border-color:#fc8d59}.band-2{border-color:#fee08b}.band-3{border-color:#91cf60}\
        .band-4{border-color:#1a9850}.band-none{border-color:#4393c3}\
        dl.figures{display:grid;grid-template-columns:max-content auto;gap:3px 14px}dl.figures dt{font-weight:bold}
        """
}
