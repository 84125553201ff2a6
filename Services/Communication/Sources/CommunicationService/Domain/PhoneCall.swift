internal import Shared

/// The id of a row in `communication_service.telefonanrufe`.
typealias PhoneCallID = Int

/// `communication_service.telefonanrufstatus` (communication.md §3.5). No transition rules:
/// any status may follow any other.
enum PhoneCallStatus: String, Vocabulary {
    case geplant, abgeschlossen, fehlgeschlagen, abgebrochen

    static let label = "status"

    /// The message of an unknown status on PUT (and, fixed, on POST): `Invalid status value: <v>`.
    static func invalidValueMessage(_ value: String) -> String { "Invalid status value: \(value)" }
}

/// A time of day to the minute, as the API shows it (`HH:MM`, seconds dropped).
struct PhoneCallTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    let hour: Int
    let minute: Int

    /// A valid time (hour 0–23, minute 0–59), or nil.
    init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        (self.hour, self.minute) = (hour, minute)
    }

    /// The request form of the original: exactly two integer parts `H:MM` (`10:00`, `9:5`,
    /// `09:05`), each made of ASCII digits, within the ranges of a time of day.
    init?(request text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let hour = Self.number(parts[0]), let minute = Self.number(parts[1]) else { return nil }
        self.init(hour: hour, minute: minute)
    }

    /// PostgreSQL's text of a `time` value: `HH:MM:SS[.ffffff]`; seconds are dropped.
    init?(postgres text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 2, let hour = Self.number(parts[0]), let minute = Self.number(parts[1]) else { return nil }
        self.init(hour: hour, minute: minute)
    }

    /// `HH:MM`, zero-padded.
    var description: String { Self.pad(hour) + ":" + Self.pad(minute) }

    static func < (lhs: PhoneCallTime, rhs: PhoneCallTime) -> Bool { (lhs.hour, lhs.minute) < (rhs.hour, rhs.minute) }

    static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 4, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(text)
    }

    static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}

/// Whom a call is with: exactly one therapist or one patient (`phone_call_recipient_check`).
/// The ids are plain integers (no cross-schema foreign keys, decisions.md 3): an unknown id is
/// stored as given.
enum PhoneCallRecipient: Sendable, Equatable {
    case therapist(Int)
    case patient(Int)

    var therapistID: Int? { if case .therapist(let id) = self { id } else { nil } }
    var patientID: Int? { if case .patient(let id) = self { id } else { nil } }
}

/// A call to be inserted; the time is nil when the slot finder has to choose it.
struct NewPhoneCall: Sendable, Equatable {
    var recipient: PhoneCallRecipient
    var therapeutenanfrageID: Int?
    var geplantesDatum: LocalDate
    var geplanteZeit: PhoneCallTime?
    var dauerMinuten: Int
    var status: PhoneCallStatus
    var notizen: String?
}

/// A stored phone call (communication.md §3.1, §8.2).
struct PhoneCall: Sendable, Equatable {
    var id: PhoneCallID
    var recipient: PhoneCallRecipient
    var therapeutenanfrageID: Int?
    var geplantesDatum: LocalDate
    var geplanteZeit: PhoneCallTime
    /// Nil in the column is shown as 0.
    var dauerMinuten: Int?
    var tatsaechlichesDatum: LocalDate?
    var tatsaechlicheZeit: PhoneCallTime?
    var status: PhoneCallStatus
    var ergebnis: String?
    var notizen: String?
    /// Naive UTC, set by the database.
    var createdAt: UTCTimestamp?
    /// Naive UTC; null until the first update.
    var updatedAt: UTCTimestamp?
}
