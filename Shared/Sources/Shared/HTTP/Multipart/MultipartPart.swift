/// One part of a `multipart/form-data` body.
public struct MultipartPart: Sendable {
    /// The part's header fields, in order (values decoded as UTF-8, or as ISO-8859-1 when a
    /// value is not valid UTF-8).
    public let headers: HTTPHeaders
    /// The `name` parameter of its `Content-Disposition` (the form field name).
    public let name: String
    /// The file name: `filename*` (RFC 8187 `UTF-8''…` / `ISO-8859-1''…`, percent-decoded)
    /// when present, else `filename`; nil when the part is not a file field. May be empty (a
    /// file input left blank) and may contain anything, including `/`, `\` and `..`: sanitise
    /// it before using it as a path.
    public let filename: String?
    /// The content: a slice of the request body (no copy), without the CRLF before the next
    /// delimiter.
    public let body: ArraySlice<UInt8>

    /// Creates a part.
    public init(headers: HTTPHeaders, name: String, filename: String?, body: ArraySlice<UInt8>) {
        self.headers = headers
        self.name = name
        self.filename = filename
        self.body = body
    }

    /// The part's `Content-Type` header, if any (RFC 7578 default: `text/plain`).
    public var contentType: String? { headers["Content-Type"] }

    /// The `name` and file name from the one `Content-Disposition: form-data` of a part's headers.
    static func disposition(_ headers: HTTPHeaders, part: Int) throws(MultipartError) -> (name: String, filename: String?) {
        let fields = headers.values(for: "Content-Disposition")
        guard let field = fields.first else { throw .missingContentDisposition(part: part) }
        guard fields.count == 1, let parsed = HeaderParameters(field), parsed.type == "form-data" else {
            throw .invalidContentDisposition(part: part)
        }
        let names = parsed.values("name"), plain = parsed.values("filename"), extended = parsed.values("filename*")
        guard names.count == 1, plain.count <= 1, extended.count <= 1 else { throw .invalidContentDisposition(part: part) }
        if let extended = extended.first {
            guard let decoded = Self.extendedValue(extended) else { throw .invalidContentDisposition(part: part) }
            return (names[0], decoded)
        }
        return (names[0], plain.first)
    }

    /// Decodes an RFC 8187 `ext-value`: `charset'[language]'percent-encoded`, charset UTF-8 or
    /// ISO-8859-1 (any letter case). Nil when malformed or not valid in its charset.
    static func extendedValue(_ text: String) -> String? {
        let pieces = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3 else { return nil }
        switch pieces[0].lowercased() {
        case "utf-8":
            return PercentDecoding.decode(pieces[2])
        case "iso-8859-1":
            return latin1(pieces[2])
        default:
            return nil
        }
    }

    /// Percent-decodes `text` and reads every byte as ISO-8859-1; nil on a malformed escape.
    private static func latin1(_ text: Substring) -> String? {
        var scalars = String.UnicodeScalarView()
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { scalars.append(Unicode.Scalar(byte)); continue }
            guard let high = iterator.next().flatMap(Hex.value(of:)), let low = iterator.next().flatMap(Hex.value(of:)) else {
                return nil
            }
            scalars.append(Unicode.Scalar(high << 4 | low))
        }
        return String(scalars)
    }
}
