#if canImport(FoundationEssentials)
internal import FoundationEssentials
#else
internal import Foundation
#endif

extension SwiftObjectStorage {
    /// Sends a storage request with `X-Auth-Token`; on 401 renews the token and repeats once.
    func authorized(_ method: HTTPMethod, _ url: String, body: [UInt8]? = nil)
        async throws(ObjectStorageError) -> ObjectStorageResponse {
        var token = try await tokens.current()
        for attempt in 1...2 {
            let request = ObjectStorageRequest(method: method, url: url, headers: ["X-Auth-Token": token.value], body: body)
            let response = try await transport.send(request)
            guard response.status == 401 else { return response }
            if attempt == 2 { break }
            await tokens.invalidate(token)
            token = try await tokens.current()
        }
        throw .authenticationFailed(status: 401)
    }

    /// Every page of a JSON listing at `url`: the `name`s in byte order, `subdir` entries
    /// skipped. 204 is an empty page; 404 is `.notFound(missing)`.
    func listing(_ url: String, query: [(String, String)], operation: String, missing: String)
        async throws(ObjectStorageError) -> [String] {
        var names: [String] = []
        var marker: String?
        while true {
            var items = query + [("limit", String(pageSize))]
            if let marker { items.append(("marker", marker)) }
            let response = try await authorized(.get, url + "?" + SwiftURL.query(items))
            switch response.status {
            case 204: return names.sorted(by: ObjectName.precedes)
            case 200: break
            case 404: throw .notFound(missing)
            default: throw .unexpectedStatus(response.status, operation: operation)
            }
            let entries = try Self.decodeListing(response.body, operation: operation)
            names += entries.compactMap { $0.subdir == nil ? $0.name : nil }
            guard entries.count >= pageSize, let last = entries.last?.name ?? entries.last?.subdir else {
                return names.sorted(by: ObjectName.precedes)
            }
            marker = last
        }
    }

    /// One entry of a listing: an object or container (`name`) or a folder (`subdir`).
    struct ListingEntry: Decodable {
        let name: String?
        let subdir: String?
    }

    static func decodeListing(_ body: [UInt8], operation: String) throws(ObjectStorageError) -> [ListingEntry] {
        let entries: [ListingEntry]
        do {
            entries = try JSONDecoder().decode([ListingEntry].self, from: Data(body))
        } catch {
            throw .invalidResponse("\(operation): not a JSON array of objects")
        }
        guard entries.allSatisfy({ $0.name != nil || $0.subdir != nil }) else {
            throw .invalidResponse("\(operation): an entry has neither name nor subdir")
        }
        return entries
    }
}
