internal import Shared

/// The geocoding service's own error shape `{"status": "error", "error": "<text>"}` (geocoding.md
/// intro), and the plain `{"message": …}` parameter errors.
enum GeocodingAnswer {
    /// `{"status":"error","error":text}` with `status`.
    static func error(_ text: String, status: HTTPStatus) -> Response {
        var json = JSONBuilder()
        json.member("status", string: "error")
        json.member("error", string: text)
        return .json(bytes: json.finish(), status: status)
    }

    /// A 400 `{"message": text}` (the original parser's help texts).
    static func parameter(_ text: String) -> Problem { Problem(.badRequest, text, code: "geocoding.invalid_parameter") }
}
