import Testing
import Shared
import SMTP

@Suite("SMTP MIME message") struct SMTPMIMEMessageTests {
    static func message(subject: String = "Ihre Anfrage", name: String = "Curavani Team", text: String = "Hallo",
                        html: String = "<p>Hallo</p>", attachments: [MailAttachment] = []) throws -> MailMessage {
        try MailMessage(senderAddress: "info@curavani.com", senderName: name, recipients: ["p@example.com"],
                        subject: subject, text: text, html: html, attachments: attachments)
    }

    static func lines(_ bytes: [UInt8]) -> [Substring] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\r\n", omittingEmptySubsequences: false)
    }

    @Test("headers: From, To, Date, Message-ID at the sender domain, MIME-Version") func headers() throws {
        let bytes = try Self.message().mimeBytes(date: UTCTimestamp(secondsSinceEpoch: 1_795_428_672), messageID: "abc")
        let mail = ParsedMail(bytes)
        #expect(mail.headers["from"] == "Curavani Team <info@curavani.com>")
        #expect(mail.headers["to"] == "p@example.com")
        #expect(mail.headers["subject"] == "Ihre Anfrage")
        #expect(mail.headers["date"] == "Mon, 23 Nov 2026 10:11:12 +0000")
        #expect(mail.headers["message-id"] == "<abc@curavani.com>")
        #expect(mail.headers["mime-version"] == "1.0")
        #expect(mail.headers["content-type"]?.hasPrefix("multipart/alternative;") == true)
        #expect(mail.parts.map { $0.headers["content-type"] } == ["text/plain; charset=utf-8", "text/html; charset=utf-8"])
    }

    @Test("non-ASCII subject and name become UTF-8 encoded words, ASCII specials are quoted") func encodedWords() throws {
        let subject = "Ihre Therapieplätze – Übersicht für Jürgen Müller-Lüdenscheidt, bitte prüfen 🙂"
        let mail = ParsedMail(try Self.message(subject: subject, name: "Jörg Ä").mimeBytes())
        #expect(mail.subject == subject)
        #expect(mail.headers["subject"]?.hasPrefix("=?UTF-8?B?") == true)
        #expect(ParsedMail.decodeWords(String(mail.headers["from"]!.prefix { $0 != "<" }.dropLast())) == "Jörg Ä")
        #expect(ParsedMail(try Self.message(name: "Team, Curavani").mimeBytes()).headers["from"]
                == "\"Team, Curavani\" <info@curavani.com>")
    }

    @Test("every line is 7-bit, CRLF-terminated and at most 76 characters") func lineLengths() throws {
        let long = String(repeating: "Zeile mit Ümlauten und Text. ", count: 40)
        let attachment = MailAttachment(filename: "Überweisung für Frau Müller-Lüdenscheidt (Kopie) 2026.pdf",
                                        bytes: (0..<5000).map { UInt8($0 % 256) })
        let bytes = try Self.message(subject: long, name: long, text: long + "\n" + long, html: long,
                                     attachments: [attachment]).mimeBytes()
        #expect(bytes.allSatisfy { $0 < 0x80 })
        #expect(!bytes.enumerated().contains { $0.element == 10 && (($0.offset == 0) || bytes[$0.offset - 1] != 13) })
        #expect(!bytes.enumerated().contains { $0.element == 13 && ($0.offset + 1 == bytes.count || bytes[$0.offset + 1] != 10) })
        #expect(Self.lines(bytes).allSatisfy { $0.utf8.count <= 76 })
    }

    @Test("attachments: mixed wrapper, base64 bytes, content type, RFC 2231 for Unicode names") func attachments() throws {
        let pdf = MailAttachment(filename: "Brief.pdf", bytes: Array("%PDF-1.4 …".utf8) + [0, 255, 13, 10])
        let unicode = MailAttachment(filename: "Bestätigung.pdf", bytes: [1, 2, 3])
        let other = MailAttachment(filename: "daten", bytes: [])
        let mail = ParsedMail(try Self.message(text: "", attachments: [pdf, unicode, other]).mimeBytes())
        #expect(mail.headers["content-type"]?.hasPrefix("multipart/mixed;") == true)
        #expect(mail.parts.count == 4)                                            // html (empty text left out) + 3
        #expect(mail.parts[0].headers["content-type"] == "text/html; charset=utf-8")
        #expect(mail.parts[1].headers["content-type"] == "application/pdf")
        #expect(mail.parts[1].headers["content-disposition"] == "attachment; filename=\"Brief.pdf\"")
        #expect(mail.parts[1].body == pdf.bytes)
        #expect(mail.parts[2].headers["content-disposition"] == "attachment; filename*=UTF-8''Best%C3%A4tigung.pdf")
        #expect(mail.parts[2].body == [1, 2, 3])
        #expect(mail.parts[3].headers["content-type"] == "application/octet-stream")
    }

    @Test("bodies are UTF-8 with CRLF line breaks") func bodies() throws {
        let mail = ParsedMail(try Self.message(text: "Grüße\nZeile 2\r\n.\n", html: "<p>Grüße</p>").mimeBytes())
        #expect(String(decoding: mail.parts[0].body, as: UTF8.self) == "Grüße\r\nZeile 2\r\n.\r\n")
        #expect(String(decoding: mail.parts[1].body, as: UTF8.self) == "<p>Grüße</p>")
    }

    @Test("CR/LF and control characters in header values are rejected") func headerInjection() {
        #expect(throws: MailMessageError.controlCharacter(.subject)) { try Self.message(subject: "Hi\r\nBcc: x@evil.com") }
        #expect(throws: MailMessageError.controlCharacter(.senderName)) { try Self.message(name: "A\nB") }
        #expect(throws: MailMessageError.controlCharacter(.filename)) {
            try Self.message(attachments: [MailAttachment(filename: "a\r\n.pdf", bytes: [])])
        }
        #expect(throws: MailMessageError.controlCharacter(.recipient)) {
            try MailMessage(senderAddress: "a@b.de", senderName: "", recipients: ["x@y.de\r\nRCPT TO:<z@w.de>"],
                            subject: "", text: "", html: "")
        }
        for bad in ["", "no-at", "a@b@c", "a b@c.de", "<a@b.de>", "a@", "@b.de", "ä@b.de", "a@b..de"] {
            #expect(throws: MailMessageError.invalidAddress(.sender)) {
                try MailMessage(senderAddress: bad, senderName: "", recipients: ["x@y.de"], subject: "", text: "", html: "")
            }
        }
        #expect(throws: MailMessageError.noRecipients) {
            try MailMessage(senderAddress: "a@b.de", senderName: "", recipients: [], subject: "", text: "", html: "")
        }
        #expect(MailMessageError.controlCharacter(.subject).description == "control character in subject")
    }
}
