// Temporary stand-ins for the config/logging branch; deleted when it is merged.
public enum JSONString {
    public static func append(_ s: String, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): buffer.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): buffer.append(contentsOf: [0x5C, 0x5C])
            case 0..<0x20: buffer.append(contentsOf: Array(String(format: b).utf8))
            default: buffer.append(b)
            }
        }
        buffer.append(UInt8(ascii: "\""))
    }
}
private func String(format b: UInt8) -> String { "\\u00" + (b < 16 ? "0" : "") + String(b, radix: 16) }
public enum LogLevel: Int, Comparable, Sendable { case trace, debug, info, notice, warning, error, critical
    public static func < (a: LogLevel, b: LogLevel) -> Bool { a.rawValue < b.rawValue } }
public struct Logger: Sendable {
    public var level: LogLevel
    public init(service: String, level: LogLevel) { self.level = level }
    public func with(_ key: String, _ value: String) -> Logger { self }
    public func isEnabled(_ l: LogLevel) -> Bool { l >= level }
    public func log(_ level: LogLevel, _ message: @autoclosure () -> String, _ metadata: KeyValuePairs<String, String> = [:]) {
        if isEnabled(level) { print(message(), metadata) } }
    public func debug(_ m: @autoclosure () -> String, _ md: KeyValuePairs<String, String> = [:]) { if isEnabled(.debug) { print(m()) } }
    public func info(_ m: @autoclosure () -> String, _ md: KeyValuePairs<String, String> = [:]) { if isEnabled(.info) { print(m()) } }
    public func notice(_ m: @autoclosure () -> String, _ md: KeyValuePairs<String, String> = [:]) { if isEnabled(.notice) { print(m()) } }
    public func warning(_ m: @autoclosure () -> String, _ md: KeyValuePairs<String, String> = [:]) { if isEnabled(.warning) { print(m()) } }
    public func error(_ m: @autoclosure () -> String, _ md: KeyValuePairs<String, String> = [:]) { if isEnabled(.error) { print(m()) } }
    public func critical(_ m: @autoclosure () -> String, _ md: KeyValuePairs<String, String> = [:]) { print(m()) }
}
