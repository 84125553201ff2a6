import Testing
@testable import Shared

@Suite("ObjectStorageConfig") struct ObjectStorageConfigTests {
    private func read(_ values: [String: String], environment: String) -> (ObjectStorageConfig, ConfigReader) {
        var reader = ConfigReader(Environment(values), readFile: { _ in throw TestError() })
        let config = ObjectStorageConfig(reading: &reader, environment: environment)
        return (config, reader)
    }

    private struct TestError: Error {}

    @Test("development defaults to local and requires OBJECT_STORAGE_LOCAL_PATH, nothing of swift")
    func localDefault() {
        let (config, reader) = read([:], environment: "development")
        #expect(config.backend == .local)
        #expect(reader.problems == ["missing OBJECT_STORAGE_LOCAL_PATH"])
        let (ok, okReader) = read(["OBJECT_STORAGE_LOCAL_PATH": "/srv/objects"], environment: "test")
        #expect(okReader.problems.isEmpty)
        #expect(ok.localPath == "/srv/objects" && ok.container == "test")
        let client = HTTPClient()
        defer { client.shutdown() }
        #expect(ok.makeStorage(httpClient: client) is LocalObjectStorage)
    }

    @Test("production defaults to swift and names every missing variable")
    func swiftProblems() {
        let (config, reader) = read([:], environment: "production")
        #expect(config.backend == .swift)
        #expect(reader.problems == [
            "missing SWIFT_STORAGE_URL",
            "missing SWIFT_APPLICATION_ID (or SWIFT_APPLICATION_ID_FILE)",
            "missing SWIFT_APPLICATION_SECRET (or SWIFT_APPLICATION_SECRET_FILE)",
        ])
    }

    @Test("a complete swift configuration: default auth URL, secrets masked in the summary")
    func swiftComplete() {
        let (config, reader) = read([
            "OBJECT_STORAGE_BACKEND": "Swift", "SWIFT_STORAGE_URL": "https://s3.example/object/v1/AUTH_p",
            "SWIFT_APPLICATION_ID": "the-id", "SWIFT_APPLICATION_SECRET": "the-secret",
        ], environment: "development")
        #expect(reader.problems.isEmpty)
        #expect(config.backend == .swift && config.container == "dev")
        #expect(config.authURL == "https://api.pub1.infomaniak.cloud/identity/v3")
        #expect(config.applicationID.value == "the-id" && config.applicationSecret.value == "the-secret")
        let summary = reader.summary.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        #expect(!summary.contains("the-id") && !summary.contains("the-secret"))
        let client = HTTPClient()
        defer { client.shutdown() }
        #expect(config.makeStorage(httpClient: client) is SwiftObjectStorage)
    }

    @Test("an unknown backend or a URL without http(s) is a problem")
    func invalidValues() {
        let (_, backendReader) = read(["OBJECT_STORAGE_BACKEND": "s3", "OBJECT_STORAGE_LOCAL_PATH": "/x"], environment: "development")
        #expect(backendReader.problems == ["invalid OBJECT_STORAGE_BACKEND='s3' (expected one of local, swift)"])
        let (_, urlReader) = read([
            "OBJECT_STORAGE_BACKEND": "swift", "SWIFT_AUTH_URL": "api.example/v3", "SWIFT_STORAGE_URL": "ftp://x",
            "SWIFT_APPLICATION_ID": "i", "SWIFT_APPLICATION_SECRET": "s",
        ], environment: "production")
        #expect(urlReader.problems == [
            "invalid SWIFT_AUTH_URL='api.example/v3' (expected an http:// or https:// URL)",
            "invalid SWIFT_STORAGE_URL='ftp://x' (expected an http:// or https:// URL)",
        ])
    }

    @Test("container names per environment", arguments: [
        ("development", "dev"), ("test", "test"), ("production", "prod"), ("staging", "dev"), ("", "dev"),
    ])
    func containerNames(environment: String, container: String) {
        #expect(ObjectStorageConfig.containerName(forEnvironment: environment) == container)
    }
}
