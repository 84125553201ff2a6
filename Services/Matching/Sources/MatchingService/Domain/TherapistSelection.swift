internal import Shared

/// §4 steps 3–6: the therapists offered for manual selection.
enum TherapistSelection {
    /// The 15 keys of an output item, in order.
    static let keys = ["id", "anrede", "titel", "vorname", "nachname", "strasse", "plz", "ort", "telefon", "email",
                       "potenziell_verfuegbar", "ueber_curavani_informiert", "naechster_kontakt_moeglich",
                       "bevorzugte_diagnosen", "psychotherapieverfahren"]

    /// `therapists` in service order, `pending` = ids with an unsent or unanswered anfrage,
    /// `today` = server local date. The output items in final order.
    static func select(_ therapists: [JSONValue], pending: Set<Int>, today: LocalDate) -> [JSONValue] {
        func blocked(_ therapist: JSONValue) -> Bool {
            if let id = therapist["id"]?.intValue, pending.contains(id) { return true }
            guard let until = therapist["naechster_kontakt_moeglich"]?.stringValue.flatMap({ LocalDate($0) }) else { return false }
            return until > today
        }
        var groups: [String: [Int]] = [:]  // normalised email → indices in service order
        for (index, therapist) in therapists.enumerated() {
            if let email = normalisedEmail(therapist) { groups[email, default: []].append(index) }
        }
        var kept: [Int] = []
        for (index, therapist) in therapists.enumerated() {
            if let email = normalisedEmail(therapist) {
                let members = groups[email]!
                guard !members.contains(where: { blocked(therapists[$0]) }),
                      owner(of: members, email: email, in: therapists) == index else { continue }
                kept.append(index)
            } else if !blocked(therapist) {
                kept.append(index)
            }
        }
        let sorted = kept.map { (tier: tier(therapists[$0]), item: therapists[$0]) }.enumerated().sorted { lhs, rhs in
            let a = lhs.element, b = rhs.element
            if a.tier != b.tier { return a.tier < b.tier }
            for key in ["nachname", "vorname"] {
                let x = a.item[key]?.stringValue ?? "", y = b.item[key]?.stringValue ?? ""
                if x != y { return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) }
            }
            return lhs.offset < rhs.offset
        }
        return sorted.map { output($0.element.item) }
    }

    /// Trimmed, lowercased email; nil when absent or blank.
    static func normalisedEmail(_ therapist: JSONValue) -> String? {
        therapist.text("email")?.lowercased()
    }

    /// Lowercased with `ä→ae`, `ö→oe`, `ü→ue`, `ß→ss`.
    static func folded(_ name: String) -> String {
        name.lowercased().replacing("ä", with: "ae").replacing("ö", with: "oe").replacing("ü", with: "ue").replacing("ß", with: "ss")
    }

    /// The practice owner's index among `members`: last name in the email, else best title
    /// (Prof before Dr, ties in service order), else lowest id.
    static func owner(of members: [Int], email: String, in therapists: [JSONValue]) -> Int {
        if let byName = members.first(where: { therapists[$0].text("nachname").map { email.contains(folded($0)) } ?? false }) {
            return byName
        }
        func rank(_ index: Int) -> Int? {
            let titel = therapists[index]["titel"]?.stringValue ?? ""
            return titel.contains("Prof") ? 1 : titel.contains("Dr") ? 2 : nil
        }
        if let best = members.compactMap({ index in rank(index).map { (index, $0) } }).min(by: { $0.1 < $1.1 }) {
            return best.0
        }
        return members.min { (therapists[$0]["id"]?.intValue ?? .max) < (therapists[$1]["id"]?.intValue ?? .max) }!
    }

    /// 0…7: email first, then potenziell_verfuegbar, then ueber_curavani_informiert.
    static func tier(_ therapist: JSONValue) -> Int {
        (normalisedEmail(therapist) == nil ? 4 : 0) + (therapist.flag("potenziell_verfuegbar") ? 0 : 2)
            + (therapist.flag("ueber_curavani_informiert") ? 0 : 1)
    }

    /// Exactly the 15 keys; the two flags default false, `bevorzugte_diagnosen` `[]`, others null.
    static func output(_ therapist: JSONValue) -> JSONValue {
        .object(JSONObject(keys.map { key in
            let value = therapist[key] ?? .null
            switch key {
            case "potenziell_verfuegbar", "ueber_curavani_informiert": return (key: key, value: .bool(therapist.flag(key)))
            case "bevorzugte_diagnosen": return (key: key, value: value.isNull ? .array([]) : value)
            default: return (key: key, value: value)
            }
        }))
    }
}
