/// The boundary of a `multipart/form-data` body (RFC 2046 §5.1.1, RFC 7578 §4.1).
public struct MultipartBoundary: Sendable, Equatable {
    /// The boundary text, without the leading `--`.
    public let value: String

    /// Validates `value`: 1–70 characters of RFC 2046 `bchars`
    /// (`A–Z a–z 0–9 ' ( ) + _ , - . / : = ?` and space), not ending with a space.
    public init(_ value: String) throws(MultipartError) {
        let bytes = value.utf8
        guard (1...70).contains(bytes.count), bytes.last != 0x20, bytes.allSatisfy(Self.isBoundaryByte) else {
            throw .invalidBoundary
        }
        self.value = value
    }

    /// The boundary of a `Content-Type` header value such as
    /// `multipart/form-data; boundary="----x"` (quoted or not; type and parameter names in any
    /// letter case). Throws `.notMultipart` for an absent or other media type,
    /// `.malformedContentType` for unparsable parameters, `.missingBoundary` without the
    /// parameter and `.invalidBoundary` for a repeated or invalid one.
    public init(contentType: String?) throws(MultipartError) {
        guard let contentType else { throw .notMultipart }
        guard let parsed = HeaderParameters(contentType) else {
            // Tell "not multipart at all" from "multipart with broken parameters".
            let type = contentType.split(separator: ";", maxSplits: 1).first ?? ""
            let trimmed = type.filter { $0 != " " && $0 != "\t" }
            throw trimmed.lowercased() == "multipart/form-data" ? .malformedContentType : .notMultipart
        }
        guard parsed.type == "multipart/form-data" else { throw .notMultipart }
        let values = parsed.values("boundary")
        guard let value = values.first else { throw .missingBoundary }
        guard values.count == 1 else { throw .invalidBoundary }
        try self.init(value)
    }

    /// `\r\n--<boundary>`: what separates parts (the first one may lack the CRLF).
    var delimiter: [UInt8] { [0x0D, 0x0A, UInt8(ascii: "-"), UInt8(ascii: "-")] + Array(value.utf8) }

    private static func isBoundaryByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case 0x20, 0x27...0x29, 0x2B...0x2F, 0x3A, 0x3D, 0x3F, 0x5F:   // space ' ( ) + , - . / : = ? _
            true
        default:
            false
        }
    }
}
