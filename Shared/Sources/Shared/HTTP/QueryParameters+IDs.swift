/// The `ids` batch filter of the list endpoints (an extension to the original API: the matching
/// service reads many rows in one request instead of one request per row).
public struct IDListError: Error, Sendable, Equatable {
    /// The exact 400 message.
    public let message: String

    static let invalid = IDListError(message: "Invalid ids parameter. Use comma-separated integers.")
    static let tooMany = IDListError(message: "Too many ids (max \(QueryParameters.maxIDs)).")
}

extension QueryParameters {
    /// Most ids one `ids` filter may name. 1000 ids of up to 7 digits with literal commas fit
    /// the 8 KiB request line of `HTTPLimits` (`GET /api/therapists?ids=…` ≈ 8,030 bytes).
    public static let maxIDs = 1000

    /// The integers of `name` (comma-separated, each trimmed); nil when the parameter is absent.
    /// Every element must be an integer (so `ids=` and `ids=1,,2` are refused), at most `maxIDs`.
    public func idList(_ name: String = "ids") throws(IDListError) -> [Int]? {
        guard let text = self[name] else { return nil }
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
        guard items.count <= Self.maxIDs else { throw .tooMany }
        var ids: [Int] = []
        ids.reserveCapacity(items.count)
        for item in items {
            guard let id = Int(String(item).trimmingWhitespace()) else { throw .invalid }
            ids.append(id)
        }
        return ids
    }
}
