import Testing
import Shared
import SMTP
import TestSupport

/// `SMTPClient` against a real SMTP server (`SMTPSink`: aiosmtpd writing a Maildir), asserting the
/// bytes that arrived. `send` returns after the sink's `250`, which it gives only once the message
/// file is in the Maildir, so no test waits for delivery.
@Suite("SMTP client against the aiosmtpd sink") struct SMTPSinkDeliveryTests {
    static let sender = "info@curavani.com"

    static func message(name: String = "Curavani GmbH", recipients: [String] = ["patient@example.com"],
                        subject: String = "Ihre Anfrage", text: String = "Guten Tag,\nIhre Anfrage ist eingegangen.",
                        html: String = "<p>Guten Tag,</p>\n<p>Ihre Anfrage ist eingegangen.</p>",
                        attachments: [MailAttachment] = []) throws -> MailMessage {
        try MailMessage(senderAddress: sender, senderName: name, recipients: recipients, subject: subject,
                        text: text, html: html, attachments: attachments)
    }

    /// A client for `sink` with generous limits (upper bounds, never timing assertions).
    static func client(_ sink: SMTPSink, host: String = "127.0.0.1", username: String = "", password: String = "",
                       useTLS: Bool = false, caFile: String? = nil) -> SMTPClient {
        SMTPClient(configuration: SMTPConfiguration(host: host, port: sink.port, username: username, password: password,
                                                    useTLS: useTLS, connectTimeout: .seconds(10),
                                                    totalTimeout: .seconds(30), caFile: caFile))
    }

    static func failure(_ client: SMTPClient, _ message: MailMessage) async throws -> SMTPError {
        do {
            try await client.send(message)
        } catch {
            return error
        }
        throw TestSupportError("delivery unexpectedly succeeded")
    }

    /// The message's lines without their CRLF (the last, empty element after the final CRLF dropped).
    static func lines(_ bytes: [UInt8]) -> [Substring] {
        Array(String(decoding: bytes, as: UTF8.self).split(separator: "\r\n", omittingEmptySubsequences: false).dropLast())
    }

    /// The header lines (up to the first empty line), folded lines as they are.
    static func headerLines(_ bytes: [UInt8]) -> [Substring] { Array(lines(bytes).prefix { !$0.isEmpty }) }

    /// The header line starting with `name: ` and its continuation lines.
    static func header(_ name: String, in bytes: [UInt8]) -> [Substring] {
        let head = headerLines(bytes)
        guard let start = head.firstIndex(where: { $0.hasPrefix(name + ": ") }) else { return [] }
        return [head[start]] + head[(start + 1)...].prefix { $0.hasPrefix(" ") }
    }

    /// `bytes` with the values that `send` chooses itself (date, message id, boundaries) replaced by
    /// placeholders, so a received message can be compared byte for byte with a local `mimeBytes()`.
    static func normalized(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
            .replacing(/Date: [^\r]*\r\n/, with: "Date: <date>\r\n")
            .replacing(/Message-ID: <[0-9a-f]{32}@/, with: "Message-ID: <id@")
            .replacing(/=_(alternative|mixed)_[0-9a-f]{32}/) { "=_\($0.1)_<boundary>" }
    }

    /// 7-bit, only CRLF line breaks, the whole message ends with CRLF, no line longer than `limit`.
    static func expectWellFormed(_ bytes: [UInt8], limit: Int = 78, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(bytes.allSatisfy { $0 < 0x80 }, sourceLocation: sourceLocation)
        #expect(bytes.suffix(2) == [13, 10], sourceLocation: sourceLocation)
        for (index, byte) in bytes.enumerated() {
            if byte == 10 { #expect(index > 0 && bytes[index - 1] == 13, "bare LF at \(index)", sourceLocation: sourceLocation) }
            if byte == 13 { #expect(index + 1 < bytes.count && bytes[index + 1] == 10, "bare CR at \(index)", sourceLocation: sourceLocation) }
        }
        for line in lines(bytes) { #expect(line.utf8.count <= limit, "\(line)", sourceLocation: sourceLocation) }
    }

    /// The file name of an RFC 2231 `filename*=` / `filename*0*=`… parameter, percent-decoded.
    static func rfc2231Filename(_ disposition: String) -> String? {
        var pieces: [(Int, String)] = []
        for parameter in disposition.split(separator: ";").map({ $0.drop { $0 == " " } }) {
            guard parameter.hasPrefix("filename*"), let equals = parameter.firstIndex(of: "=") else { continue }
            let key = parameter[parameter.index(parameter.startIndex, offsetBy: 9)..<equals].filter(\.isNumber)
            pieces.append((Int(key) ?? 0, String(parameter[parameter.index(after: equals)...])))
        }
        guard !pieces.isEmpty else { return nil }
        let joined = pieces.sorted { $0.0 < $1.0 }.map(\.1).joined()
        guard joined.hasPrefix("UTF-8''") else { return nil }
        var bytes: [UInt8] = [], utf8 = Array(joined.utf8.dropFirst(7)), index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
               let value = UInt8(String(decoding: utf8[index + 1...index + 2], as: UTF8.self), radix: 16) {
                bytes.append(value)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    // MARK: Messages

    @Test("plain delivery: envelope, every header, multipart/alternative, bodies; bytes as built") func plain() async throws {
        let sink = try SMTPSink()
        defer { sink.removeFiles() }
        let message = try Self.message()
        try await Self.client(sink).send(message)
        try await Self.client(sink).send(message)

        let raw = try #require(sink.messages.first)
        #expect(sink.count == 2)
        #expect(sink.envelopes.first == SMTPSink.Envelope(mailFrom: Self.sender, rcptTos: ["patient@example.com"]))
        Self.expectWellFormed(raw)
        #expect(Self.normalized(raw) == Self.normalized(message.mimeBytes()))

        let head = Self.headerLines(raw)
        #expect(Array(head.prefix(3)) == ["From: Curavani GmbH <info@curavani.com>", "To: patient@example.com",
                                         "Subject: Ihre Anfrage"])
        #expect(head[3].wholeMatch(of: /Date: (Mon|Tue|Wed|Thu|Fri|Sat|Sun), [1-3]?[0-9] (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20[0-9]{2} [0-2][0-9]:[0-5][0-9]:[0-6][0-9] \+0000/) != nil)
        #expect(head[4].wholeMatch(of: /Message-ID: <[0-9a-f]{32}@curavani\.com>/) != nil)
        #expect(head[5] == "MIME-Version: 1.0")
        #expect(head[6] == "Content-Type: multipart/alternative;")
        #expect(head[7].wholeMatch(of: /\ boundary="=_alternative_[0-9a-f]{32}"/) != nil)
        #expect(head.count == 8)
        let ids = sink.messages.map { ParsedMail($0).headers["message-id"] }
        #expect(ids[0] != ids[1])

        let mail = ParsedMail(raw)
        #expect(mail.parts.map { $0.headers["content-type"] } == ["text/plain; charset=utf-8", "text/html; charset=utf-8"])
        #expect(mail.parts.map { $0.headers["content-transfer-encoding"] } == ["base64", "base64"])
        #expect(String(decoding: mail.parts[0].body, as: UTF8.self) == "Guten Tag,\r\nIhre Anfrage ist eingegangen.")
        #expect(String(decoding: mail.parts[1].body, as: UTF8.self)
                == "<p>Guten Tag,</p>\r\n<p>Ihre Anfrage ist eingegangen.</p>")
    }

    @Test("UTF-8 subject and sender name: RFC 2047 words that decode back exactly, header lines ≤ 78") func unicodeHeaders() async throws {
        let sink = try SMTPSink()
        defer { sink.removeFiles() }
        let subject = "Ihre Therapieplätze – Übersicht für Jürgen Müller-Lüdenscheidt 🙂, Grüße aus Köln ✔ (ß, €, 😀👍🏽)"
        let name = "Curavani Psychotherapievermittlung für Ärztinnen & Ärzte GmbH"
        let message = try Self.message(name: name, subject: subject, text: "Grüße 👋", html: "<p>Grüße 👋</p>")
        try await Self.client(sink).send(message)

        let raw = try #require(sink.messages.first)
        Self.expectWellFormed(raw)
        #expect(Self.normalized(raw) == Self.normalized(message.mimeBytes()))
        let head = Self.headerLines(raw)
        #expect(head.allSatisfy { $0.utf8.count <= 78 })
        let subjectLines = Self.header("Subject", in: raw)
        #expect(subjectLines.count > 1)                                                       // folded
        #expect(subjectLines.allSatisfy { $0.wholeMatch(of: /(Subject:)? =\?UTF-8\?B\?[A-Za-z0-9+\/=]+\?=/) != nil })
        let mail = ParsedMail(raw)
        #expect(mail.subject == subject)
        let from = try #require(mail.headers["from"])
        #expect(from.hasSuffix(" <info@curavani.com>"))
        #expect(ParsedMail.decodeWords(String(from.dropLast(" <info@curavani.com>".count))) == name)
        #expect(String(decoding: mail.parts[0].body, as: UTF8.self) == "Grüße 👋")
        #expect(String(decoding: mail.parts[1].body, as: UTF8.self) == "<p>Grüße 👋</p>")
    }

    @Test("dot lines in the bodies arrive exactly; no line of the transfer starts with a dot") func dotLines() async throws {
        let sink = try SMTPSink()
        defer { sink.removeFiles() }
        let text = ".\n..\n.Punkt am Anfang\n...\nZeile\n.\n\n. \n.."
        let html = ".\r\n<p>..</p>\r\n.\r\n"
        let message = try Self.message(text: text, html: html)
        try await Self.client(sink).send(message)

        let raw = try #require(sink.messages.first)
        Self.expectWellFormed(raw)
        #expect(Self.normalized(raw) == Self.normalized(message.mimeBytes()))
        #expect(!Self.lines(raw).contains { $0.hasPrefix(".") })      // base64 bodies: the transport's dot-stuffing is never needed
        let mail = ParsedMail(raw)
        #expect(String(decoding: mail.parts[0].body, as: UTF8.self) == ".\r\n..\r\n.Punkt am Anfang\r\n...\r\nZeile\r\n.\r\n\r\n. \r\n..")
        #expect(String(decoding: mail.parts[1].body, as: UTF8.self) == html)
    }

    @Test("attachments: all byte values, a PDF, a long Unicode file name (RFC 2231); base64 lines ≤ 76") func attachments() async throws {
        let sink = try SMTPSink()
        defer { sink.removeFiles() }
        let binary = MailAttachment(filename: "bytes.bin", bytes: (0..<(256 * 41 + 7)).map { UInt8($0 % 256) })
        let pdfBytes = Array("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".utf8)
            + [0, 13, 10, 46, 13, 10, 46, 46, 255, 254] + Array("\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n".utf8)
        let pdf = MailAttachment(filename: "Brief.pdf", bytes: pdfBytes)
        let unicodeName = "Bestätigung für Jürgen Müller-Lüdenscheidt – Therapieplatz Köln 2026 (Kopie) 📄.pdf"
        let unicode = MailAttachment(filename: unicodeName, bytes: Array("%PDF-1.7\n\u{FF}".utf8))
        let empty = MailAttachment(filename: "leer.txt", bytes: [])
        let message = try Self.message(attachments: [binary, pdf, unicode, empty])
        try await Self.client(sink).send(message)

        let raw = try #require(sink.messages.first)
        Self.expectWellFormed(raw, limit: 76)
        #expect(Self.normalized(raw) == Self.normalized(message.mimeBytes()))
        let mail = ParsedMail(raw)
        #expect(mail.headers["content-type"]?.hasPrefix("multipart/mixed;") == true)
        #expect(mail.parts.count == 6)
        #expect(mail.parts[2].headers["content-type"] == "application/octet-stream")
        #expect(mail.parts[2].headers["content-disposition"] == "attachment; filename=\"bytes.bin\"")
        #expect(mail.parts[2].body == binary.bytes)
        #expect(mail.parts[3].headers["content-type"] == "application/pdf")
        #expect(mail.parts[3].headers["content-disposition"] == "attachment; filename=\"Brief.pdf\"")
        #expect(mail.parts[3].body == pdfBytes)
        #expect(mail.parts[4].headers["content-type"] == "application/pdf")
        let disposition = try #require(mail.parts[4].headers["content-disposition"])
        #expect(disposition.contains("filename*0*=UTF-8''Best%C3%A4tigung"))                  // continued: the name is long
        #expect(Self.rfc2231Filename(disposition) == unicodeName)
        #expect(mail.parts[4].body == unicode.bytes)
        #expect(mail.parts[5].headers["content-type"] == "text/plain")
        #expect(mail.parts[5].body.isEmpty)
        #expect(mail.parts.allSatisfy { $0.headers["content-transfer-encoding"] == "base64" })

        // Every body line of the attachment parts is base64 of at most 76 characters, full lines exactly 76.
        let text = String(decoding: raw, as: UTF8.self)
        let binaryBody = try #require(text.firstRange(of: "filename=\"bytes.bin\"\r\n\r\n")).upperBound
        let bodyLines = text[binaryBody...].prefix { $0 != "-" }.split(separator: "\r\n")
        #expect(bodyLines.count == (binary.bytes.count + 56) / 57)
        #expect(bodyLines.dropLast().allSatisfy { $0.utf8.count == 76 })
        #expect(bodyLines.allSatisfy { $0.wholeMatch(of: /[A-Za-z0-9+\/]+=*/) != nil && $0.utf8.count <= 76 })
    }

    @Test("several recipients: one envelope with all of them, one To header folded") func recipients() async throws {
        let sink = try SMTPSink()
        defer { sink.removeFiles() }
        let recipients = ["a@example.com", "b.c@example.org", "therapeut+praxis@example.net", "d@sub.example.de"]
        try await Self.client(sink).send(Self.message(recipients: recipients))
        #expect(sink.count == 1)
        #expect(sink.envelopes == [SMTPSink.Envelope(mailFrom: Self.sender, rcptTos: recipients)])
        let raw = try #require(sink.messages.first)
        #expect(Self.header("To", in: raw) == ["To: a@example.com,", " b.c@example.org,", " therapeut+praxis@example.net,", " d@sub.example.de"])
        #expect(ParsedMail(raw).headers["to"] == recipients.joined(separator: ", "))
    }

    // MARK: STARTTLS

    @Test("STARTTLS with the sink's certificate as caFile delivers, by IP and by name") func startTLS() async throws {
        var options = SMTPSink.Options()
        options.startTLS = true
        let sink = try SMTPSink(options)
        defer { sink.removeFiles() }
        let caFile = try #require(sink.caFile)
        let message = try Self.message(attachments: [MailAttachment(filename: "a.pdf", bytes: Array(0...255))])
        try await Self.client(sink, useTLS: true, caFile: caFile).send(message)
        try await Self.client(sink, host: "localhost", useTLS: true, caFile: caFile).send(message)
        #expect(sink.count == 2)
        #expect(sink.messages.allSatisfy { Self.normalized($0) == Self.normalized(message.mimeBytes()) })
    }

    @Test("a sink that requires TLS rejects a plain client: permanent 530, nothing delivered") func requireTLS() async throws {
        var options = SMTPSink.Options()
        options.requireTLS = true
        let sink = try SMTPSink(options)
        defer { sink.removeFiles() }
        let error = try await Self.failure(Self.client(sink), Self.message())
        #expect(!error.isTemporary && error.reason == .rejected && error.replyCode == 530)
        try await Self.client(sink, useTLS: true, caFile: sink.caFile).send(Self.message())
        #expect(sink.count == 1)
    }

    @Test("useTLS without the sink's CA: certificate verification fails, temporary .tls, nothing delivered") func untrusted() async throws {
        var options = SMTPSink.Options()
        options.startTLS = true
        let sink = try SMTPSink(options)
        defer { sink.removeFiles() }
        let error = try await Self.failure(Self.client(sink, useTLS: true), Self.message())
        #expect(error.isTemporary && error.reason == .tls)
        #expect(sink.count == 0)
    }

    // MARK: AUTH

    static func authSink(mechanisms: [String] = ["PLAIN", "LOGIN"], withoutTLS: Bool = false) throws -> SMTPSink {
        var options = SMTPSink.Options()
        options.startTLS = true
        options.credentials = (username: "relay-user", password: "s3cret:pä ss")
        options.authMechanisms = mechanisms
        options.authWithoutTLS = withoutTLS
        return try SMTPSink(options)
    }

    @Test("AUTH over STARTTLS with each mechanism: the envelope shows the user", arguments: ["PLAIN", "LOGIN"])
    func authentication(mechanism: String) async throws {
        let sink = try Self.authSink(mechanisms: [mechanism])
        defer { sink.removeFiles() }
        try await Self.client(sink, username: "relay-user", password: "s3cret:pä ss", useTLS: true, caFile: sink.caFile)
            .send(Self.message())
        #expect(sink.envelopes.map(\.authUser) == ["relay-user"])
        #expect(sink.envelopes.map(\.authMechanism) == [mechanism])
    }

    @Test("wrong password: permanent .authentication (535), nothing delivered") func wrongPassword() async throws {
        let sink = try Self.authSink()
        defer { sink.removeFiles() }
        let client = Self.client(sink, username: "relay-user", password: "wrong", useTLS: true, caFile: sink.caFile)
        let error = try await Self.failure(client, Self.message())
        #expect(!error.isTemporary && error.reason == .authentication && error.replyCode == 535)
        #expect(sink.count == 0)
    }

    @Test("no credentials configured: no AUTH attempted") func noCredentials() async throws {
        let sink = try Self.authSink()
        defer { sink.removeFiles() }
        try await Self.client(sink, useTLS: true, caFile: sink.caFile).send(Self.message())
        try await Self.client(sink, username: "relay-user", password: "", useTLS: true, caFile: sink.caFile).send(Self.message())
        #expect(sink.envelopes.map(\.authUser) == [nil, nil])
    }

    @Test("AUTH offered only after TLS, client without TLS: the credentials never go out in clear") func noAuthInClear() async throws {
        let sink = try Self.authSink()
        defer { sink.removeFiles() }
        // libcurl skips AUTH when the relay does not offer it; a real relay would then refuse to relay.
        try await Self.client(sink, username: "relay-user", password: "s3cret:pä ss").send(Self.message())
        #expect(sink.envelopes.map(\.authUser) == [nil])
        let plain = try Self.authSink(withoutTLS: true)
        defer { plain.removeFiles() }
        try await Self.client(plain, username: "relay-user", password: "s3cret:pä ss").send(Self.message())
        #expect(plain.envelopes.map(\.authUser) == ["relay-user"])
    }

    // MARK: Relay down, hold

    @Test("relay down: temporary .connection; started again on the same port, delivery works") func relayDown() async throws {
        let sink = try SMTPSink()
        defer { sink.removeFiles() }
        try await Self.client(sink).send(Self.message(subject: "eins"))
        sink.stop()
        sink.stop()                                                                           // idempotent
        #expect(RawClient.isRefused(port: sink.port))
        let error = try await Self.failure(Self.client(sink), Self.message(subject: "zwei"))
        #expect(error.isTemporary && error.reason == .connection)
        try sink.start()
        try await Self.client(sink).send(Self.message(subject: "drei"))
        #expect(sink.messages.map { ParsedMail($0).subject } == ["eins", "drei"])
    }

    @Test("hold freezes a transaction at RCPT before any data is accepted; release completes it") func hold() async throws {
        let sink = try SMTPSink()
        defer { sink.removeFiles() }
        sink.hold()
        let client = Self.client(sink)
        let message = try Self.message()
        let delivery = Task { try await client.send(message) }
        #expect(try await blocking { sink.waitUntilHeld(timeout: .seconds(30)) })
        #expect(sink.count == 0)
        sink.release()
        try await delivery.value
        #expect(sink.count == 1)
        #expect(sink.waitForCount(atLeast: 1, timeout: .seconds(1)))
    }
}
