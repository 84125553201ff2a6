import Testing
import Shared

private func reader(_ values: [String: String]) -> ConfigReader { ConfigReader(Environment(values)) }

@Test("Environment returns injected values and snapshots the process environment")
func environmentLookup() {
    let env = Environment(["A": "1"])
    #expect(env["A"] == "1")
    #expect(env["B"] == nil)
    // PATH is set for every process the test runner starts.
    #expect(Environment.snapshot()["PATH"]?.isEmpty == false)
}

@Test("string returns the value, the default, or records a missing key")
func stringAccessor() {
    var config = reader(["DB_HOST": "db.internal", "EMPTY": ""])
    #expect(config.string("DB_HOST") == "db.internal")
    #expect(config.string("DB_NAME", default: "curavani") == "curavani")
    #expect(config.string("EMPTY", default: "fallback") == "fallback")
    #expect(config.problems.isEmpty)
    #expect(config.string("DB_USER") == "")
    #expect(config.problems == ["missing DB_USER"])
}

@Test("optionalString is nil when unset or empty and never a problem")
func optionalStringAccessor() {
    var config = reader(["A": "x", "B": ""])
    #expect(config.optionalString("A") == "x")
    #expect(config.optionalString("B") == nil)
    #expect(config.optionalString("C") == nil)
    #expect(config.problems.isEmpty)
}

@Test("bool accepts true/false, 1/0, yes/no, on/off in any case",
      arguments: [("true", true), ("FALSE", false), ("1", true), ("0", false), ("Yes", true),
                  ("no", false), ("ON", true), ("off", false), (" on ", true)])
func boolAccepted(text: String, expected: Bool) {
    var config = reader(["FLAG": text])
    #expect(config.bool("FLAG") == expected)
    #expect(config.problems.isEmpty)
}

@Test("bool rejects other words and uses defaults")
func boolRejectedAndDefault() {
    var config = reader(["FLAG": "maybe"])
    #expect(config.bool("FLAG", default: true) == true)
    #expect(config.bool("OTHER", default: true) == true)
    #expect(config.problems == ["invalid FLAG='maybe' (expected true/false, 1/0, yes/no or on/off)"])
    _ = config.bool("REQUIRED")
    #expect(config.problems.last == "missing REQUIRED")
}

@Test("list splits on commas, trims and drops empty items")
func listAccessor() {
    var config = reader(["ORIGINS": " https://a.de , ,https://b.de,", "BLANK": " , "])
    #expect(config.list("ORIGINS") == ["https://a.de", "https://b.de"])
    #expect(config.list("UNSET", default: ["x"]) == ["x"])
    #expect(config.problems.isEmpty)
    #expect(config.list("BLANK") == [])
    #expect(config.list("MISSING") == [])
    #expect(config.problems == ["invalid BLANK=' , ' (expected a comma-separated list)", "missing MISSING"])
}

@Test("oneOf matches case-insensitively and returns the allowed spelling")
func oneOfAccessor() {
    var config = reader(["MODE": "Production", "BAD": "staging"])
    let modes = ["development", "production"]
    #expect(config.oneOf("MODE", modes) == "production")
    #expect(config.oneOf("UNSET", modes, default: "development") == "development")
    #expect(config.problems.isEmpty)
    #expect(config.oneOf("BAD", modes, default: "development") == "development")
    #expect(config.problems == ["invalid BAD='staging' (expected one of development, production)"])
}

@Test("problem messages neutralise control characters and cut long values")
func problemQuoting() {
    var config = reader(["N": "1\n2", "LONG": String(repeating: "9", count: 100) + "x"])
    _ = config.int("N")
    _ = config.int("LONG")
    #expect(config.problems[0] == "invalid N='1?2' (expected an integer)")
    #expect(config.problems[1] == "invalid LONG='\(String(repeating: "9", count: 64))…' (expected an integer)")
}
