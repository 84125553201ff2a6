public import Shared

/// The 30 symptoms patients choose from (spec README §7.1), matched exactly.
public enum Symptom {
    /// Every accepted spelling, in the UI's order.
    public static let all: [String] = [
        "Depression / Niedergeschlagenheit", "Ängste / Panikattacken", "Burnout / Erschöpfung",
        "Schlafstörungen", "Stress / Überforderung",
        "Trauer / Verlust", "Reizbarkeit / Wutausbrüche", "Stimmungsschwankungen", "Innere Leere", "Einsamkeit",
        "Sorgen / Grübeln", "Selbstzweifel", "Konzentrationsprobleme", "Negative Gedanken", "Entscheidungsschwierigkeiten",
        "Psychosomatische Beschwerden", "Chronische Schmerzen", "Essstörungen", "Suchtprobleme (Alkohol/Drogen)",
        "Sexuelle Probleme",
        "Beziehungsprobleme", "Familienkonflikte", "Sozialer Rückzug", "Mobbing", "Trennungsschmerz",
        "Traumatische Erlebnisse", "Zwänge", "Selbstverletzung", "Suizidgedanken", "Identitätskrise",
    ]
    /// Compared by UTF-8 bytes: Swift's `==` would also accept canonically equivalent spellings
    /// (e.g. a decomposed `a` + U+0308 for `ä`), which the original rejects and other services
    /// would not recognise once stored.
    static let accepted = Set(all.map { Array($0.utf8) })
    /// Fewest and most entries (duplicates count).
    public static let allowedCount = 1...6

    /// Checks a provided, non-null `symptome` value (patient.md §4.1); nil when valid, else the
    /// exact message. A string is reported as "not an array" (the original split it into characters).
    public static func problem(with value: JSONValue) -> String? {
        if value.isFalsy { return "At least one symptom is required" }
        guard let items = value.arrayValue else { return "Symptoms must be provided as an array" }
        guard allowedCount.contains(items.count) else { return "Between 1 and 6 symptoms must be selected" }
        for item in items where !(item.stringValue.map { accepted.contains(Array($0.utf8)) } ?? false) {
            return "Invalid symptom: '\(item.pythonText)'. Must be from the predefined list"
        }
        return nil
    }
}
