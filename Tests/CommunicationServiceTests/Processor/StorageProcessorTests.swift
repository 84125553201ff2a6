import Foundation
import Testing
import Shared
import TestSupport
@testable import CommunicationService

@Suite("Storage processor: files in object storage become emails (communication.md §7)")
struct StorageProcessorTests {
    @Test("a verification file sends the confirmation email to the visitor and is deleted")
    func verification() async throws {
        try await ProcessorBench.with { bench in
            try await bench.put(.verification, "v1.json", data: Payloads.verification)
            await bench.processor.runCycle()
            let email = try #require(bench.sender.emails.first)
            #expect(bench.sender.sent.count == 1)
            #expect(email.recipientEmail == "anna@example.org")
            #expect(email.recipientName == "")
            #expect(email.subject == "Bestätigen Sie Ihre E-Mail-Adresse | Curavani")
            #expect(email.senderName == "Curavani GmbH")
            #expect(email.processMarkdown && email.addLegalFooter)
            for phrase in ["Hallo,", "**Schritt 1 von 4: E-Mail-Adresse bestätigen**",
                           "[E-Mail-Adresse bestätigen](https://curavani.com/verify?token=tok-123)",
                           "✓ Gruppentherapieplatz innerhalb 1 Monat", "✓ Einzeltherapieplatz innerhalb 3 Monaten",
                           "**Wichtig:** Dieser Link ist nur 30 Minuten gültig.", "info@curavani.com", "+49 241 555000",
                           "Mit freundlichen Grüßen,", "Ihr Curavani-Team",
                           "---\n\nCuravani | Die Plattform zur Vermittlung von Psychotherapieplätzen"] {
                #expect(email.message.contains(phrase), "missing \(phrase)")
            }
            #expect(!bench.exists("verifications/", "v1.json"))
            let s = bench.statistics.snapshot
            #expect(s.processedToday[.verification] == 1 && s.totalProcessed == 1 && s.lastError == nil)
            #expect(s.recent == [.init(file: "v1.json", kind: .verification, succeeded: true, error: nil, time: bench.clock.now)])
        }
    }

    @Test("subject and expiry come from the file when given")
    func verificationOverrides() async throws {
        try await ProcessorBench.with { bench in
            var data = Payloads.verification.objectValue!
            data["subject"] = "Bitte bestätigen"
            data["expiry_minutes"] = 45
            try await bench.put(.verification, "v.json", data: .object(data))
            await bench.processor.runCycle()
            let email = try #require(bench.sender.emails.first)
            #expect(email.subject == "Bitte bestätigen")
            #expect(email.message.contains("Dieser Link ist nur 45 Minuten gültig."))
        }
    }

    @Test("a contact file (double nesting) is forwarded to support with the wrapper's environment")
    func contact() async throws {
        try await ProcessorBench.with { bench in
            try await bench.put(.contact, "c1.json", data: ["data": Payloads.contact])
            await bench.processor.runCycle()
            let email = try #require(bench.sender.emails.first)
            #expect(email.recipientEmail == "patienten@curavani.com")
            #expect(email.recipientName == "Curavani Support")
            #expect(email.senderName == "Curavani Kontaktformular")
            #expect(email.subject == "[Kontaktformular] Anfrage von Clara Beispiel")
            #expect(email.processMarkdown && !email.addLegalFooter)
            #expect(email.message.hasPrefix("**Betreff:** [Kontaktformular] Anfrage von Clara Beispiel\n"))
            for phrase in ["**Neue Nachricht über das Kontaktformular**", "## Kontaktdaten", "Clara Beispiel",
                           "clara@example.org", "0241 123", "## Nachricht\n\nIch habe eine Frage.", "## Metadaten",
                           "2025-09-03 12:00:00", "curavani.com", "192.0.2.7", "req-9", "**Umgebung:** test",
                           "*Der Absender erwartet eine Antwort an: clara@example.org*"] {
                #expect(email.message.contains(phrase), "missing \(phrase)")
            }
            #expect(!bench.exists("contacts/", "c1.json"))
            #expect(bench.statistics.snapshot.processedToday[.contact] == 1)
        }
    }

    @Test("a contact file without nesting, own support address and no message")
    func contactSingleNesting() async throws {
        try await ProcessorBench.with { bench in
            var form = Payloads.contactForm.objectValue!
            form["nachricht"] = ""
            form["telefon"] = nil
            try await bench.put(.contact, "c.json", data: ["form_data": .object(form), "support_email": "help@example.org",
                                                           "source": "app.curavani.com"])
            await bench.processor.runCycle()
            let email = try #require(bench.sender.emails.first)
            #expect(email.recipientEmail == "help@example.org")
            #expect(email.message.contains("*(Keine Nachricht eingegeben)*"))
            #expect(email.message.contains("**Telefon:** Nicht angegeben"))
            #expect(email.message.contains("**Quelle:** app.curavani.com"))
        }
    }

    @Test("a waitlist file sends the German or English confirmation")
    func waitlist() async throws {
        try await ProcessorBench.with { bench in
            try await bench.put(.waitlist, "w1.json", data: Payloads.waitlist)
            var english = Payloads.waitlist.objectValue!
            english["language"] = "fr"
            english["email"] = "dan@example.org"
            try await bench.put(.waitlist, "w2.json", data: .object(english))
            await bench.processor.runCycle()
            let emails = bench.sender.emails
            try #require(emails.count == 2)
            #expect(emails[0].recipientEmail == "ben@example.org")
            #expect(emails[0].subject == "Curavani: Bestätigen Sie Ihre Virtual Coach Wartelisten-Anmeldung")
            #expect(emails[0].message.contains("[E-Mail-Adresse bestätigen](https://curavani.com/waitlist?t=w1)"))
            #expect(emails[0].message.contains("Beste Grüße,") && emails[0].message.contains("Curavani GmbH"))
            #expect(emails[1].subject == "Curavani: Confirm Your Virtual Coach Waitlist Registration")
            #expect(emails[1].message.contains("[Confirm Email Address](https://curavani.com/waitlist?t=w1)"))
            #expect(emails[1].message.contains("valid for 30 minutes") && emails[1].message.contains("https://curavani.com"))
            #expect(emails.allSatisfy { $0.senderName == "Curavani GmbH" && $0.recipientName == "" && $0.processMarkdown && $0.addLegalFooter })
            #expect(bench.statistics.snapshot.processedToday[.waitlist] == 2)
        }
    }

    @Test("folders go verifications, contacts, waitlist; names in order; other files are left alone")
    func order() async throws {
        try await ProcessorBench.with { bench in
            try await bench.put(.waitlist, "a.json", data: Payloads.waitlist)
            try await bench.put(.contact, "a.json", data: Payloads.contact)
            try await bench.put(.verification, "b.json", data: Payloads.verification)
            try await bench.put(.verification, "a.json", data: Payloads.verification)
            try await bench.put("verifications/", "notes.txt", Array("x".utf8))
            await bench.processor.runCycle()
            #expect(bench.sender.emails.map(\.subject.first) == ["B", "B", "[", "C"])
            #expect(bench.statistics.snapshot.recent.map { "\($0.kind.rawValue)/\($0.file)" }
                    == ["verification/a.json", "verification/b.json", "contact/a.json", "waitlist/a.json"])
            #expect(bench.exists("verifications/", "notes.txt"))
            #expect(bench.statistics.snapshot.totalFailed == 0)
        }
    }

    @Test("an invalid signature: recorded, deleted, notified; nothing sent to the visitor")
    func invalidSignature() async throws {
        try await ProcessorBench.with { bench in
            try await bench.put(.verification, "bad.json", data: Payloads.verification, key: "wrong-key")
            try await bench.put("waitlist/", "junk.json", Array("{not json".utf8))
            await bench.processor.runCycle()
            #expect(bench.sender.emails.isEmpty)
            #expect(!bench.exists("verifications/", "bad.json") && !bench.exists("waitlist/", "junk.json"))
            let notes = bench.sender.notifications
            try #require(notes.count == 2)
            #expect(notes[0].subject == "Validation failed for verification file: bad.json")
            #expect(notes[0].message == "Error: Invalid signature")
            #expect(notes[0].recipientEmail == nil && !notes[0].processMarkdown)
            #expect(notes[1].subject == "Validation failed for waitlist file: junk.json")
            let s = bench.statistics.snapshot
            #expect(s.failedToday[.verification] == 1 && s.failedToday[.waitlist] == 1 && s.totalFailed == 2)
            #expect(s.recent[0].error == "Invalid signature")
            #expect(s.lastError?.hasPrefix("Waitlist junk.json: Invalid JSON") == true)
            #expect(s.lastErrorTime == bench.clock.now)
        }
    }

    @Test("missing fields fail the file with the spec's texts and notify")
    func missingFields() async throws {
        try await ProcessorBench.with { bench in
            try await bench.put(.verification, "v.json", data: ["email": "anna@example.org", "token": ""])
            try await bench.put(.contact, "c.json", data: ["form_data": ["vorname": "Clara", "email": "c@example.org"]])
            try await bench.put(.waitlist, "w.json", data: ["verification_link": "https://x"])
            await bench.processor.runCycle()
            #expect(bench.sender.emails.isEmpty)
            let recent = bench.statistics.snapshot.recent
            #expect(recent.map(\.error) == ["Missing required fields: email, token, or verification_link",
                                            "Missing required fields. Got: vorname=True, nachname=False, email=True",
                                            "Missing required fields: email or verification_link"])
            #expect(bench.sender.notifications.map(\.subject) == ["Failed to process verification file: v.json",
                                                                  "Failed to process contact file: c.json",
                                                                  "Failed to process waitlist file: w.json"])
            #expect(bench.sender.notifications[2].message == "Error: Missing required fields: email or verification_link")
            #expect(bench.statistics.snapshot.lastError == "Waitlist w.json: Missing required fields: email or verification_link")
            #expect(!bench.exists("verifications/", "v.json") && !bench.exists("contacts/", "c.json"))
        }
    }

    @Test("a payload that is not an object is an unexpected error")
    func unexpectedShape() async throws {
        try await ProcessorBench.with { bench in
            try await bench.put(.verification, "v.json", data: ["x", "y"])
            await bench.processor.runCycle()
            #expect(bench.sender.notifications.map(\.subject) == ["Error processing verification file: v.json"])
            #expect(bench.statistics.snapshot.recent.first?.error == "'data' is not a JSON object")
            #expect(!bench.exists("verifications/", "v.json"))
        }
    }

    @Test("a failed send fails the file, deletes it and notifies")
    func sendFailure() async throws {
        let sender = RecordingSender { $0.senderName != "Storage Processor" }
        try await ProcessorBench.with(sender: sender) { bench in
            try await bench.put(.verification, "v.json", data: Payloads.verification)
            await bench.processor.runCycle()
            let error = try #require(bench.statistics.snapshot.recent.first?.error)
            #expect(error.hasPrefix("Failed to send email: communication service (self) answered 500"))
            #expect(bench.sender.notifications.map(\.subject) == ["Failed to process verification file: v.json"])
            #expect(!bench.exists("verifications/", "v.json"))
        }
    }

    @Test("a failed download is recorded and deleted without notification; an unreachable folder is left alone")
    func storageFailures() async throws {
        try await ProcessorBench.with(unreachable: ["contacts/"]) { bench in
            try await bench.put(.verification, "broken.json", data: Payloads.verification)
            try await bench.put(.contact, "c.json", data: Payloads.contact)
            try await bench.put(.waitlist, "w.json", data: Payloads.waitlist)
            await bench.processor.runCycle()
            let s = bench.statistics.snapshot
            #expect(s.recent.first?.error == "Download failed: object storage: transport failure: timeout (storage.example:443)")
            #expect(!bench.exists("verifications/", "broken.json"))
            #expect(bench.exists("contacts/", "c.json"))
            #expect(bench.sender.notifications.isEmpty)
            #expect(bench.sender.emails.count == 1 && s.processedToday[.waitlist] == 1)
            // The folder error comes after the download failure, so it is the last error.
            #expect(s.lastError == "Contact check failed: object storage: transport failure: connection refused (storage.example:443)")
            #expect(s.lastCheck == bench.clock.now)
        }
    }

    @Test("a broken template sends the short plain text with the link")
    func templateFallback() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "{% if %}broken".write(toFile: folder + "/verification_email.md", atomically: true, encoding: .utf8)
        try await ProcessorBench.with(templates: folder) { bench in
            try await bench.put(.verification, "v.json", data: Payloads.verification)
            try await bench.put(.waitlist, "w.json", data: Payloads.waitlist)
            await bench.processor.runCycle()
            let emails = bench.sender.emails
            try #require(emails.count == 2)
            #expect(emails[0].message.hasPrefix("Hallo,\n\nbitte bestätigen Sie Ihre E-Mail-Adresse über diesen Link:"))
            #expect(emails[0].message.contains("https://curavani.com/verify?token=tok-123"))
            #expect(emails[1].message.contains("Virtual Coach Warteliste") && emails[1].message.contains("https://curavani.com/waitlist?t=w1"))
            #expect(bench.statistics.snapshot.totalProcessed == 2)
            #expect(bench.logSink.capturedLines.contains { $0.contains("email template failed") })
        }
    }

    @Test("start prepares the folders and reports running; shutdown reports stopped")
    func lifecycle() async throws {
        let bench = try await ProcessorBench()
        #expect(bench.statistics.snapshot.running)
        #expect(FileManager.default.fileExists(atPath: bench.root + "/test/waitlist"))
        await bench.stop()
        #expect(!bench.statistics.snapshot.running)
    }

    @Test("disabled and unusable processors never run and say why")
    func notRunning() async throws {
        let statistics = ProcessorStatistics()
        let disabled = StorageProcessor(mode: .disabled, statistics: statistics, interval: .seconds(30))
        try await disabled.start()
        await disabled.runCycle()
        #expect(statistics.snapshot.running == false && statistics.snapshot.lastCheck == nil && statistics.snapshot.lastError == nil)
        let broken = ProcessorStatistics()
        let unusable = StorageProcessor(mode: .unusable("missing SWIFT_STORAGE_URL"), statistics: broken, interval: .seconds(30))
        try await unusable.start()
        #expect(broken.snapshot.lastError == "Monitor startup failed: missing SWIFT_STORAGE_URL")
        #expect(ProcessorHealth(broken.snapshot, now: .now()).issues == ["Processor not running", "Recent processor error"])
        await unusable.shutdown(until: .now.advanced(by: .seconds(1)))
    }
}
