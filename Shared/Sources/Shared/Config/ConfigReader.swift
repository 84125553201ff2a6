/// Reads typed settings from an `Environment` and collects every problem instead of stopping
/// at the first one; `finish()` then throws them all at once.
///
/// An empty value counts as unset. Each accessor records the key and the value it returned in
/// `summary` (secrets masked) so services can log their effective configuration. Values that
/// hold credentials, including URLs with passwords, must be read with `secret(_:required:)`.
public struct ConfigReader: Sendable {
    private let env: Environment
    private let readFile: @Sendable (String) throws -> String

    /// The problems found so far, in the order they were encountered.
    public private(set) var problems: [String] = []

    /// Every key read so far with its effective value: secrets appear as `********` when set,
    /// unset keys as `(unset)` and rejected values as `(invalid)`.
    public private(set) var summary: [(key: String, value: String)] = []

    /// Creates a reader over `env`; `readFile` returns the text of the file at a path and is
    /// used for `KEY_FILE` secrets (injectable for tests).
    public init(
        _ env: Environment,
        readFile: @escaping @Sendable (String) throws -> String = ConfigReader.readTextFile
    ) {
        self.env = env
        self.readFile = readFile
    }

    /// Throws one `ConfigError` listing every problem, in order, if there was any.
    public func finish() throws(ConfigError) {
        if !problems.isEmpty { throw ConfigError(problems: problems) }
    }

    /// The default file reader: the whole file as UTF-8 text.
    @usableFromInline
    static func readTextFile(_ path: String) throws -> String {
        try TextFile.contents(atPath: path)
    }

    // MARK: - Helpers shared by the accessors

    /// The value of `key`, or nil when it is unset or empty.
    func raw(_ key: String) -> String? {
        guard let value = env[key], !value.isEmpty else { return nil }
        return value
    }

    /// Reads the file behind a `KEY_FILE` setting.
    func contents(ofFile path: String) throws -> String { try readFile(path) }

    mutating func problem(_ text: String) { problems.append(text) }

    /// Records that `key` holds `value`, which is not `expected`; `finish()` then fails.
    public mutating func invalid(_ key: String, _ value: String, expected: String) {
        problems.append("invalid \(key)=\(Self.quoted(value)) (expected \(expected))")
    }

    /// Records `value` as the effective value of `key`, replacing an earlier entry.
    mutating func record(_ key: String, _ value: String) {
        if let index = summary.firstIndex(where: { $0.key == key }) {
            summary[index].value = value
        } else {
            summary.append((key: key, value: value))
        }
    }

    /// Reads `key`, parses it, falls back to `fallback` when unset and records the outcome.
    mutating func typed<T>(
        _ key: String, default fallback: T?, zero: T, expected: @autoclosure () -> String,
        show: (T) -> String, parse: (String) -> T?
    ) -> T {
        guard let text = raw(key) else {
            if let fallback {
                record(key, show(fallback))
                return fallback
            }
            problem("missing \(key)")
            record(key, "(unset)")
            return zero
        }
        guard let value = parse(text) else {
            invalid(key, text, expected: expected())
            record(key, "(invalid)")
            return fallback ?? zero
        }
        record(key, show(value))
        return value
    }

    /// `value` in single quotes for a problem message: control characters become `?` and
    /// long values are cut, so a message stays on one readable line.
    static func quoted(_ value: String) -> String {
        let limit = 64
        var text = String(value.unicodeScalars.prefix(limit).map { scalar -> Character in
            scalar.value < 0x20 || scalar.value == 0x7F ? "?" : Character(scalar)
        })
        if value.unicodeScalars.count > limit { text += "…" }
        return "'\(text)'"
    }
}
