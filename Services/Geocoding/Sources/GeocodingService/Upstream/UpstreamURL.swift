internal import Shared

/// An outgoing upstream URL, built only from a configured base URL plus fixed path segments,
/// strictly encoded query values and numbers we formatted ourselves: user input never becomes
/// part of the scheme, host or path (geocoding.md §2.5).
struct UpstreamURL: Sendable {
    /// The complete URL sent on the wire.
    let url: String
    /// `host[:port]` of the base URL (userinfo removed), for logs.
    let host: String
    /// The path *template* (e.g. `/route/v1/{profile}/{coordinates}`), for logs: never the
    /// concrete path or query, which may carry a patient's address or coordinates.
    let route: String
}

/// A configured base URL (`OSM_API_URL`, `OSRM_API_URL`), trailing slashes removed.
struct UpstreamBase: Sendable {
    let base: String
    let host: String

    init(_ configured: String) {
        var base = Substring(configured)
        while base.hasSuffix("/") { base = base.dropLast() }
        self.base = String(base)
        let colon = base.firstIndex(of: ":").flatMap { base[$0...].hasPrefix("://") ? $0 : nil }
        let authority = colon.map { base[base.index($0, offsetBy: 3)...] } ?? base
        let hostPort = authority.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        // Without userinfo: `user:password@` must not reach a log line.
        host = String(hostPort.lastIndex(of: "@").map { hostPort[hostPort.index(after: $0)...] } ?? hostPort)
    }

    /// `base + path + ?query`, with every query name and value percent-encoded.
    /// - Parameters:
    ///   - path: starts with `/`; made only of literals and values from `UpstreamEncoding`.
    ///   - route: the path template for logs.
    func url(path: String, route: String, query: KeyValuePairs<String, String>) -> UpstreamURL {
        let pairs = query.map { "\(UpstreamEncoding.component($0.key))=\(UpstreamEncoding.component($0.value))" }
        let text = base + path + (pairs.isEmpty ? "" : "?" + pairs.joined(separator: "&"))
        return UpstreamURL(url: text, host: host, route: route)
    }
}

/// The encodings of values placed into upstream URLs.
enum UpstreamEncoding {
    /// Percent-encodes every UTF-8 byte except RFC 3986 unreserved characters
    /// (`A-Z a-z 0-9 - . _ ~`): `&`, `=`, `#`, `?`, `/`, `+`, space and non-ASCII all become `%XX`.
    static func component(_ value: String) -> String { PercentEncoding.encode(value) }

    /// A coordinate as Python's `str(float)` writes it: the shortest representation that
    /// round-trips (`13.405`, `52.52`, `0.0`, `-0.5`). Swift's `description` is the same
    /// algorithm for every finite value in coordinate range; nil for NaN and infinities.
    static func number(_ value: Double) -> String? {
        value.isFinite ? value.description : nil
    }
}
