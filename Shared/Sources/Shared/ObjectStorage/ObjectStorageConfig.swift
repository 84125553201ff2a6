/// Which object storage a worker uses and how to reach it.
///
/// Variables: `OBJECT_STORAGE_BACKEND` (`local` or `swift`; default `swift` in production,
/// else `local`), for `local` `OBJECT_STORAGE_LOCAL_PATH` (required), for `swift`
/// `SWIFT_STORAGE_URL` (required), `SWIFT_AUTH_URL` (default Infomaniak's Keystone),
/// `SWIFT_APPLICATION_ID` and `SWIFT_APPLICATION_SECRET` (secrets, also as `…_FILE`; required).
/// The variables of the other backend are not read.
public struct ObjectStorageConfig: Sendable {
    /// The two backends.
    public enum Backend: String, Sendable, CaseIterable {
        /// `LocalObjectStorage` (development, tests).
        case local
        /// `SwiftObjectStorage` (production).
        case swift
    }

    /// The selected backend.
    public var backend: Backend
    /// The root folder of the `local` backend ("" for `swift`).
    public var localPath: String
    /// Keystone v3 endpoint of the `swift` backend.
    public var authURL: String
    /// Account URL of the `swift` backend ("" for `local`).
    public var storageURL: String
    /// Application credential id of the `swift` backend.
    public var applicationID: Secret
    /// Application credential secret of the `swift` backend.
    public var applicationSecret: Secret
    /// The container of this environment (`dev`, `test`, `prod`).
    public var container: String

    /// A configuration from explicit values.
    public init(backend: Backend, localPath: String = "", authURL: String = SwiftObjectStorage.defaultAuthURL,
                storageURL: String = "", applicationID: Secret = Secret(""), applicationSecret: Secret = Secret(""),
                container: String) {
        (self.backend, self.localPath, self.authURL, self.storageURL) = (backend, localPath, authURL, storageURL)
        (self.applicationID, self.applicationSecret, self.container) = (applicationID, applicationSecret, container)
    }

    /// Reads the variables listed on the type for `environment` (`FLASK_ENV`: `development`,
    /// `test` or `production`); problems are collected in `reader`.
    public init(reading reader: inout ConfigReader, environment: String) {
        let fallback: Backend = environment == "production" ? .swift : .local
        let name = reader.oneOf("OBJECT_STORAGE_BACKEND", Backend.allCases.map(\.rawValue), default: fallback.rawValue)
        self.init(backend: Backend(rawValue: name) ?? fallback,
                  container: Self.containerName(forEnvironment: environment))
        switch backend {
        case .local:
            localPath = reader.string("OBJECT_STORAGE_LOCAL_PATH")
        case .swift:
            authURL = Self.url(&reader, "SWIFT_AUTH_URL", default: SwiftObjectStorage.defaultAuthURL)
            storageURL = Self.url(&reader, "SWIFT_STORAGE_URL", default: nil)
            applicationID = reader.secret("SWIFT_APPLICATION_ID") ?? Secret("")
            applicationSecret = reader.secret("SWIFT_APPLICATION_SECRET") ?? Secret("")
        }
    }

    /// The storage this configuration describes; `httpClient` carries `http://` Swift traffic,
    /// `secure` (e.g. `ObjectStorageURLSessionTransport`) `https://` traffic.
    public func makeStorage(httpClient: HTTPClient, secure: (any ObjectStorageTransport)? = nil) -> any ObjectStorage {
        switch backend {
        case .local:
            LocalObjectStorage(root: localPath)
        case .swift:
            SwiftObjectStorage(storageURL: storageURL, authURL: authURL, applicationID: applicationID,
                               applicationSecret: applicationSecret, httpClient: httpClient, secure: secure)
        }
    }

    /// The container for a `FLASK_ENV` value: `development` → `dev`, `test` → `test`,
    /// `production` → `prod`, anything else → `dev`.
    public static func containerName(forEnvironment environment: String) -> String {
        switch environment {
        case "production": "prod"
        case "test": "test"
        default: "dev"
        }
    }

    /// A required-or-defaulted `http://` or `https://` URL.
    private static func url(_ reader: inout ConfigReader, _ key: String, default fallback: String?) -> String {
        let value = reader.string(key, default: fallback)
        let scheme = URLScheme.of(value)
        if value.isEmpty || scheme == "http" || scheme == "https" { return value }
        reader.invalid(key, value, expected: "an http:// or https:// URL")
        reader.record(key, "(invalid)")
        return ""
    }
}

extension ObjectStorageConfig {
    /// With the `local` backend, creates `<localPath>/<container>/<folder>` for each folder (as
    /// the website's uploads would), so a fresh development setup has something to list;
    /// nothing for `swift`.
    public func prepareLocalFolders(_ folders: [String]) throws {
        guard backend == .local else { return }
        try LocalObjectStorage(root: localPath).createFolders(container: container, folders: folders)
    }
}
