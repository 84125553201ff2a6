import Shared

/// Runs blocking test I/O (raw sockets) on a fresh owned thread, never on the concurrency
/// pool, which the server under test needs for its handlers.
public func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        _ = OwnedThread(name: "test-io") { continuation.resume(with: Result { try body() }) }
    }
}

/// A failure in test support code.
public struct TestSupportError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
