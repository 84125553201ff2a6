/// A store of named byte objects grouped in containers: OpenStack Swift in production
/// (`SwiftObjectStorage`), a local folder in development and tests (`LocalObjectStorage`).
///
/// Object names are relative paths such as `registrations/2025-09-03-abc.json`; "folders" are
/// name prefixes ending in `/`. Names and containers with `..` or `.` segments, empty segments,
/// a leading `/`, NUL or control characters are rejected with `.invalidName` by both backends,
/// and listings leave out names that would be rejected, so every listed name can be read and
/// deleted.
/// Every failure is an `ObjectStorageError`, whose description never contains object contents
/// or credentials.
public protocol ObjectStorage: Sendable {
    /// The names of every container of the account, sorted ascending (by UTF-8 bytes).
    func listContainers() async throws(ObjectStorageError) -> [String]

    /// The full names of the objects directly in the folder `prefix` (e.g. `registrations/`),
    /// sorted ascending by UTF-8 bytes. Not recursive: objects in sub-folders are left out, as
    /// with Swift's `prefix=<folder>/&delimiter=/`. An empty prefix lists the container's top
    /// level; a missing folder gives `[]`; a missing container is `.notFound`.
    func listObjects(container: String, prefix: String) async throws(ObjectStorageError) -> [String]

    /// The content of the object `name`; `.notFound` when there is none.
    func get(container: String, name: String) async throws(ObjectStorageError) -> [UInt8]

    /// Stores `bytes` as the object `name`, replacing any previous content (readers see either
    /// the old or the new content, never a part).
    func put(container: String, name: String, bytes: [UInt8]) async throws(ObjectStorageError)

    /// Deletes the object `name`; `.notFound` when there is none.
    func delete(container: String, name: String) async throws(ObjectStorageError)
}
