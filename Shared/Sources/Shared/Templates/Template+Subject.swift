extension Template {
    /// The marker of the subject line an email template may start with.
    public static let subjectMarker = "**Betreff:**"

    /// Separates a rendered email into subject and body by the `**Betreff:**` convention: when
    /// the first non-blank line starts with `**Betreff:** <text>`, `<text>` (trimmed) is the
    /// subject and the body is what follows, without the blank lines after the subject line.
    /// Otherwise, or when `<text>` is empty, the subject is `defaultSubject`; without a subject
    /// line the body is `rendered` unchanged.
    public static func splitSubject(_ rendered: String, default defaultSubject: String) -> (subject: String, body: String) {
        let text = rendered.drop(while: \.isWhitespace)
        guard text.hasPrefix(subjectMarker) else { return (defaultSubject, rendered) }
        let lineEnd = text.firstIndex(where: \.isNewline) ?? text.endIndex
        let subject = String(text[..<lineEnd].dropFirst(subjectMarker.count)).trimmingWhitespace()
        var body = text[lineEnd...].dropFirst()
        while let newline = body.firstIndex(where: \.isNewline), body[..<newline].allSatisfy(\.isWhitespace) {
            body = body[newline...].dropFirst()
        }
        if body.allSatisfy(\.isWhitespace) { body = "" }
        return (subject.isEmpty ? defaultSubject : subject, String(body))
    }
}
