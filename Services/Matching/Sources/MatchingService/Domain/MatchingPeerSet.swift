internal import Shared

/// The four peers and the clock the workflows share.
struct MatchingPeerSet: Sendable {
    let patients: any PatientDirectory
    let therapists: any TherapistDirectory
    let distances: any DistanceService
    let communication: any CommunicationChannel
}

/// Display names and small JSON pieces shared by the workflows' answers.
enum MatchingJSON {
    /// `"<vorname> <nachname>"` of a peer object, or `Unknown` when there is none.
    static func name(_ person: JSONValue?) -> JSONValue {
        guard let person else { return "Unknown" }
        return .string((person["vorname"]?.stringValue ?? "") + " " + (person["nachname"]?.stringValue ?? ""))
    }

    static func object(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(members.map { (key: $0.0, value: $0.1) }))
    }

    static func int(_ value: Int?) -> JSONValue { value.map { .number(String($0)) } ?? .null }

    static func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    static func iso(_ value: UTCTimestamp?) -> JSONValue { JSONValue.isoNaive(value) }

    static func bytes(_ value: JSONValue) -> [UInt8] { JSONWriter().bytes(value) }
}
