internal import Shared

/// The failures the matching service reports to clients (matching.md §3–§6); `MatchingError+Problem`
/// maps each to its status and exact message.
enum MatchingError: Error, Sendable {
    /// 404 `Patient search <id> not found`.
    case searchNotFound(Int)
    /// 404 `Anfrage <id> not found`.
    case anfrageNotFound(Int)
    /// 404 `Patient <id> not found` (creating a search).
    case patientNotFound(Int)
    /// 400 with `message` and extra members (e.g. `search_id`, `missing_patient_ids`).
    case invalid(String, [Problem.Extension] = [])
    /// 400 whose message is the object `{"<field>": "<text>"}` (a missing required parameter).
    case missingParameter(field: String, text: String)
    /// 503 (unreachable) or 502 (unusable answer), naming the peer.
    case peer(PeerError)
    /// 500 `Failed to send anfrage: <reason>` (§6.3).
    case sendFailed(String)
}
