/// One versioned migration: `V<version>__<description>.sql`, its SQL and its checksum.
public struct MigrationFile: Sendable, Equatable {
    /// The version number from the file name (`V0003` → 3).
    public let version: Int
    /// The snake_case description from the file name (`create_outbox`).
    public let description: String
    /// The file name as found on disk.
    public let fileName: String
    /// The SQL text, exactly as read.
    public let sql: String
    /// Flyway-style CRC32 over the lines without their line endings (see `checksum(of:)`).
    public let checksum: UInt32
    /// False when the file carries the `-- migrate:no-transaction` marker line.
    public let inTransaction: Bool

    /// The marker line that opts a file out of the per-file transaction.
    public static let noTransactionMarker = "-- migrate:no-transaction"

    /// Parses the file name and derives checksum and transaction mode from `sql`.
    public init(fileName: String, sql: String) throws(MigrationError) {
        guard let (version, description) = Self.parseName(fileName) else {
            throw .invalidFileName(fileName)
        }
        self.version = version
        self.description = description
        self.fileName = fileName
        self.sql = sql
        self.checksum = Self.checksum(of: sql)
        self.inTransaction = !Self.lines(of: sql).contains(where: Self.isMarker)
    }

    /// CRC32 over the lines joined with "\n" after stripping a trailing "\r" from each, so an
    /// LF and a CRLF checkout of the same file have the same checksum.
    public static func checksum(of sql: String) -> UInt32 {
        CRC32.checksum(lines(of: sql).joined(separator: "\n"))
    }

    /// `V0003` for 3: the label used in messages and status lines.
    public static func label(_ version: Int) -> String {
        let digits = String(version)
        return "V" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The lines of `text` without "\n" and a trailing "\r". Splits on UTF-8 bytes: as a
    /// `Character`, "\r\n" is one grapheme and would never equal "\n".
    /// A line that is the marker, optionally followed by whitespace and a remark.
    static func isMarker(_ line: String) -> Bool {
        let text = line[...].trimmingSpaces()
        guard text.hasPrefix(noTransactionMarker) else { return false }
        let rest = text.dropFirst(noTransactionMarker.count)
        return rest.isEmpty || rest.first == " " || rest.first == "\t"
    }

    static func lines(of text: String) -> [String] {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            let bytes = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// `(version, description)` for a valid name, nil otherwise.
    static func parseName(_ name: String) -> (Int, String)? {
        guard name.hasPrefix("V"), name.hasSuffix(".sql") else { return nil }
        let stem = name.dropFirst().dropLast(4)
        guard let separator = stem.firstRange(of: "__") else { return nil }
        let digits = stem[..<separator.lowerBound]
        let description = stem[separator.upperBound...]
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy(\.isASCIIDigit),
              let version = Int(digits), version > 0,
              let first = description.first, first.isLowercaseASCIILetter,
              description.allSatisfy({ $0.isLowercaseASCIILetter || $0.isASCIIDigit || $0 == "_" }),
              !description.hasSuffix("_"), !description.contains("__")
        else { return nil }
        return (version, String(description))
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    var isLowercaseASCIILetter: Bool { ("a"..."z").contains(self) }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = lastIndex(where: { !isSpace($0) })!
        return self[start...end]
    }
}
