internal import Shared

/// How an imported therapist becomes a new row or changes an existing one (therapist.md §6.3
/// "Create" and "Update"). Pure: the caller supplies today's date.
enum ImportMerge {
    /// The new therapist with every mapped field and the fixed values of a fresh import
    /// (`kassensitz` true, `status` aktiv, not available, not informed); an invalid salutation
    /// fails with the API validator's message.
    static func created(_ imported: ImportedTherapist, today: LocalDate) throws(ImportMergeError) -> Therapist {
        guard let anrede = Anrede(rawValue: imported.anrede) else { throw .invalid(Anrede.invalidMessage(imported.anrede)) }
        var therapist = Therapist(anrede: anrede, geschlecht: imported.geschlecht, vorname: imported.vorname,
                                  nachname: imported.nachname, createdAt: today)
        therapist.titel = imported.titel
        therapist.strasse = imported.strasse
        therapist.plz = imported.plz
        therapist.ort = imported.ort
        therapist.telefon = imported.telefon
        therapist.email = imported.email
        therapist.fax = imported.fax
        if let hours = imported.telefonischeErreichbarkeit { therapist.telefonischeErreichbarkeit = hours }
        if let languages = imported.fremdsprachen { therapist.fremdsprachen = languages }
        therapist.psychotherapieverfahren = imported.psychotherapieverfahren
        return therapist
    }

    /// `current` with the imported fields that differ, and `updated_at` = `today`; nil when
    /// nothing differs (then nothing is written). Never touched: the operational fields (status,
    /// blocking, availability, notes, contact dates, preferences, …) and `created_at`. The email
    /// is never replaced by `""` unless the stored one is empty too; an invalid salutation is
    /// left as stored (`warnings` says so).
    static func updated(_ current: Therapist, with imported: ImportedTherapist, today: LocalDate) -> Therapist? {
        var next = current
        if let anrede = Anrede(rawValue: imported.anrede) { next.anrede = anrede }
        next.geschlecht = imported.geschlecht
        next.titel = imported.titel
        next.vorname = imported.vorname
        next.nachname = imported.nachname
        next.strasse = imported.strasse
        next.plz = imported.plz
        next.ort = imported.ort
        next.telefon = imported.telefon
        next.fax = imported.fax
        if !imported.email.isEmpty || (current.email ?? "").isEmpty { next.email = imported.email }
        // jsonb reorders object keys: compare by content, keep the stored value when equivalent.
        if let hours = imported.telefonischeErreichbarkeit, !JSONEquivalence.equivalent(hours, current.telefonischeErreichbarkeit) {
            next.telefonischeErreichbarkeit = hours
        }
        if let languages = imported.fremdsprachen, !JSONEquivalence.equivalent(languages, current.fremdsprachen) {
            next.fremdsprachen = languages
        }
        next.psychotherapieverfahren = imported.psychotherapieverfahren
        guard next != current else { return nil }
        next.updatedAt = today
        return next
    }

    /// What an update leaves out and says so in the log (no personal data: the field and value
    /// of an enum only).
    static func warnings(_ imported: ImportedTherapist) -> [String] {
        Anrede(rawValue: imported.anrede) == nil ? [Anrede.invalidMessage(imported.anrede)] : []
    }
}

/// Why an imported therapist cannot be created.
enum ImportMergeError: Error, Sendable, Equatable {
    /// A field value the API would reject, with the API's message.
    case invalid(String)
}

/// JSON equality as `jsonb` sees it: object members compared by key (the last of repeated keys,
/// order ignored), numbers by value, arrays in order.
enum JSONEquivalence {
    static func equivalent(_ a: JSONValue, _ b: JSONValue?) -> Bool {
        guard let b else { return false }
        switch (a, b) {
        case (.number(let x), .number(let y)): return x == y || (Double(x) != nil && Double(x) == Double(y))
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { equivalent($0, $1) }
        case (.object(let x), .object(let y)):
            let left = Dictionary(x.members, uniquingKeysWith: { $1 }), right = Dictionary(y.members, uniquingKeysWith: { $1 })
            return left.count == right.count && left.allSatisfy { key, value in right[key].map { equivalent(value, $0) } ?? false }
        default: return a == b
        }
    }
}
