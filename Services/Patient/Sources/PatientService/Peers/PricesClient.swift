internal import Shared

/// `PriceSource` over HTTP(S): `GET <PRICES_URL>` (10 s) →
/// `{"einzeltherapie": number, "gruppentherapie": number}` (external.md §5).
struct PricesClient: PriceSource {
    let url: String
    let transport: any ObjectStorageTransport

    func current() async throws -> Prices {
        let response = try await withTimeout(.seconds(10)) {
            try await transport.send(ObjectStorageRequest(method: .get, url: url, headers: ["Accept": "application/json"]))
        }
        guard response.status == 200 else { throw PeerError("prices answered \(response.status)") }
        guard let list = try? JSONParser.parse(response.body), let single = list["einzeltherapie"]?.doubleValue,
              let group = list["gruppentherapie"]?.doubleValue else {
            throw PeerError("prices answered an unreadable body")
        }
        return Prices(einzeltherapie: single, gruppentherapie: group)
    }

    /// Runs `body`, giving up after `limit` (the URLSession transport has no deadline of its own).
    private func withTimeout<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask { try await Task.sleep(for: limit); return nil }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw PeerError("prices timed out") }
            return value
        }
    }
}
