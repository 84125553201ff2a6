public import Shared

/// A validated field value.
public typealias FieldValue = InputValue

/// The validated fields of a create or update request, in declaration order. Only provided,
/// non-null fields appear; applying them never fails.
public struct PatientChanges: Sendable, Equatable {
    /// Field values in declaration order.
    public private(set) var values: [(field: PatientField, value: FieldValue)] = []

    /// Equal when the same fields carry the same values in the same order.
    public static func == (lhs: PatientChanges, rhs: PatientChanges) -> Bool {
        lhs.values.count == rhs.values.count && zip(lhs.values, rhs.values).allSatisfy { $0.field == $1.field && $0.value == $1.value }
    }

    /// The value given for `field`.
    public subscript(field: PatientField) -> FieldValue? { values.first { $0.field == field }?.value }

    init(values: [(field: PatientField, value: FieldValue)]) { self.values = values }

    /// `patient` with every change applied.
    public func applied(to patient: Patient) -> Patient {
        var patient = patient
        for (field, value) in values { patient.set(field, value) }
        return patient
    }
}

extension Patient {
    /// A new patient from a validated create request (the four required fields are present).
    public init(creating changes: PatientChanges, today: LocalDate) {
        func text(_ field: PatientField) -> String { if case .text(let value)? = changes[field] { value } else { "" } }
        self.init(anrede: Anrede(rawValue: text(.anrede)) ?? .herr, geschlecht: Geschlecht(rawValue: text(.geschlecht)) ?? .keineAngabe,
                  vorname: text(.vorname), nachname: text(.nachname), createdAt: today)
        self = changes.applied(to: self)
    }

    mutating func set(_ field: PatientField, _ value: FieldValue) {
        switch (field, value) {
        case (.anrede, .text(let v)): anrede = Anrede(rawValue: v) ?? anrede
        case (.geschlecht, .text(let v)): geschlecht = Geschlecht(rawValue: v) ?? geschlecht
        case (.status, .text(let v)): status = Patientenstatus(rawValue: v) ?? status
        case (.bevorzugtesTherapeutengeschlecht, .text(let v)):
            bevorzugtesTherapeutengeschlecht = Therapeutgeschlechtspraeferenz(rawValue: v) ?? bevorzugtesTherapeutengeschlecht
        case (.bevorzugtesTherapieverfahren, .text(let v)):
            bevorzugtesTherapieverfahren = Therapieverfahren(rawValue: v) ?? bevorzugtesTherapieverfahren
        case (.vorname, .text(let v)): vorname = v
        case (.nachname, .text(let v)): nachname = v
        case (.strasse, .text(let v)): strasse = v
        case (.plz, .text(let v)): plz = v
        case (.ort, .text(let v)): ort = v
        case (.email, .text(let v)): email = v
        case (.telefon, .text(let v)): telefon = v
        case (.hausarzt, .text(let v)): hausarzt = v
        case (.krankenkasse, .text(let v)): krankenkasse = v
        case (.krankenversicherungsnummer, .text(let v)): krankenversicherungsnummer = v
        case (.empfehlerDerUnterstuetzung, .text(let v)): empfehlerDerUnterstuetzung = v
        case (.zahlungsreferenz, .text(let v)): zahlungsreferenz = v
        case (.verkehrsmittel, .text(let v)): verkehrsmittel = v
        case (.geburtsdatum, .date(let v)): geburtsdatum = v
        case (.letzteSitzungVorherigePsychotherapie, .date(let v)): letzteSitzungVorherigePsychotherapie = v
        case (.ersterTherapieplatzAm, .date(let v)): ersterTherapieplatzAm = v
        case (.funktionierenderTherapieplatzAm, .date(let v)): funktionierenderTherapieplatzAm = v
        case (.erfahrungMitPsychotherapie, .bool(let v)): erfahrungMitPsychotherapie = v
        case (.vertraegeUnterschrieben, .bool(let v)): vertraegeUnterschrieben = v
        case (.zahlungEingegangen, .bool(let v)): zahlungEingegangen = v
        case (.offenFuerGruppentherapie, .bool(let v)): offenFuerGruppentherapie = v
        case (.offenFuerDiga, .bool(let v)): offenFuerDiga = v
        case (.symptome, .json(let v)): symptome = v
        case (.zeitlicheVerfuegbarkeit, .json(let v)): zeitlicheVerfuegbarkeit = v
        case (.raeumlicheVerfuegbarkeit, .json(let v)): raeumlicheVerfuegbarkeit = v
        case (.ausgeschlosseneTherapeuten, .json(let v)): ausgeschlosseneTherapeuten = v
        default: assertionFailure("\(field) cannot hold \(value)")
        }
    }
}
