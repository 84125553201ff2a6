import Testing
import Shared
import TestSupport
@testable import CommunicationService

@Suite("POST /api/system-messages")
struct SystemMessageTests {
    @Test("sends at once with the defaults, stores nothing")
    func sendsWithDefaults() async throws {
        try await CommunicationFixture.with { f in
            let response = try await f.api.call(.post, "/api/system-messages", json: ["subject": "Import", "message": "3 Fehler <b>"])
            #expect(response.status == 200)
            #expect(response.json == ["message": "System message sent successfully", "recipient": "system@curavani.example"])
            let delivery = try #require(f.smtp.deliveries.last)
            #expect(delivery.recipients == ["system@curavani.example"])
            #expect(delivery.sender == "info@curavani.com")
            let mail = String(decoding: delivery.data, as: UTF8.self)
            #expect(mail.contains("From: Curavani System <info@curavani.com>"))
            #expect(mail.contains("Subject: Import"))
        }
    }

    @Test("markdown, footer, recipient and sender name as asked")
    func markdownAndFooter() async throws {
        try await CommunicationFixture.with { f in
            let response = try await f.api.call(.post, "/api/system-messages", json: [
                "subject": "Hallo", "message": "# Titel", "process_markdown": true, "add_legal_footer": true,
                "recipient_email": "kunde@example.org", "sender_name": "Storage Processor"])
            #expect(response.status == 200 && response.json["recipient"] == "kunde@example.org")
            let delivery = try #require(f.smtp.deliveries.last)
            #expect(delivery.recipients == ["kunde@example.org"])
            #expect(String(decoding: delivery.data, as: UTF8.self).contains("From: Storage Processor <info@curavani.com>"))
        }
    }

    @Test("validation: no data, missing subject or message, unusable recipient", arguments: [
        (#"{}"#, 400, "No data provided"), (#"{"message":"x"}"#, 400, "Subject is required"),
        (#"{"subject":"x"}"#, 400, "Message is required"),
        (#"{"subject":"x","message":"y","recipient_email":"kein Empfänger"}"#, 400, "Invalid system message: invalid recipient address"),
        (#"{"subject":"a\r\nBcc: x@y.de","message":"y"}"#, 400, "Invalid system message: control character in subject"),
    ])
    func rejects(body: String, status: Int, message: String) async throws {
        try await CommunicationFixture.with { f in
            let response = try await f.api.call(.post, "/api/system-messages", body)
            #expect(response.status == status && response.message == message)
            #expect(f.smtp.deliveries.isEmpty)
        }
    }

    @Test("relay refuses: 500 Failed to send system message, naming the recipient")
    func relayFailure() async throws {
        let smtp = try FakeSMTPServer(replies: [.rcptTo: "550 no such user"])
        try await CommunicationFixture.with(smtp: smtp) { f in
            let response = try await f.api.call(.post, "/api/system-messages", json: ["subject": "x", "message": "y"])
            #expect(response.status == 500)
            #expect(response.json == ["message": "Failed to send system message", "recipient": "system@curavani.example"])
        }
    }
}
