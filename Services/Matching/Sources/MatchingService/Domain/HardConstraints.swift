internal import Shared

/// The question for the geocoding service (§5.1 a).
struct DistanceQuestion: Sendable, Equatable {
    let origin: String, destination: String, mode: String  // mode "car" | "transit"
    let maxKm: Double

    /// nil distance (unknown/non-200) passes; else distance ≤ maxKm.
    func passes(distanceKm: Double?) -> Bool {
        guard let distanceKm else { return true }
        return distanceKm <= maxKm
    }
}

/// §5.1 hard constraints.
struct HardConstraints: Sendable {
    let defaultMaxKm: Double  // DEFAULT_MAX_DISTANCE_KM, 25

    /// b) exclusions, c) patient preferences, d) therapist preferences (ages as of `today`).
    func passesWithoutDistance(patient: JSONValue, searchExclusions: JSONValue, therapist: JSONValue, today: LocalDate) -> Bool {
        guard let id = therapist["id"]?.intValue else { return false }
        // b) the search's list (ints or objects), the patient's own list (plain ints only).
        if Ausschlussliste.contains(id, in: searchExclusions) { return false }
        if (patient["ausgeschlossene_therapeuten"]?.arrayValue ?? []).contains(where: { $0.isNumber(equalTo: id) }) { return false }
        // c) patient preferences.
        if let wanted = patient.text("bevorzugtes_therapeutengeschlecht"), wanted != "Egal",
           preferenceGender(therapist["geschlecht"]?.stringValue) != wanted { return false }
        if let wanted = patient.text("bevorzugtes_therapieverfahren"), wanted != "egal",
           therapist["psychotherapieverfahren"]?.stringValue != wanted { return false }
        // d) therapist preferences.
        return passesAge(patient: patient, therapist: therapist, today: today)
            && passesTherapistGender(patient: patient, therapist: therapist)
            && (!therapist.flag("bevorzugt_gruppentherapie") || patient.flag("offen_fuer_gruppentherapie"))
    }

    /// a): nil when either address is unknown (the constraint passes without asking).
    func distanceQuestion(patient: JSONValue, therapist: JSONValue) -> DistanceQuestion? {
        guard let origin = Self.address(patient), let destination = Self.address(therapist) else { return nil }
        return DistanceQuestion(origin: origin, destination: destination, mode: Self.travelMode(patient["verkehrsmittel"]),
                                maxKm: maxKm(patient))
    }

    /// `max_km` as a finite number or numeric string; the default when missing, null or anything else.
    func maxKm(_ patient: JSONValue) -> Double {
        let value = patient["raeumliche_verfuegbarkeit"]?["max_km"]
        let number = value?.doubleValue ?? value?.stringValue.flatMap { Double($0.trimmingWhitespace()) }
        guard let number, number.isFinite else { return defaultMaxKm }
        return number
    }

    /// `"<strasse>, <plz>, <ort>"` without blank parts; nil (unknown) when `ort` is blank.
    static func address(_ person: JSONValue) -> String? {
        guard person.text("ort") != nil else { return nil }
        return ["strasse", "plz", "ort"].compactMap { person.text($0) }.joined(separator: ", ")
    }

    /// `öpnv` → transit, `car`/`transit` as is, anything else → car (lowercased first).
    static func travelMode(_ verkehrsmittel: JSONValue?) -> String {
        switch verkehrsmittel?.stringValue?.lowercased() {
        case "öpnv", "transit": "transit"
        default: "car"
        }
    }

    private func passesAge(patient: JSONValue, therapist: JSONValue, today: LocalDate) -> Bool {
        let low = therapist["alter_min"]?.intValue ?? 0, high = therapist["alter_max"]?.intValue ?? 0
        guard low != 0 || high != 0 else { return true }
        guard let born = patient["geburtsdatum"]?.stringValue.flatMap({ LocalDate($0) }) else { return false }
        let age = born.completedYears(on: today)
        return (low == 0 || age >= low) && (high == 0 || age <= high)
    }

    private func passesTherapistGender(patient: JSONValue, therapist: JSONValue) -> Bool {
        guard let wanted = therapist.text("geschlechtspraeferenz"), wanted != "Egal" else { return true }
        return preferenceGender(patient["geschlecht"]?.stringValue) == wanted
    }
}
