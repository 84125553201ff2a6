import Synchronization
import Testing
import Shared
@testable import PatientService

/// Database-free unit suites of the patient service; run them all with `--filter PatientUnit`.
@Suite("Patient service unit tests") struct PatientUnit {}

/// Request bodies, patients and dates for the unit suites.
enum Fixture {
    /// The four fields a create requires, valid.
    static let required: [(key: String, value: JSONValue)] = [
        ("anrede", "Herr"), ("geschlecht", "männlich"), ("vorname", "Max"), ("nachname", "Mustermann"),
    ]

    /// The required fields followed by the members of `extra` (an object literal); a member
    /// named like a required field replaces it in place, `.null` keeps the key with `null`.
    static func body(_ extra: JSONValue = [:], required: Bool = true) -> JSONObject {
        var object = JSONObject(required ? Self.required : [])
        for member in extra.objectValue?.members ?? [] { object[member.key] = member.value }
        return object
    }

    /// `body` without the named required keys.
    static func body(without missing: Set<String>) -> JSONObject { body().removing(missing) }

    /// A JSON object from text (keeps repeated keys, as a request body would).
    static func parse(_ json: String) -> JSONObject {
        guard let object = (try? JSONParser.parse(json))?.objectValue else { fatalError("fixture is not a JSON object: \(json)") }
        return object
    }

    /// A stored patient with defaults; `configure` adjusts it.
    static func patient(_ configure: (inout Patient) -> Void = { _ in }) -> Patient {
        var patient = Patient(anrede: .frau, geschlecht: .weiblich, vorname: "Erika", nachname: "Mustermann",
                              createdAt: date("2025-01-02"))
        patient.id = 7
        configure(&patient)
        return patient
    }
}

/// `YYYY-MM-DD` as a date (the fixture must be valid).
func date(_ text: String) -> LocalDate {
    guard let value = LocalDate(text) else { fatalError("invalid fixture date \(text)") }
    return value
}

/// `YYYY-MM-DD HH:MM:SS` (UTC) as an instant.
func instant(_ text: String) -> UTCTimestamp {
    guard let value = UTCTimestamp(text) else { fatalError("invalid fixture timestamp \(text)") }
    return value
}

/// What `PatientInput.changes` throws for `body` in `mode`; nil when it accepts the body.
func failure(of body: JSONObject, _ mode: PatientInput.Mode) -> PatientError? {
    do { _ = try PatientInput.changes(from: body, mode: mode); return nil } catch { return error }
}

/// `failure(of:)` for the required fields plus `extra`.
func failure(adding extra: JSONValue, _ mode: PatientInput.Mode) -> PatientError? {
    failure(of: Fixture.body(extra), mode)
}

/// The validated changes for the required fields plus `extra`.
func changes(adding extra: JSONValue, _ mode: PatientInput.Mode = .create) throws -> PatientChanges {
    try PatientInput.changes(from: Fixture.body(extra), mode: mode)
}

/// A parser-phase (type) error in the shape of `mode`: flattened string on create, per-field
/// object on update (patient.md §2.2, §2.4).
func typeError(_ field: String, _ text: String, _ mode: PatientInput.Mode) -> PatientError {
    mode == .create ? .invalid("\(field): \(text)") : .invalidField(field: field, text: text)
}

let bothModes: [PatientInput.Mode] = [.create, .update]

/// A clock the test moves by hand.
final class ManualClock: Sendable {
    private let current: Mutex<UTCTimestamp>
    init(_ start: UTCTimestamp) { current = Mutex(start) }
    var now: UTCTimestamp { current.withLock { $0 } }
    func set(_ instant: UTCTimestamp) { current.withLock { $0 = instant } }
    func advance(seconds: Int64) { current.withLock { $0 = $0.adding(seconds: seconds) } }
    var function: @Sendable () -> UTCTimestamp { { self.now } }
}

/// A one-member object `{key: value}` (for keys chosen at run time).
func member(_ key: String, _ value: JSONValue) -> JSONValue { .object(JSONObject([(key: key, value: value)])) }
