/// A JSON file signed by the public website (external.md §2.3):
/// `{"signature": hex, "signature_version": "hmac-sha256-v1", "timestamp", "type", "environment", "data"}`.
/// The signature is the lowercase hex HMAC-SHA256 of the canonical JSON of the whole object
/// without `signature` and `signature_version`: compact, members in document order, numbers as
/// written, non-ASCII and `/` unescaped (PHP `json_encode` with `JSON_UNESCAPED_UNICODE |
/// JSON_UNESCAPED_SLASHES`).
public struct SignedJSONDocument: Sendable {
    /// The only supported `signature_version`.
    public static let version = "hmac-sha256-v1"
    /// Documents older than this produce a warning (never a rejection).
    public static let maximumAge: Int64 = 30 * 60

    /// The verified top-level object (including the signature members).
    public let object: JSONObject
    /// Non-fatal findings: stale timestamp, environment mismatch.
    public let warnings: [String]

    /// The `data` member.
    public var data: JSONValue { object["data"] ?? .null }
    /// The `type` member, when it is a string.
    public var type: String? { object["type"]?.stringValue }

    /// Parses and verifies `bytes` with `key`. `environment` (e.g. `dev`) and `now` only feed
    /// the warnings.
    public static func verify(_ bytes: [UInt8], key: [UInt8], environment: String?,
                              now: UTCTimestamp = .now()) throws(SignatureError) -> SignedJSONDocument {
        let value: JSONValue
        do { value = try JSONParser.parse(bytes) } catch { throw .malformed(error) }
        guard let object = value.objectValue else { throw .notAnObject }
        for field in ["signature", "signature_version", "timestamp", "type", "data"] where !object.contains(field) {
            throw .missingField(field)
        }
        guard object["signature_version"]?.stringValue == version else { throw .unsupportedVersion }
        guard let signature = object["signature"]?.stringValue else { throw .invalidSignature }
        let unsigned = JSONValue.object(object.removing(["signature", "signature_version"]))
        var canonical = JSONWriter().bytes(unsigned)
        var matched = matches(signature, canonical, key)
        if !matched {
            // PHP escapes U+2028/U+2029 unless JSON_UNESCAPED_LINE_TERMINATORS is set.
            let escaped = JSONWriter(escapeLineTerminators: true).bytes(unsigned)
            if escaped != canonical { canonical = escaped; matched = matches(signature, canonical, key) }
        }
        guard matched else { throw .invalidSignature }
        return SignedJSONDocument(object: object, warnings: warnings(object, environment: environment, now: now))
    }

    /// The signature `verify` expects for `object` (minus any signature members): for signing
    /// fixtures and tools.
    public static func signature(of object: JSONObject, key: [UInt8]) -> String {
        let unsigned = JSONValue.object(object.removing(["signature", "signature_version"]))
        return Hex.encode(HMACSHA256.authenticationCode(for: JSONWriter().bytes(unsigned), key: key))
    }

    private static func matches(_ signature: String, _ canonical: [UInt8], _ key: [UInt8]) -> Bool {
        let expected = Array(Hex.encode(HMACSHA256.authenticationCode(for: canonical, key: key)).utf8)
        return ConstantTime.equals(expected, Array(signature.lowercased().utf8))
    }

    private static func warnings(_ object: JSONObject, environment: String?, now: UTCTimestamp) -> [String] {
        var warnings: [String] = []
        if let text = object["timestamp"]?.stringValue, let stamp = UTCTimestamp(iso8601: text) {
            if now.secondsSinceEpoch - stamp.secondsSinceEpoch > maximumAge { warnings.append("timestamp older than 30 minutes") }
        } else {
            warnings.append("timestamp unreadable")
        }
        if let environment, let stated = object["environment"]?.stringValue, stated != environment {
            warnings.append("environment '\(stated)' differs from container '\(environment)'")
        }
        return warnings
    }
}

/// Why a signed file was rejected. Descriptions never contain the file's content.
public enum SignatureError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformed(JSONParseError)
    case notAnObject
    case missingField(String)
    case unsupportedVersion
    case invalidSignature

    /// A short reason for logs, statistics and notifications.
    public var description: String {
        switch self {
        case .malformed(let error): "Invalid JSON: \(error)"
        case .notAnObject: "Invalid file: top level is not a JSON object"
        case .missingField(let field): "Missing required field: \(field)"
        case .unsupportedVersion: "Unsupported signature version"
        case .invalidSignature: "Invalid signature"
        }
    }
}
