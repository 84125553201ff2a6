import Testing
import Shared

@Test("parses level names and Python-style names case-insensitively",
      arguments: [("trace", LogLevel.trace), ("DEBUG", .debug), ("Info", .info), ("notice", .notice),
                  ("WARNING", .warning), ("warn", .warning), ("ERROR", .error), ("CRITICAL", .critical),
                  ("fatal", .critical), (" info ", .info)])
func levelParsing(text: String, expected: LogLevel) {
    #expect(LogLevel(parsing: text) == expected)
}

@Test("rejects unknown level names", arguments: ["", "verbose", "inf", "10", "warnings"])
func levelParsingRejects(text: String) {
    #expect(LogLevel(parsing: text) == nil)
}

@Test("levels are ordered by severity and named in lowercase")
func levelOrderAndNames() {
    #expect(LogLevel.allCases.map(\.name) == ["trace", "debug", "info", "notice", "warning", "error", "critical"])
    #expect(LogLevel.allCases == LogLevel.allCases.sorted())
    #expect(LogLevel.trace < .debug && LogLevel.error < .critical && !(LogLevel.info < .info))
    for level in LogLevel.allCases { #expect(LogLevel(parsing: level.name) == level) }
}
