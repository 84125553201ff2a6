/// `ObjectStorageTransport` over our `HTTPClient`: plain `http://` only (tests, stubs, a
/// storage reachable inside a private network).
public struct ObjectStorageHTTPTransport: ObjectStorageTransport {
    /// The client that performs the exchange (its timeouts and pool apply).
    public let client: HTTPClient

    /// A transport over `client`.
    public init(client: HTTPClient) { self.client = client }

    /// Sends `request` with `client`; `HTTPClientError`s become `.transport` with the client's
    /// own description (code, `host:port`, fixed phrase), cancellation becomes `.cancelled`.
    public func send(_ request: ObjectStorageRequest) async throws(ObjectStorageError) -> ObjectStorageResponse {
        let outgoing = HTTPClientRequest(method: request.method, url: request.url, headers: request.headers,
                                         body: request.body)
        do {
            let response = try await client.execute(outgoing)
            return ObjectStorageResponse(status: response.status.code, headers: response.headers, body: response.body)
        } catch {
            if error.code == .cancelled { throw .cancelled }
            throw .transport(error.description)
        }
    }
}
