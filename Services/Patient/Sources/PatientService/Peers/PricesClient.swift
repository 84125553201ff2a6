internal import Shared

/// `PriceSource` over HTTP(S): `GET <PRICES_URL>` →
/// `{"einzeltherapie": number, "gruppentherapie": number}` (external.md §5). The transport
/// carries the deadline (10 s, see `PatientApp`).
struct PricesClient: PriceSource {
    let url: String
    let transport: any ObjectStorageTransport

    func current() async throws -> Prices {
        let response = try await transport.send(ObjectStorageRequest(method: .get, url: url, headers: ["Accept": "application/json"]))
        guard response.status == 200 else { throw PeerError("prices answered \(response.status)") }
        guard let list = try? JSONParser.parse(response.body), let single = list["einzeltherapie"]?.doubleValue,
              let group = list["gruppentherapie"]?.doubleValue else {
            throw PeerError("prices answered an unreadable body")
        }
        return Prices(einzeltherapie: single, gruppentherapie: group)
    }
}
