internal import Shared

/// §5.1 b) / §6.4 step 5: exclusion list helpers. A list holds plain ids or `{"id", …}` objects.
enum Ausschlussliste {
    /// True when `list` is an array holding `therapistID` as a number or as an object's `id`.
    static func contains(_ therapistID: Int, in list: JSONValue) -> Bool {
        (list.arrayValue ?? []).contains { $0.isNumber(equalTo: therapistID) || ($0["id"]?.isNumber(equalTo: therapistID) ?? false) }
    }

    /// The entry stored for an excluded therapist: `{"id", "excluded_at": iso, "reason"}`; the store
    /// appends it unless `contains` already holds the therapist (checked in SQL, atomically).
    static func entry(_ therapistID: Int, reason: String, at time: UTCTimestamp) -> JSONValue {
        .object(JSONObject([(key: "id", value: .number(String(therapistID))),
                            (key: "excluded_at", value: .string(time.isoNaive)),
                            (key: "reason", value: .string(reason))]))
    }
}
