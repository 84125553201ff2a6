internal import Shared

/// The three availability texts of matching.md §8.1 and §8.3.
extension EmailFormatting {
    /// German weekday keys (`montag`…`sonntag`), their English twins and the printed name.
    static let weekdays: [(german: String, english: String, name: String)] = [
        ("montag", "monday", "Montag"), ("dienstag", "tuesday", "Dienstag"), ("mittwoch", "wednesday", "Mittwoch"),
        ("donnerstag", "thursday", "Donnerstag"), ("freitag", "friday", "Freitag"),
        ("samstag", "saturday", "Samstag"), ("sonntag", "sunday", "Sonntag"),
    ]
    /// The therapist phone-hour keys in week order (README §7.2).
    static let phoneKeys = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]
    static let noWeekdayAvailability = "Meine Verfügbarkeit bespreche ich gerne persönlich mit Ihnen."
    static let noPhoneHours =
        "Es gibt keine telefonische Erreichbarkeit. Bitte sprechen Sie auf den Anrufbeantworter. Sie werden dann zurückgerufen."

    /// Inquiry/reminder variant: the **first** range per day as `Montag: 09:00 - 17:00 Uhr`,
    /// one line per day; `Nicht angegeben` when no day has a range.
    static func inquiryAvailability(_ availability: JSONValue?) -> String {
        let lines = weekdays.compactMap { day -> String? in
            guard let first = ranges(availability, day.german, day.english).first else { return nil }
            let parts = first.split(separator: "-", maxSplits: 1).map { $0.trimmingWhitespace() }
            let range = parts.count == 2 ? parts[0] + " - " + parts[1] : first
            return day.name + ": " + range + " Uhr"
        }
        return lines.isEmpty ? notGiven : lines.joined(separator: "\n")
    }

    /// `availability_formatted`: Monday to Friday only, `- Montag: 09:00-12:00, 14:00-18:00`.
    static func weekdayAvailability(_ availability: JSONValue?) -> String {
        let lines = weekdays.prefix(5).compactMap { day -> String? in
            let all = ranges(availability, day.german, day.english)
            return all.isEmpty ? nil : "- " + day.name + ": " + all.joined(separator: ", ")
        }
        return lines.isEmpty ? noWeekdayAvailability : lines.joined(separator: "\n")
    }

    /// `phone_availability_formatted`: keys `Mo`…`So`, `- Mo: 8:00-9:00, 14:00-15:00`.
    static func phoneAvailability(_ hours: JSONValue?) -> String {
        let lines = phoneKeys.compactMap { key -> String? in
            let all = ranges(hours, key, key)
            return all.isEmpty ? nil : "- " + key + ": " + all.joined(separator: ", ")
        }
        return lines.isEmpty ? noPhoneHours : lines.joined(separator: "\n")
    }

    /// The string ranges under the first key with a non-empty array (`key`, then `fallback`).
    static func ranges(_ schedule: JSONValue?, _ key: String, _ fallback: String) -> [String] {
        for name in [key, fallback] {
            let found = (schedule?[name]?.arrayValue ?? []).compactMap(nonEmpty)
            if !found.isEmpty { return found }
        }
        return []
    }
}
