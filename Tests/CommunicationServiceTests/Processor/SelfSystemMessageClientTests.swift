import Testing
import Shared
import TestSupport
@testable import CommunicationService

@Suite("The processor's own POST /api/system-messages client")
struct SelfSystemMessageClientTests {
    @Test("the own address: explicit URL, loopback for wildcard hosts, late port with port 0")
    func address() {
        #expect(SelfAddress(explicit: "http://communication:8004", host: "0.0.0.0", port: 8004).url == "http://communication:8004")
        #expect(SelfAddress(explicit: nil, host: "0.0.0.0", port: 8024).url == "http://127.0.0.1:8024")
        #expect(SelfAddress(explicit: nil, host: "10.1.2.3", port: 8004).url == "http://10.1.2.3:8004")
        #expect(SelfAddress(explicit: nil, host: "::1", port: 8004).url == "http://[::1]:8004")
        let late = SelfAddress(explicit: nil, host: "127.0.0.1", port: 0)
        #expect(late.url == nil)
        late.bind(port: 40000)
        late.bind(port: 40001)
        #expect(late.url == "http://127.0.0.1:40000")
    }

    @Test("posts the message as JSON; non-2xx and an unknown address throw")
    func posts() async throws {
        let stub = try await PeerStub(routes: [(.post, "/api/system-messages")])
        let http = HTTPClient()
        defer { http.shutdown() }
        stub.answer(.post, "/api/system-messages", body: #"{"message":"System message sent successfully"}"#)
        let client = SelfSystemMessageClient(http: http, baseURL: { stub.url })
        try await client.send(SystemMessage(subject: "S", message: "M", senderName: "Storage Processor"))
        let body = try #require(stub.received.first?.json)
        #expect(body == ["subject": "S", "message": "M", "process_markdown": false, "add_legal_footer": false,
                         "sender_name": "Storage Processor"])
        stub.answer(.post, "/api/system-messages", status: .internalServerError, body: #"{"message":"Failed"}"#)
        await #expect(throws: PeerError.self) { try await client.send(SystemMessage(subject: "S", message: "M")) }
        let unknown = SelfSystemMessageClient(http: http, baseURL: { nil })
        await #expect(throws: PeerError("communication service (self) address not known yet")) {
            try await unknown.send(SystemMessage(subject: "S", message: "M"))
        }
        await stub.stop()
    }
}
