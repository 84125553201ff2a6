internal import Shared

/// The pure formatters behind the matching emails (matching.md §8): values the templates
/// cannot compute (the engine has no arithmetic or calls) are prepared here as text.
enum EmailFormatting {
    static let notGiven = "Nicht angegeben"
    static let months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                         "September", "Oktober", "November", "Dezember"]

    /// Completed years from a `YYYY-MM-DD` birth date as of `today`; nil when missing or malformed.
    static func age(birthDate: JSONValue?, on today: LocalDate) -> Int? {
        guard let text = birthDate?.stringValue, let born = LocalDate(text) else { return nil }
        return born.completedYears(on: today)
    }

    /// `DD. <Monat> YYYY` with a zero-padded day, e.g. `03. Juli 2025`.
    static func germanLongDate(_ date: LocalDate) -> String {
        (date.day < 10 ? "0" : "") + String(date.day) + ". " + months[date.month - 1] + " " + String(date.year)
    }

    /// `Ja` for JSON true, `Nein` for anything else (false, null, missing).
    static func yesNo(_ value: JSONValue?) -> String {
        value?.boolValue == true ? "Ja" : "Nein"
    }

    /// The symptom strings joined with `, `; `Nicht angegeben` when none.
    static func symptoms(_ value: JSONValue?) -> String {
        let names = (value?.arrayValue ?? []).compactMap(\.stringValue)
        return names.isEmpty ? notGiven : names.joined(separator: ", ")
    }

    /// The text of a non-empty string value, else `fallback`.
    static func text(_ value: JSONValue?, or fallback: String = notGiven) -> String {
        nonEmpty(value) ?? fallback
    }

    /// The string value, when it is a non-empty (after trimming) string.
    static func nonEmpty(_ value: JSONValue?) -> String? {
        guard let text = value?.stringValue?.trimmingWhitespace(), !text.isEmpty else { return nil }
        return text
    }

    /// `[<titel> ]<vorname> <nachname>` (§8.3 therapist display name).
    static func displayName(_ therapist: JSONValue) -> String {
        [nonEmpty(therapist["titel"]), nonEmpty(therapist["vorname"]), nonEmpty(therapist["nachname"])]
            .compactMap { $0 }.joined(separator: " ")
    }
}
