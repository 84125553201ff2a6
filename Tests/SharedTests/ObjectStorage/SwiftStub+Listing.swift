@testable import Shared

extension SwiftStub {
    /// Swift's container listing: names starting with `prefix`; with `delimiter=/`, names with
    /// a further `/` collapse into one `subdir` entry; sorted by bytes; `marker` and `limit` page.
    func listing(_ objects: [String: [UInt8]], _ query: QueryParameters, _ state: inout State) -> Response {
        let prefix = query["prefix"] ?? ""
        let limit = query.get("limit", as: Int.self) ?? 10_000
        var entries: [String: Bool] = [:]   // key → isSubdir
        for name in objects.keys where name.utf8.starts(with: prefix.utf8) {
            let rest = name.utf8.dropFirst(prefix.utf8.count)
            if query["delimiter"] == "/", let slash = rest.firstIndex(of: UInt8(ascii: "/")) {
                entries[prefix + String(decoding: rest[...slash], as: UTF8.self)] = true
            } else {
                entries[name] = false
            }
        }
        var keys = entries.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        if let marker = query["marker"] { keys = keys.filter { marker.utf8.lexicographicallyPrecedes($0.utf8) } }
        let page = keys.prefix(limit).map { key in
            var entry = JSONBuilder()
            if entries[key]! {
                state.subdirsSent += 1
                entry.member("subdir", string: key)
            } else {
                entry.member("name", string: key)
                entry.member("bytes", int: objects[key]!.count)
                entry.member("content_type", string: "application/json")
            }
            return entry.finish()
        }
        return Self.jsonArray(page)
    }
}
