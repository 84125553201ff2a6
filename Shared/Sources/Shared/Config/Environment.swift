#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An immutable copy of environment variables. Services take one `snapshot()` at start-up and
/// hand it to a `ConfigReader`; tests build one from a dictionary instead of calling `setenv`.
public struct Environment: Sendable {
    private let values: [String: String]

    /// Creates an environment from explicit values (for tests and tools).
    public init(_ values: [String: String]) { self.values = values }

    /// Reads the process environment once; later changes to it are not seen.
    public static func snapshot() -> Environment {
        Environment(ProcessInfo.processInfo.environment)
    }

    /// The value of `key`, or nil when it is not set.
    public subscript(key: String) -> String? { values[key] }
}
