internal import Shared

/// Reading peer answers: an object for 2xx, nil for "not found" (any other 4xx), and a
/// `PeerError` for a 5xx or an unreadable body.
enum PeerAnswers {
    static func object(_ answer: (status: HTTPStatus, json: JSONValue?), peer: PeerClient, route: String) throws(PeerError) -> JSONValue? {
        switch answer.status.code {
        case 200..<300:
            guard let json = answer.json, json.objectValue != nil else {
                throw PeerError("\(peer.name) answered an unreadable body to \(route)")
            }
            return json
        case 500...: throw PeerError("\(peer.name) answered \(answer.status.code) to \(route)")
        default: return nil
        }
    }

    /// The `id` of a created object (201/200), or an error naming the status.
    static func createdID(_ answer: (status: HTTPStatus, json: JSONValue?), peer: PeerClient, route: String) throws(PeerError) -> Int {
        guard answer.status.code / 100 == 2 else { throw PeerError("\(peer.name) answered \(answer.status.code) to \(route)") }
        guard let id = answer.json?["id"]?.intValue else { throw PeerError("\(peer.name) answered without an id to \(route)") }
        return id
    }

    /// Objects with an integer `id`, by id.
    static func byID(_ items: [JSONValue]) -> [Int: JSONValue] {
        var result: [Int: JSONValue] = [:]
        for item in items { if let id = item["id"]?.intValue { result[id] = item } }
        return result
    }

    /// The objects among `ids` that exist, by id, from a list endpoint with an `ids` filter
    /// (`<path>?ids=…&limit=1000`), in chunks that keep request lines short.
    static func batch(_ peer: PeerClient, _ path: String, ids: [Int]) async throws(PeerError) -> [Int: JSONValue] {
        var result: [Int: JSONValue] = [:]
        for chunk in chunks(ids) {
            let list = chunk.map(String.init).joined(separator: ",")
            result.merge(byID(try await peer.list("\(path)?ids=\(list)&limit=1000", timeout: .seconds(10)))) { $1 }
        }
        return result
    }

    /// `ids` in chunks that keep request lines short.
    static func chunks(_ ids: [Int], size: Int = 100) -> [[Int]] {
        let unique = Array(Set(ids)).sorted()
        return stride(from: 0, to: unique.count, by: size).map { Array(unique[$0..<min($0 + size, unique.count)]) }
    }
}
