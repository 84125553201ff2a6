internal import Shared

/// The `{id}` of `/api/emails/{id}` and `/api/phone-calls/{id}`.
enum CommunicationPath {
    /// `{id}` must be a non-negative integer in `integer` range; anything else does not match
    /// the route, as in the original (404 with the generic not-found message).
    static func id(_ context: RequestContext) throws(Problem) -> Int {
        guard let raw = context.parameters["id"], raw.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let id = Int(raw), id <= Int(Int32.max) else { throw Problem.routeNotFound }
        return id
    }
}
