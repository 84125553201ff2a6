internal import Shared

/// One scraped therapist mapped to therapist fields (therapist.md §6.3 "Mapping"). Texts kept
/// as `""` by the original stay `""`; the JSON fields are nil when the file gave `null` (then
/// they are not written).
struct ImportedTherapist: Sendable, Equatable {
    /// The salutation as scraped (`Frau` when missing or empty); validated on create and update.
    var anrede: String
    var geschlecht: Geschlecht
    var titel: String
    var vorname: String
    var nachname: String
    var strasse: String
    var plz: String
    var ort: String
    var telefon: String
    var email: String
    var fax: String
    var telefonischeErreichbarkeit: JSONValue?
    var fremdsprachen: JSONValue?
    var psychotherapieverfahren: Therapieverfahren

    /// Maps a file entry; nil when `first_name`, `last_name` or `postal_code` is missing or empty
    /// (`Failed to map therapist data`).
    init?(_ entry: JSONValue) {
        let basic = entry["basic_info"], location = entry["location"], contact = entry["contact"]
        guard let vorname = Self.text(basic?["first_name"]), let nachname = Self.text(basic?["last_name"]),
              let plz = Self.text(location?["postal_code"]) else { return nil }
        (self.vorname, self.nachname, self.plz) = (vorname, nachname, plz)
        anrede = Self.text(basic?["salutation"]) ?? "Frau"
        geschlecht = switch anrede { case "Herr": .maennlich; case "Frau": .weiblich; default: .keineAngabe }
        titel = Self.text(basic?["title"]) ?? ""
        if let street = Self.text(location?["street"]) {
            strasse = "\(street) \(Self.text(location?["house_number"]) ?? "")".trimmingWhitespace()
        } else {
            strasse = ""
        }
        ort = Self.text(location?["city"]) ?? ""
        telefon = Self.text(contact?["phone"]) ?? ""
        email = Self.text(contact?["email"]) ?? ""
        fax = Self.text(contact?["fax"]) ?? ""
        telefonischeErreichbarkeit = Self.json(entry, "telephone_hours", default: .object(JSONObject()))
        fremdsprachen = Self.json(entry, "languages", default: .array([]))
        psychotherapieverfahren = Self.verfahren(entry["therapy_methods"]?.arrayValue?.compactMap(\.stringValue) ?? [])
    }

    /// The API's verdict on the mapped texts (lengths, NUL characters), with the API's message;
    /// nil when the row can be stored. The original let PostgreSQL refuse over-long values.
    var validationProblem: String? {
        let texts: [(TherapistField, String)] = [(.titel, titel), (.vorname, vorname), (.nachname, nachname),
                                                 (.strasse, strasse), (.plz, plz), (.ort, ort), (.telefon, telefon),
                                                 (.fax, fax), (.email, email)]
        let body = JSONObject(texts.map { (key: $0.0.rawValue, value: JSONValue.string($0.1)) })
        do { _ = try TherapistField.schema.values(from: body, mode: .update) } catch {
            switch error { case .invalid(let text): return text; case .invalidField(let field, let text): return "\(field): \(text)" }
        }
        return nil
    }

    /// Both methods (or none) → `egal`; only tiefenpsychologisch → that; only Verhaltenstherapie → that.
    static func verfahren(_ methods: [String]) -> Therapieverfahren {
        let behavioural = methods.contains { $0.contains("Verhaltenstherapie") }
        let depth = methods.contains { $0.contains("Tiefenpsychologisch") || $0.contains("tiefenpsychologisch") }
        switch (behavioural, depth) {
        case (true, false): return .verhaltenstherapie
        case (false, true): return .tiefenpsychologisch
        default: return .egal
        }
    }

    /// A non-empty string (numbers as written, e.g. a numeric postal code); nil otherwise.
    static func text(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text)? where !text.isEmpty: text
        case .number(let text)?: text
        default: nil
        }
    }

    /// The member, `fallback` when absent, nil when `null` or `""` (dropped).
    private static func json(_ entry: JSONValue, _ key: String, default fallback: JSONValue) -> JSONValue? {
        guard let value = entry.objectValue?.contains(key) == true ? entry[key] : fallback else { return fallback }
        return value == .null || value == .string("") ? nil : value
    }
}
