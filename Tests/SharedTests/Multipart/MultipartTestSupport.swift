@testable import Shared

/// Builds multipart bodies byte by byte, so tests can break the framing on purpose.
enum MultipartSample {
    static let boundary = "XyZ-boundary"
    static let contentType = "multipart/form-data; boundary=\(boundary)"

    /// A well-formed body: every part is (header lines, content); CRLF everywhere.
    static func body(_ parts: [([String], [UInt8])], boundary: String = boundary,
                     preamble: String = "", epilogue: String = "") -> [UInt8] {
        var out = Array(preamble.utf8)
        for (headers, content) in parts {
            out += Array("--\(boundary)\r\n".utf8)
            for header in headers { out += Array("\(header)\r\n".utf8) }
            out += Array("\r\n".utf8)
            out += content
            out += Array("\r\n".utf8)
        }
        out += Array("--\(boundary)--".utf8) + Array(epilogue.utf8)
        return out
    }

    /// One file part named `file`.
    static func file(_ filename: String, _ content: [UInt8], type: String = "application/pdf") -> ([String], [UInt8]) {
        (["Content-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"", "Content-Type: \(type)"], content)
    }

    /// One text field.
    static func field(_ name: String, _ value: String) -> ([String], [UInt8]) {
        (["Content-Disposition: form-data; name=\"\(name)\""], Array(value.utf8))
    }

    /// Parses `text` (a whole body as a string) with the sample boundary.
    static func parse(_ text: String, contentType: String = contentType,
                      limits: MultipartFormData.Limits = .init()) throws(MultipartError) -> MultipartFormData {
        try MultipartFormData(body: Array(text.utf8), contentType: contentType, limits: limits)
    }

    /// The error `body` throws, or nil when it parses.
    static func error(_ text: String, contentType: String = contentType,
                      limits: MultipartFormData.Limits = .init()) -> MultipartError? {
        do { _ = try parse(text, contentType: contentType, limits: limits); return nil } catch { return error }
    }
}
