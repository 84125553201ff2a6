public import Shared

/// A JSON response in tests.
public struct APIResponse: Sendable {
    public let status: Int
    public let headers: HTTPHeaders
    public let body: [UInt8]
    /// The body parsed as JSON; `.null` when it is not JSON.
    public var json: JSONValue { (try? JSONParser.parse(body)) ?? .null }
    /// The body as text.
    public var text: String { String(decoding: body, as: UTF8.self) }
    /// `json["message"]` as a string.
    public var message: String? { json["message"]?.stringValue }
}

/// Calls a service under test over real HTTP.
public struct APIClient: Sendable {
    public let baseURL: String
    let http: HTTPClient

    /// A client for `http://127.0.0.1:<port>`.
    public init(port: Int, http: HTTPClient) {
        baseURL = "http://127.0.0.1:\(port)"
        self.http = http
    }

    /// Sends `method path` with an optional raw JSON body.
    public func call(_ method: HTTPMethod, _ path: String, _ body: String? = nil) async throws -> APIResponse {
        let request = HTTPClientRequest(method: method, url: baseURL + path,
                                        headers: body == nil ? [:] : ["Content-Type": "application/json"],
                                        body: body.map { Array($0.utf8) }, timeout: .seconds(30))
        let response = try await http.execute(request)
        return APIResponse(status: response.status.code, headers: response.headers, body: response.body)
    }

    /// Sends `method path` with `body` serialised as JSON.
    public func call(_ method: HTTPMethod, _ path: String, json body: JSONValue) async throws -> APIResponse {
        try await call(method, path, JSONWriter().string(body))
    }
}
