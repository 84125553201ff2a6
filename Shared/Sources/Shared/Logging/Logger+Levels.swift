extension Logger {
    /// Logs at `.trace`.
    @inlinable
    public func trace(_ message: @autoclosure () -> String, _ metadata: KeyValuePairs<String, String> = [:]) {
        log(.trace, message(), metadata)
    }

    /// Logs at `.debug`.
    @inlinable
    public func debug(_ message: @autoclosure () -> String, _ metadata: KeyValuePairs<String, String> = [:]) {
        log(.debug, message(), metadata)
    }

    /// Logs at `.info`.
    @inlinable
    public func info(_ message: @autoclosure () -> String, _ metadata: KeyValuePairs<String, String> = [:]) {
        log(.info, message(), metadata)
    }

    /// Logs at `.notice`.
    @inlinable
    public func notice(_ message: @autoclosure () -> String, _ metadata: KeyValuePairs<String, String> = [:]) {
        log(.notice, message(), metadata)
    }

    /// Logs at `.warning`.
    @inlinable
    public func warning(_ message: @autoclosure () -> String, _ metadata: KeyValuePairs<String, String> = [:]) {
        log(.warning, message(), metadata)
    }

    /// Logs at `.error`.
    @inlinable
    public func error(_ message: @autoclosure () -> String, _ metadata: KeyValuePairs<String, String> = [:]) {
        log(.error, message(), metadata)
    }

    /// Logs at `.critical`.
    @inlinable
    public func critical(_ message: @autoclosure () -> String, _ metadata: KeyValuePairs<String, String> = [:]) {
        log(.critical, message(), metadata)
    }
}
