public import Shared

/// A website registration (patient.md §6.1–6.2) mapped to a new patient, before it is stored.
public struct Registration: Sendable, Equatable {
    /// The validated patient to insert (payment start already applied for vouchers).
    public var patient: Patient
    /// The mapped import data (template context `patient` of the confirmation email).
    public var data: JSONObject
    /// Voucher booking (`consent_metadata.voucher_booking`).
    public var isVoucher: Bool
    /// Identifies the registration across files: the token when there is one, else the signature.
    public var key: String
    /// Non-fatal findings (e.g. no registration token).
    public var warnings: [String]

    /// Fields copied from `patient_data`; anything else (insurance number, DiGA, exclusions,
    /// unknown members) is not imported.
    static let copied = ["anrede", "geschlecht", "vorname", "nachname", "strasse", "plz", "ort", "email", "telefon",
                         "hausarzt", "krankenkasse", "geburtsdatum", "symptome", "erfahrung_mit_psychotherapie",
                         "letzte_sitzung_vorherige_psychotherapie", "empfehler_der_unterstuetzung", "verkehrsmittel",
                         "offen_fuer_gruppentherapie", "zeitliche_verfuegbarkeit", "raeumliche_verfuegbarkeit",
                         "bevorzugtes_therapeutengeschlecht", "bevorzugtes_therapieverfahren"]

    /// Maps the verified document's `data` member; throws the failure text of the spec.
    public init(document: SignedJSONDocument, today: LocalDate) throws(RegistrationError) {
        var level = document.data
        if let inner = level["data"], inner["patient_data"] != nil { level = inner }
        guard let patientData = level["patient_data"]?.objectValue else { throw .invalid("Missing patient_data section in JSON") }
        var warnings: [String] = []
        let token = level["registration_token"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        if token == nil { warnings.append("registration has no registration_token") }
        let reference = token.map { String($0.prefix(8)) }
        let voucher = level["consent_metadata"]?["voucher_booking"]?.boolValue == true

        var data = JSONObject()
        for key in Self.copied {
            guard let value = patientData[key], !value.isNull else { continue }  // null values are dropped
            if key == "symptome", value.arrayValue == nil { continue }
            data[key] = value
        }
        if data["offen_fuer_gruppentherapie"] == nil { data["offen_fuer_gruppentherapie"] = false }
        data["vertraege_unterschrieben"] = true
        if voucher {
            data["zahlungsreferenz"] = .string("V_" + (reference.map { String($0.prefix(6)) } ?? "NOREF"))
            data["zahlung_eingegangen"] = true
        } else {
            if let reference { data["zahlungsreferenz"] = .string(reference) }
            data["zahlung_eingegangen"] = false
        }
        guard PatientField.schema.fields.allSatisfy({ $0.requiredHelp == nil || data.contains($0.name) }) else {
            throw .invalid("Missing required fields")
        }
        let changes: PatientChanges
        do { changes = try PatientInput.changes(from: data, mode: .create) } catch {
            throw .invalid(error.validationText)
        }
        var patient = Patient(creating: changes, today: today)
        PaymentTransition.applyOnCreate(&patient, today: today)
        self.patient = patient
        self.data = data
        isVoucher = voucher
        key = token.map { "token:" + Hex.encode(SHA256.hash(Array($0.utf8))) }
            ?? "signature:" + (document.object["signature"]?.stringValue ?? "").lowercased()
        self.warnings = warnings
    }
}

/// Why a registration could not be imported; the text goes to statistics and notifications.
public enum RegistrationError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalid(String)
    case duplicate(existingPatient: PatientID?)

    public var description: String {
        switch self {
        case .invalid(let text): text
        case .duplicate(let id): "Duplicate registration: already imported" + (id.map { " as patient \($0)" } ?? "")
        }
    }
}

extension PatientError {
    /// The message a validation error shows to a client.
    var validationText: String {
        switch self {
        case .invalid(let text): text
        case .invalidField(let field, let text): "\(field): \(text)"
        default: "\(self)"
        }
    }
}
