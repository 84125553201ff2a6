#if canImport(Glibc)
import Glibc
#endif
import Foundation
import TestSupport

/// What one connection saw: the responses read, and whether the server then closed it.
struct Conversation: Sendable {
    var responses: [RawResponse]
    /// EOF arrived after the responses, with no further bytes (no extra or partial response).
    var closedCleanly: Bool

    var first: RawResponse? { responses.first }
    var statuses: [Int] { responses.map(\.status) }
}

/// A request in HTTP/1.1 wire format with `Host`; `body` adds a Content-Length.
func wire(_ target: String, _ fields: [String] = [], method: String = "GET", body: String? = nil) -> String {
    var text = "\(method) \(target) HTTP/1.1\r\nHost: test\r\n"
    for field in fields { text += field + "\r\n" }
    if let body { text += "Content-Length: \(body.utf8.count)\r\n" }
    return text + "\r\n" + (body ?? "")
}

/// Opens a connection, sends `bytes` in one write, reads up to `count` responses and then
/// waits for the server to close (the client's read timeout turns a missing close into false).
func converse(_ port: Int, _ bytes: [UInt8], responses count: Int = 1,
              headRequest: Bool = false) async throws -> Conversation {
    try await blocking {
        let client = try RawClient(port: port)
        client.send(bytes)
        var responses: [RawResponse] = []
        while responses.count < count, let response = client.readResponse(headRequest: headRequest) {
            responses.append(response)
        }
        let eof = client.readsEOF()
        return Conversation(responses: responses, closedCleanly: eof && client.pending.isEmpty)
    }
}

/// `converse` with text.
func converse(_ port: Int, _ text: String, responses count: Int = 1,
              headRequest: Bool = false) async throws -> Conversation {
    try await converse(port, Array(text.utf8), responses: count, headRequest: headRequest)
}

extension RawClient {
    /// Sends `text` and reads one response (nil on EOF or timeout).
    func roundTrip(_ text: String, headRequest: Bool = false) -> RawResponse? {
        send(text)
        return readResponse(headRequest: headRequest)
    }

    /// Sends FIN, so a server lingering after its final response can close at once.
    func hangUp() { shutdown(fd, Int32(SHUT_WR)) }
}

extension RawResponse {
    /// The `message` member of a problem body.
    var message: String? {
        let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
        return object?["message"] as? String
    }

    /// The body decoded as the echo routes' JSON.
    var echo: Echo? { try? JSONDecoder().decode(Echo.self, from: Data(body)) }

    /// Whether the response announces `Connection: close`.
    var announcesClose: Bool { header("Connection")?.lowercased() == "close" }
}
