/// A sensitive configuration value (password, token, key). Printing, interpolating, dumping or
/// reflecting it shows `********`; only `value` gives the real content, so every use is explicit.
public struct Secret: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The mask shown instead of the value.
    public static let mask = "********"

    /// The secret itself. Never log it or put it in an error message.
    public let value: String

    /// Wraps `value` as a secret.
    public init(_ value: String) { self.value = value }

    /// Always `********`.
    public var description: String { Self.mask }

    /// Always `********`.
    public var debugDescription: String { Self.mask }

    /// A mirror without children, so `dump` and reflection cannot reveal the value.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
