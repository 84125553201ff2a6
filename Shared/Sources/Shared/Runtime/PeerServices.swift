/// Base URLs of the other services. `<NAME>_SERVICE_URL` (e.g. `COMMUNICATION_SERVICE_URL=
/// http://127.0.0.1:8004`) wins; otherwise the original naming rule applies:
/// `http://<name>_service<SERVICE_ENV_SUFFIX>:<NAME>_SERVICE_INTERNAL_PORT` (spec README §2).
public struct PeerServices: Sendable {
    private let urls: [String: String]

    /// The five business services a peer can be.
    public static let names = ["patient", "therapist", "matching", "communication", "geocoding"]

    /// Reads the URLs of `peers` (a subset of `names`) from `config`.
    public init(_ peers: [String], config: inout ConfigReader) {
        let defaultPorts = ["patient": 8001, "therapist": 8002, "matching": 8003, "communication": 8004, "geocoding": 8005]
        let suffix = config.string("SERVICE_ENV_SUFFIX", default: "")
        var urls: [String: String] = [:]
        for name in peers {
            let upper = name.uppercased()
            if let explicit = config.optionalString("\(upper)_SERVICE_URL"), !explicit.isEmpty {
                guard explicit.hasPrefix("http://") else {
                    config.invalid("\(upper)_SERVICE_URL", explicit, expected: "an http:// URL")
                    continue
                }
                urls[name] = explicit.hasSuffix("/") ? String(explicit.dropLast()) : explicit
            } else {
                let port = config.port("\(upper)_SERVICE_INTERNAL_PORT", default: defaultPorts[name] ?? 80)
                urls[name] = "http://\(name)_service\(suffix):\(port)"
            }
        }
        self.urls = urls
    }

    /// Fixed URLs (tests).
    public init(urls: [String: String]) { self.urls = urls }

    /// The base URL of `name` (no trailing slash).
    public func url(_ name: String) -> String {
        guard let url = urls[name] else { preconditionFailure("peer \(name) was not configured") }
        return url
    }
}
