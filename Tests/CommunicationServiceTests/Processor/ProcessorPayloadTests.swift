import Testing
import TestSupport
import Shared
@testable import CommunicationService

@Suite("Storage processor payloads (communication.md §7.1–7.3)")
struct ProcessorPayloadTests {
    func document(_ data: JSONValue, environment: JSONValue = "prod") throws -> SignedJSONDocument {
        let bytes = JSONWriter().bytes(.object(JSONObject([
            (key: "signature", value: "x"), (key: "signature_version", value: "hmac-sha256-v1"),
            (key: "timestamp", value: "2025-09-03T12:00:00+02:00"), (key: "type", value: "contact"),
            (key: "environment", value: environment), (key: "data", value: data)])))
        let object = try JSONParser.parse(bytes).objectValue!
        let signed = JSONObject(object.members.map { $0.key == "signature"
            ? (key: "signature", value: .string(SignedJSONDocument.signature(of: object, key: [1]))) : $0 })
        return try SignedJSONDocument.verify(JSONWriter().bytes(.object(signed)), key: [1], environment: nil)
    }

    @Test("verification: defaults, Python truthiness of required fields, expiry as given")
    func verification() throws {
        let request = try VerificationRequest(data: ["email": "a@example.org", "token": 7, "verification_link": "https://l"])
        #expect(request.subject == "Bestätigen Sie Ihre E-Mail-Adresse | Curavani")
        #expect(request.token == "7" && request.expiryMinutes == 30)
        #expect(request.context(year: 2025, supportPhone: "")["current_year"] == .int(2025))
        let custom = try VerificationRequest(data: ["email": "a@example.org", "token": "t", "verification_link": "https://l",
                                                    "subject": "", "expiry_minutes": "15"])
        #expect(custom.subject == "Bestätigen Sie Ihre E-Mail-Adresse | Curavani" && custom.fallback.contains("15 Minuten"))
        for data: JSONObject in [["token": "t", "verification_link": "l"], ["email": "e", "token": .null, "verification_link": "l"],
                                 ["email": "e", "token": "t", "verification_link": 0]] {
            #expect(throws: ProcessingError.failed("Missing required fields: email, token, or verification_link")) {
                try VerificationRequest(data: data)
            }
        }
    }

    @Test("waitlist: language en by default and for unknown values; subjects per language")
    func waitlist() throws {
        let base: JSONObject = ["email": "e@example.org", "verification_link": "https://l"]
        #expect(try WaitlistRequest(data: base).language == "en")
        var german = base
        german["language"] = "de"
        german["subject_de"] = "Bitte bestätigen"
        german["subject_en"] = "Please confirm"
        let de = try WaitlistRequest(data: german)
        #expect(de.language == "de" && de.subject == "Bitte bestätigen" && de.template == "waitlist_verification_de.md")
        german["language"] = "DE"
        let en = try WaitlistRequest(data: german)
        #expect(en.language == "en" && en.subject == "Please confirm" && en.template == "waitlist_verification_en.md")
        #expect(throws: ProcessingError.failed("Missing required fields: email or verification_link")) {
            try WaitlistRequest(data: ["email": "e@example.org"])
        }
    }

    @Test("contact: double nesting, defaults, environment of the wrapper, presence flags in the failure")
    func contact() throws {
        let nested = try ContactRequest(document: document(["data": Payloads.contact, "support_email": "ignored@x"]))
        #expect(nested.supportEmail == "patienten@curavani.com" && nested.source == "curavani.com")
        #expect(nested.environment == "prod" && nested.fields["request_id"] == "req-9")
        #expect(nested.subject == "[Kontaktformular] Anfrage von Clara Beispiel")
        let flat = try ContactRequest(document: document(["form_data": Payloads.contactForm, "support_email": "s@x"],
                                                          environment: .null))
        #expect(flat.supportEmail == "s@x" && flat.environment == "unknown" && flat.fields["ip_address"] == "")
        #expect(throws: ProcessingError.failed("Missing required fields. Got: vorname=False, nachname=False, email=False")) {
            try ContactRequest(document: document(["metadata": [:]]))
        }
        #expect(throws: ProcessingError.unexpected("'form_data' is not a JSON object")) {
            try ContactRequest(document: document(["form_data": "text"]))
        }
        #expect(throws: ProcessingError.unexpected("'data.data' is not a JSON object")) {
            try ContactRequest(document: document(["data": 5]))
        }
    }

    @Test("the real templates render every variable (no leftovers, no placeholders)")
    func templatesRender() throws {
        let library = TemplateLibrary(directory: Repository.path("templates/emails"))
        let verification = try library.render("verification_email.md",
            try VerificationRequest(data: Payloads.verification.objectValue!).context(year: 2025, supportPhone: ""))
        #expect(verification.contains("erreichen Sie uns per E-Mail an info@curavani.com.\n"))
        let contact = try library.render("contact_form_forward.md", try ContactRequest(document: document(Payloads.contact)).context())
        #expect(contact.contains("**IP-Adresse:** 192.0.2.7") && contact.contains("**Request-ID:** req-9"))
        for text in [verification, contact] { #expect(!text.contains("{{") && !text.contains("{%")) }
    }
}
