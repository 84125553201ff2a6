/// An error that knows how to present itself to an HTTP client.
public protocol ProblemConvertible: Error {
    /// The safe, client-facing description of the error.
    var problem: Problem { get }
}

/// An error response in the shape the platform's clients read: RFC 9457 problem details plus
/// the `message` member the existing frontend expects (`{"message": "…"}`). Anything that is
/// not a `ProblemConvertible` becomes a generic 500; details go to the log, never to clients.
public struct Problem: Error, Sendable, ProblemConvertible, Equatable {
    /// The status to answer with.
    public var status: HTTPStatus
    /// The human-readable message (also sent as `detail`).
    public var message: String
    /// An optional stable machine code, e.g. `patient.not_found`.
    public var code: String?
    /// Extra members, e.g. `patient_id` (ordered).
    public var extensions: [Extension]
    /// Per-field messages. When set, `message` is the object `{"<field>": "<text>"}` the
    /// original parser produced (and `errors` lists them RFC 9457 style); `detail` stays text.
    public var fieldMessages: [Extension] = []

    /// A value of an extension member.
    public enum Value: Sendable, Equatable {
        case string(String), int(Int), bool(Bool), strings([String]), ints([Int])
    }

    /// One extension member.
    public struct Extension: Sendable, Equatable {
        /// Member name.
        public var name: String
        /// Member value.
        public var value: Value
        /// Creates a member.
        public init(_ name: String, _ value: Value) { self.name = name; self.value = value }
    }

    /// Creates a problem.
    public init(_ status: HTTPStatus, _ message: String, code: String? = nil, extensions: [Extension] = []) {
        self.status = status
        self.message = message
        self.code = code
        self.extensions = extensions
    }

    /// A 400-style problem whose `message` is an object of per-field texts.
    public init(_ status: HTTPStatus, fieldMessages: [Extension], code: String? = nil) {
        let text = fieldMessages.map { field -> String in
            if case .string(let value) = field.value { return field.name + ": " + value }
            return field.name
        }.joined(separator: "; ")
        self.init(status, text, code: code)
        self.fieldMessages = fieldMessages
    }

    /// The 404 for unknown URLs, in the original's wording. Handlers throw it when a path
    /// parameter does not have the form the route requires (e.g. a non-integer id).
    public static let routeNotFound = Problem(.notFound, "The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.")

    /// Itself.
    public var problem: Problem { self }

    /// The media type of problem bodies.
    public static let contentType = "application/problem+json"

    /// The response: `{"type":"about:blank","title":…,"status":…,"detail":…,"message":…}`.
    public var response: Response {
        var json = JSONBuilder()
        json.member("type", string: "about:blank")
        json.member("title", string: status.reasonPhrase)
        json.member("status", int: status.code)
        json.member("detail", string: message)
        if fieldMessages.isEmpty {
            json.member("message", string: message)
        } else {
            var object = JSONBuilder(), errors: [UInt8] = [UInt8(ascii: "[")]
            for field in fieldMessages {
                guard case .string(let text) = field.value else { continue }
                object.member(field.name, string: text)
                var error = JSONBuilder()
                error.member("field", string: field.name)
                error.member("message", string: text)
                if errors.count > 1 { errors.append(UInt8(ascii: ",")) }
                errors += error.finish()
            }
            json.member("message", rawBytes: object.finish())
            json.member("errors", rawBytes: errors + [UInt8(ascii: "]")])
        }
        if let code { json.member("code", string: code) }
        for item in extensions {
            switch item.value {
            case .string(let s): json.member(item.name, string: s)
            case .int(let i): json.member(item.name, int: i)
            case .bool(let b): json.member(item.name, raw: b ? "true" : "false")
            case .strings(let list): json.member(item.name, strings: list)
            case .ints(let list): json.member(item.name, rawBytes: Array(("[" + list.map(String.init).joined(separator: ",") + "]").utf8))
            }
        }
        return Response(status: status, headers: ["Content-Type": Problem.contentType], body: json.finish())
    }
}
