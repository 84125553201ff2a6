/// Why an exchange on a socket failed, before it is turned into an `HTTPClientError`.
struct ClientIOFailure: Error {
    /// The failure classes the exchange distinguishes.
    enum Kind { case closed, timeout, malformed, tooLarge }
    /// The class.
    let kind: Kind
    /// A fixed phrase for `HTTPClientError.detail`.
    let detail: String
}

extension ClientIOFailure {
    /// The body exceeds `maxResponseBytes`.
    static let tooLarge = ClientIOFailure(kind: .tooLarge, detail: "response body exceeds maxResponseBytes")

    /// A protocol violation by the peer.
    static func malformed(_ detail: String) -> ClientIOFailure {
        ClientIOFailure(kind: .malformed, detail: detail)
    }
}
