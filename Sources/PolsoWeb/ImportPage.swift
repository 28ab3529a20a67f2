import Reports

/// The import form: the file, what it is, the survey, the year and the wave's options. Posting it
/// only checks the file (a dry run); nothing is stored until the preview is confirmed.
public enum ImportPage {
    /// The form; `surveys` are the codebooks offered, `year` the year proposed.
    public static func render(surveys: [String], year: Int, context: PageContext) -> String {
        let words = WebWords(locale: context.locale)
        guard context.role.mayChange else {
            return PageLayout.page(title: words.title(.importing), context: context.on(.importing),
                                   content: "<p>\(Markup.escape(words.readOnly))</p>")
        }
        var fields = field("file", words.file, hint: words.fileHint, "<input type=\"file\" id=\"file\" name=\"file\" required=\"required\"/>")
        fields += "<fieldset><legend>\(Markup.escape(words.kind))</legend>"
        fields += "<label><input type=\"radio\" name=\"kind\" value=\"survey\" checked=\"checked\"/> \(Markup.escape(words.surveyExport))</label>"
        fields += "<label><input type=\"radio\" name=\"kind\" value=\"plan\"/> \(Markup.escape(words.planWorkbook))</label></fieldset>"
        fields += field("survey", words.survey, "<select id=\"survey\" name=\"survey\">"
            + surveys.map { WellbeingPage.option($0, $0, selected: false) }.joined() + "</select>")
        fields += field("year", words.year, "<input type=\"number\" id=\"year\" name=\"year\" min=\"1990\" max=\"2100\" required=\"required\" value=\"\(year)\"/>")
        fields += field("unit", words.unit, "<input type=\"text\" id=\"unit\" name=\"unit\"/>")
        fields += field("service", words.service, "<input type=\"text\" id=\"service\" name=\"service\"/>")
        fields += field("staff", words.staff, "<input type=\"number\" id=\"staff\" name=\"staff\" min=\"1\"/>")
        fields += field("mapping", words.mapping, "<input type=\"file\" id=\"mapping\" name=\"mapping\"/>")
        fields += "<div class=\"actions\"><button type=\"submit\">\(Markup.escape(words.preview))</button></div>"
        let form = Markup.form(action: context.path(.importing), context: context, multipart: true, label: words.title(.importing), fields)
            .replacingOccurrences(of: "<form ", with: "<form class=\"stack\" ")
        return PageLayout.page(title: words.title(.importing), context: context.on(.importing), content: form)
    }

    private static func field(_ id: String, _ label: String, hint: String? = nil, _ control: String) -> String {
        "<label for=\"\(id)\">\(Markup.escape(label))</label>" + (hint.map { "<span class=\"hint\">\(Markup.escape($0))</span>" } ?? "") + control
    }
}
