/// `ObjectStorage` on OpenStack Swift (Infomaniak in production) with Keystone v3
/// application-credential authentication.
///
/// The token is fetched on first use and cached; when a storage call answers 401 the token is
/// renewed once and the call repeated once (a second 401 is `.authenticationFailed(401)`).
/// Listings use `prefix`, `delimiter=/`, `format=json` and are paged with `limit`/`marker`;
/// `subdir` entries are skipped. Names are percent-encoded segment by segment.
public struct SwiftObjectStorage: ObjectStorage {
    /// Infomaniak's public Keystone endpoint.
    public static let defaultAuthURL = "https://api.pub1.infomaniak.cloud/identity/v3"

    /// The account URL, e.g. `https://s3.pub2.infomaniak.cloud/object/v1/AUTH_<project>`.
    public let storageURL: String
    let transport: any ObjectStorageTransport
    let tokens: KeystoneTokens
    /// Entries requested per listing page (`limit`); Swift's own maximum is 10 000.
    var pageSize = 1000

    /// A storage that sends its requests through `transport`.
    public init(storageURL: String, authURL: String = SwiftObjectStorage.defaultAuthURL,
                applicationID: Secret, applicationSecret: Secret, transport: any ObjectStorageTransport) {
        self.storageURL = storageURL.hasSuffix("/") ? String(storageURL.dropLast()) : storageURL
        self.transport = transport
        tokens = KeystoneTokens(authURL: authURL, applicationID: applicationID,
                                applicationSecret: applicationSecret, transport: transport)
    }

    /// A storage that sends `http://` URLs through `httpClient` and `https://` URLs through
    /// `secure` (`ObjectStorageSchemeTransport`).
    public init(storageURL: String, authURL: String = SwiftObjectStorage.defaultAuthURL,
                applicationID: Secret, applicationSecret: Secret, httpClient: HTTPClient,
                secure: (any ObjectStorageTransport)? = nil) {
        self.init(storageURL: storageURL, authURL: authURL, applicationID: applicationID, applicationSecret: applicationSecret,
                  transport: ObjectStorageSchemeTransport(httpClient: httpClient, secure: secure))
    }

    /// `GET <storageURL>?format=json`, every page.
    public func listContainers() async throws(ObjectStorageError) -> [String] {
        try await listing(storageURL, query: [("format", "json")], operation: "list containers", missing: "account")
            .filter { (try? ObjectName.checkContainer($0)) != nil }
    }

    /// `GET <storageURL>/<container>?prefix=<prefix>&delimiter=/&format=json`, every page.
    public func listObjects(container: String, prefix: String) async throws(ObjectStorageError) -> [String] {
        try ObjectName.checkContainer(container)
        try ObjectName.checkPrefix(prefix)
        return try await listing(SwiftURL.object(storageURL, container: container),
                                 query: [("prefix", prefix), ("delimiter", "/"), ("format", "json")],
                                 operation: "list objects", missing: container)
            .filter { (try? ObjectName.checkName($0)) != nil }
    }

    /// `GET <storageURL>/<container>/<name>`.
    public func get(container: String, name: String) async throws(ObjectStorageError) -> [UInt8] {
        try await objectCall(.get, container, name, operation: "GET object").body
    }

    /// `PUT <storageURL>/<container>/<name>`; a missing container is `.notFound(container)`.
    public func put(container: String, name: String, bytes: [UInt8]) async throws(ObjectStorageError) {
        _ = try await objectCall(.put, container, name, body: bytes, operation: "PUT object")
    }

    /// `DELETE <storageURL>/<container>/<name>`.
    public func delete(container: String, name: String) async throws(ObjectStorageError) {
        _ = try await objectCall(.delete, container, name, operation: "DELETE object")
    }

    /// One object request: 2xx is success, 404 `.notFound`, anything else `.unexpectedStatus`.
    private func objectCall(_ method: HTTPMethod, _ container: String, _ name: String, body: [UInt8]? = nil,
                            operation: String) async throws(ObjectStorageError) -> ObjectStorageResponse {
        try ObjectName.checkContainer(container)
        try ObjectName.checkName(name)
        let url = SwiftURL.object(storageURL, container: container, name: name)
        let response = try await authorized(method, url, body: body)
        switch response.status {
        case 200..<300: return response
        case 404: throw .notFound(method == .put ? container : container + "/" + name)
        default: throw .unexpectedStatus(response.status, operation: operation)
        }
    }
}
