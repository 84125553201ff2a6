#if canImport(FoundationEssentials)
internal import FoundationEssentials
#else
internal import Foundation
#endif

/// An HTTP request as handlers see it: fully received (head and body), framing already checked.
public struct Request: Sendable {
    /// The method.
    public var method: HTTPMethod
    /// The raw request target in origin form (`/path?query`), not decoded.
    public var target: String
    /// 0 for HTTP/1.0, 1 for HTTP/1.1.
    public var minorVersion: Int
    /// The header fields, in order.
    public var headers: HTTPHeaders
    /// The body bytes (de-chunked).
    public var body: [UInt8]
    /// The peer's IP address as text.
    public var remoteAddress: String
    /// The decoded query parameters.
    public var query: QueryParameters

    /// Creates a request; a malformed query string is an error (400).
    public init(method: HTTPMethod, target: String, minorVersion: Int = 1, headers: HTTPHeaders = [:],
                body: [UInt8] = [], remoteAddress: String = "127.0.0.1") throws(Problem) {
        self.method = method
        self.target = target
        self.minorVersion = minorVersion
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        if let mark = target.utf8.firstIndex(of: UInt8(ascii: "?")) {
            guard let query = QueryParameters(raw: target[target.index(after: mark)...]) else {
                throw Problem(.badRequest, "Invalid query string")
            }
            self.query = query
        } else {
            self.query = QueryParameters()
        }
    }

    /// The raw (still percent-encoded) path, without the query.
    public var path: Substring {
        guard let mark = target.utf8.firstIndex(of: UInt8(ascii: "?")) else { return target[...] }
        return target[..<mark]
    }

    /// Decodes the JSON body; any failure is a 400 problem with a message naming the field
    /// and the problem (never the submitted values, which may be health data).
    public func decode<T: Decodable>(_ type: T.Type) throws(Problem) -> T {
        guard !body.isEmpty else { throw Problem(.badRequest, "Request body must be a JSON object") }
        do {
            return try JSONDecoder().decode(T.self, from: Data(body))
        } catch let error as DecodingError {
            throw Problem(.badRequest, "Invalid JSON body: " + JSONErrorDescription.describe(error))
        } catch {
            throw Problem(.badRequest, "Invalid JSON body")
        }
    }
}

/// Short, value-free descriptions of decoding failures.
enum JSONErrorDescription {
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            var text = ""
            for key in context.codingPath {
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return text.isEmpty ? "body" : text
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return "missing field '\(parent == "body" ? key.stringValue : parent + "." + key.stringValue)'"
        case .typeMismatch(let type, let context): return "field '\(path(context))' must be \(readable(type))"
        case .valueNotFound(let type, let context): return "field '\(path(context))' must be \(readable(type)), not null"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "malformed JSON" : "field '\(path(context))' has an invalid value"
        @unknown default: return "malformed JSON"
        }
    }

    private static func readable(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type, is Int32.Type: "an integer"
        case is Double.Type, is Float.Type: "a number"
        case is Bool.Type: "a boolean"
        default: String(describing: type).hasPrefix("Array") ? "an array" : "an object"
        }
    }
}
