import Testing
import Shared

/// Runs `body` with a fresh client and server, then shuts both down.
func withClientAndServer(
    _ configuration: HTTPClient.Configuration = .init(),
    handler: @escaping @Sendable (TestConnection) -> Void,
    _ body: (HTTPClient, TestHTTPServer) async throws -> Void
) async throws {
    let server = try TestHTTPServer(handler: handler)
    let client = HTTPClient(configuration: configuration)
    defer {
        client.shutdown()
        server.stop()
    }
    try await body(client, server)
}

/// Expects `operation` to fail with an `HTTPClientError` of `code`.
func expectClientError(
    _ code: HTTPClientError.Code,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ operation: () async throws -> HTTPClientResponse
) async {
    do {
        let response = try await operation()
        Issue.record("expected \(code), got a \(response.status) response", sourceLocation: sourceLocation)
    } catch let error as HTTPClientError {
        #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected HTTPClientError \(code), got \(error)", sourceLocation: sourceLocation)
    }
}

/// A test argument shown by a short label instead of its (possibly long or control-laden) text.
struct Labeled: Sendable, CustomTestStringConvertible {
    let label: String
    let text: String

    init(_ label: String, _ text: String) {
        self.label = label
        self.text = text
    }

    /// Shows the text escaped (CR/LF visible) under `label`.
    init(escaping text: String) {
        self.init(String(reflecting: text), text)
    }

    var testDescription: String { label }
}
