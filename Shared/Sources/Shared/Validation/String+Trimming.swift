extension StringProtocol {
    /// Without leading and trailing whitespace (Python's `strip()`).
    public func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
