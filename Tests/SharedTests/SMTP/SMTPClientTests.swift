import Testing
import Shared
import SMTP
import TestSupport

@Suite("SMTP client against the fake server") struct SMTPClientTests {
    static func message() throws -> MailMessage {
        try MailMessage(senderAddress: "info@curavani.com", senderName: "Curavani", recipients: ["a@example.com", "b@example.org"],
                        subject: "Bestätigung Ihrer Anfrage", text: "Guten Tag\n.\n..Punkt", html: "<p>Guten Tag</p>",
                        attachments: [MailAttachment(filename: "Brief.pdf", bytes: (0..<3000).map { UInt8($0 % 251) })])
    }

    static func client(_ port: Int, username: String = "", password: String = "", useTLS: Bool = false) -> SMTPClient {
        SMTPClient(configuration: SMTPConfiguration(host: "127.0.0.1", port: port, username: username, password: password,
                                                    useTLS: useTLS, connectTimeout: .seconds(1), totalTimeout: .seconds(1)))
    }

    static func failure(_ client: SMTPClient) async throws -> SMTPError {
        let message = try message()
        do {
            try await client.send(message)
        } catch {
            return error
        }
        throw TestSupportError("delivery unexpectedly succeeded")
    }

    @Test("delivers: envelope, decoded subject, both parts, attachment bytes, dot lines intact") func delivers() async throws {
        let server = try FakeSMTPServer()
        defer { server.stop() }
        try await Self.client(server.port).send(Self.message())
        let delivery = try #require(server.deliveries.first)
        #expect(delivery.sender == "info@curavani.com")
        #expect(delivery.recipients == ["a@example.com", "b@example.org"])
        #expect(delivery.authenticatedUser == nil)
        #expect(server.authentications.isEmpty)
        let mail = ParsedMail(delivery.data)
        #expect(mail.subject == "Bestätigung Ihrer Anfrage")
        #expect(mail.headers["to"] == "a@example.com, b@example.org")
        #expect(String(decoding: mail.parts[0].body, as: UTF8.self) == "Guten Tag\r\n.\r\n..Punkt")
        #expect(String(decoding: mail.parts[1].body, as: UTF8.self) == "<p>Guten Tag</p>")
        #expect(mail.parts[2].body == (0..<3000).map { UInt8($0 % 251) })
    }

    @Test("AUTH only with username and password") func authentication() async throws {
        let server = try FakeSMTPServer()
        defer { server.stop() }
        try await Self.client(server.port, username: "relay-user", password: "s3cret").send(Self.message())
        try await Self.client(server.port, username: "relay-user", password: "").send(Self.message())
        #expect(server.authentications.count == 1)
        #expect(server.authentications.first?.username == "relay-user")
        #expect(server.authentications.first?.password == "s3cret")
        #expect(server.deliveries.map(\.authenticatedUser) == ["relay-user", nil])
    }

    @Test("4xx replies are temporary, 5xx permanent; nothing is delivered", arguments: [
        (FakeSMTPServer.Stage.greeting, "421 4.3.2 shutting down", true, SMTPError.Reason.rejected),
        (.mailFrom, "451 4.3.0 try later", true, .rejected),
        (.rcptTo, "550 5.1.1 no such user", false, .rejected),
        (.dataEnd, "451 4.7.1 greylisted", true, .rejected),
        (.dataEnd, "554 5.7.1 spam", false, .rejected),
        (.auth, "535 5.7.8 bad credentials", false, .authentication),
        (.auth, "454 4.7.0 try later", true, .authentication),
    ]) func classification(stage: FakeSMTPServer.Stage, reply: String, temporary: Bool, reason: SMTPError.Reason) async throws {
        let server = try FakeSMTPServer(replies: [stage: reply])
        defer { server.stop() }
        let error = try await Self.failure(Self.client(server.port, username: "u", password: "p"))
        #expect(error.isTemporary == temporary)
        #expect(error.reason == reason)
        #expect(error.replyCode == Int(reply.prefix(3)))
        #expect(!error.description.contains("example") && !error.description.contains("Anfrage"))
        #expect(server.deliveries.isEmpty)
    }

    @Test("connection refused is temporary") func refused() async throws {
        let server = try FakeSMTPServer()
        let port = server.port
        server.stop()
        while !RawClient.isRefused(port: port, host: "127.0.0.1") { await Task.yield() }
        let error = try await Self.failure(Self.client(port))
        #expect(error.isTemporary && error.reason == .connection)
    }

    /// `.timeout` is libcurl's own limit firing; how long that took is no pass/fail criterion
    /// (a loaded machine stretches it), so the test asserts the classification only.
    @Test("a relay that never answers times out as temporary") func timeout() async throws {
        let server = try FakeSMTPServer(silent: true)
        defer { server.stop() }
        let error = try await Self.failure(Self.client(server.port))
        #expect(error.isTemporary && error.reason == .timeout)
    }

    @Test("STARTTLS required but not offered: temporary TLS failure, nothing sent in clear") func startTLSMissing() async throws {
        let server = try FakeSMTPServer()
        defer { server.stop() }
        let error = try await Self.failure(Self.client(server.port, username: "u", password: "p", useTLS: true))
        #expect(error.isTemporary && error.reason == .tls)
        #expect(server.deliveries.isEmpty && server.authentications.isEmpty)
    }

    @Test("libcurl version is reported") func version() {
        #expect(SMTPClient.libcurlVersion.split(separator: ".").count == 3)
    }
}
