#if canImport(Glibc)
import Glibc
#endif

/// A server start-up failure (bind, listen, epoll), with the OS reason.
public struct ServerError: Error, CustomStringConvertible, Sendable {
    /// What failed, including the OS error text when there is one.
    public let description: String

    init(_ what: String, errno code: Int32? = nil) {
        if let code { description = "\(what): \(String(cString: strerror(code)))" } else { description = what }
    }
}
