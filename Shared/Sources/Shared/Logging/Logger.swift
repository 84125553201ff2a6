/// Writes structured JSON log lines, one object per line:
/// `{"ts":"…","level":"info","service":"patient","msg":"…","request.id":"…",…}`.
///
/// `request.id` comes from `RequestID.current` when set (unless metadata supplies it), then the
/// logger's metadata (`with`) and the call's metadata follow in order. Lines below `level` cost
/// one comparison: the message closure is not evaluated. Never pass secrets or patient data
/// as message or metadata.
public struct Logger: Sendable {
    /// The service name written to every line.
    public let service: String
    /// The lowest level that is written.
    public var level: LogLevel
    /// Where lines go.
    public let sink: LogSink

    /// `,"service":"…"`, encoded once.
    private let encodedService: [UInt8]
    /// `,"key":"value"` for every `with` pair, encoded once.
    private var encodedMetadata: [UInt8] = []
    private var metadataHasRequestID = false

    /// Creates a logger for `service` writing lines at `level` and above to `sink`.
    public init(service: String, level: LogLevel, sink: LogSink = .stdout) {
        self.service = service
        self.level = level
        self.sink = sink
        var encoded = Array(#","service":"#.utf8)
        JSONString.append(service, to: &encoded)
        encodedService = encoded
    }

    /// A copy that adds `key: value` to every line it writes, after earlier metadata.
    public func with(_ key: String, _ value: String) -> Logger {
        var copy = self
        Self.appendField(key, value, to: &copy.encodedMetadata)
        copy.metadataHasRequestID = metadataHasRequestID || key == Self.requestIDKey
        return copy
    }

    /// Whether a line at `level` would be written.
    @inlinable
    public func isEnabled(_ level: LogLevel) -> Bool { level >= self.level }

    /// Writes `message` with `metadata` if `level` is enabled; otherwise does nothing at all.
    @inlinable
    public func log(_ level: LogLevel, _ message: @autoclosure () -> String,
                    _ metadata: KeyValuePairs<String, String> = [:]) {
        guard isEnabled(level) else { return }
        write(level, message(), metadata)
    }

    private static let requestIDKey = "request.id"

    @usableFromInline
    func write(_ level: LogLevel, _ message: String, _ metadata: KeyValuePairs<String, String>) {
        var line: [UInt8] = []
        line.reserveCapacity(96 + encodedService.count + message.utf8.count + encodedMetadata.count)
        line.append(contentsOf: #"{"ts":""#.utf8)
        Timestamp.appendNow(to: &line)
        line.append(contentsOf: #"","level":""#.utf8)
        line.append(contentsOf: level.name.utf8)
        line.append(UInt8(ascii: "\""))
        line.append(contentsOf: encodedService)
        line.append(contentsOf: #","msg":"#.utf8)
        JSONString.append(message, to: &line)
        if !metadataHasRequestID, let id = RequestID.current,
           !metadata.contains(where: { $0.key == Self.requestIDKey }) {
            Self.appendField(Self.requestIDKey, id, to: &line)
        }
        line.append(contentsOf: encodedMetadata)
        for (key, value) in metadata { Self.appendField(key, value, to: &line) }
        line.append(contentsOf: "}\n".utf8)
        sink.emit(line)
    }

    private static func appendField(_ key: String, _ value: String, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: ","))
        JSONString.append(key, to: &buffer)
        buffer.append(UInt8(ascii: ":"))
        JSONString.append(value, to: &buffer)
    }
}
