/// Builds the URLs of the Swift API: each path segment percent-encoded (RFC 3986 unreserved
/// characters kept, UTF-8 bytes as `%XX`), `/` kept between the segments of an object name.
enum SwiftURL {
    /// `<storageURL>/<container>` or `<storageURL>/<container>/<name>`.
    static func object(_ storageURL: String, container: String, name: String? = nil) -> String {
        var url = storageURL + "/" + encode(container, keeping: [])
        if let name {
            url += "/" + name.split(separator: "/", omittingEmptySubsequences: false)
                .map { encode($0, keeping: []) }.joined(separator: "/")
        }
        return url
    }

    /// `name=value&…` with names and values encoded; `/` stays readable (`prefix=registrations/`).
    static func query(_ items: [(String, String)]) -> String {
        items.map { encode($0.0, keeping: []) + "=" + encode($0.1, keeping: [UInt8(ascii: "/")]) }
            .joined(separator: "&")
    }

    /// `text` percent-encoded (RFC 3986 unreserved and `keeping` kept).
    static func encode(_ text: some StringProtocol, keeping: Set<UInt8>) -> String {
        PercentEncoding.encode(text, keeping: keeping)
    }
}
