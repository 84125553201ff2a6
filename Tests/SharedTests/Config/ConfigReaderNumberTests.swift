import Testing
import Shared

private func reader(_ values: [String: String]) -> ConfigReader { ConfigReader(Environment(values)) }

@Test("int parses, trims, applies defaults and ranges")
func intAccessor() {
    var config = reader(["WORKERS": " 8 ", "NEG": "-3", "BIG": "500", "TEXT": "eight"])
    #expect(config.int("WORKERS") == 8)
    #expect(config.int("NEG") == -3)
    #expect(config.int("UNSET", default: 4) == 4)
    #expect(config.int("WORKERS", range: 1...8) == 8)
    #expect(config.problems.isEmpty)
    #expect(config.int("BIG", default: 10, range: 1...100) == 10)
    #expect(config.int("TEXT") == 0)
    #expect(config.int("MISSING") == 0)
    #expect(config.problems == [
        "invalid BIG='500' (expected an integer 1-100)",
        "invalid TEXT='eight' (expected an integer)",
        "missing MISSING",
    ])
}

@Test("double parses finite numbers within the range")
func doubleAccessor() {
    var config = reader(["RATIO": "0.25", "NAN": "nan", "HIGH": "1.5", "INF": "inf"])
    #expect(config.double("RATIO", range: 0...1) == 0.25)
    #expect(config.double("UNSET", default: 0.5) == 0.5)
    #expect(config.problems.isEmpty)
    _ = config.double("NAN")
    _ = config.double("HIGH", range: 0...1)
    _ = config.double("INF")
    #expect(config.problems == [
        "invalid NAN='nan' (expected a number)",
        "invalid HIGH='1.5' (expected a number 0.0-1.0)",
        "invalid INF='inf' (expected a number)",
    ])
}

@Test("port accepts 1-65535 only", arguments: [("1", true), ("8080", true), ("65535", true),
                                              ("0", false), ("65536", false), ("80a", false), ("-1", false)])
func portAccessor(text: String, valid: Bool) {
    var config = reader(["HTTP_PORT": text])
    let port = config.port("HTTP_PORT", default: 8080)
    if valid {
        #expect(port == Int(text))
        #expect(config.problems.isEmpty)
    } else {
        #expect(port == 8080)
        #expect(config.problems == ["invalid HTTP_PORT='\(text)' (expected an integer 1-65535)"])
    }
}

@Test("seconds accepts whole and fractional seconds")
func secondsAccessor() {
    var config = reader(["TIMEOUT": "10", "GRACE": "0.5", "TINY": "0.001"])
    #expect(config.seconds("TIMEOUT", default: .seconds(1)) == .seconds(10))
    #expect(config.seconds("GRACE", default: .seconds(1)) == .milliseconds(500))
    #expect(config.seconds("TINY", default: .seconds(1)) == .milliseconds(1))
    #expect(config.seconds("UNSET", default: .seconds(30)) == .seconds(30))
    #expect(config.problems.isEmpty)
    #expect(config.summary.map(\.value) == ["10s", "0.5s", "0.001s", "30s"])
}

@Test("seconds rejects negative, non-numeric and absurd values",
      arguments: ["-1", "10s", "abc", "nan", "1e12"])
func secondsRejected(text: String) {
    var config = reader(["TIMEOUT": text])
    #expect(config.seconds("TIMEOUT", default: .seconds(5)) == .seconds(5))
    #expect(config.problems == ["invalid TIMEOUT='\(text)' (expected a number of seconds 0-1000000000, e.g. 10 or 0.5)"])
}
