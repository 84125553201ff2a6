import Testing
import Shared

@Test("finish reports every problem at once, in order")
func finishCollectsAllProblems() {
    var config = ConfigReader(Environment([
        "HTTP_PORT": "80a", "LOG_FORMAT": "xml", "DB_PASSWORD": "pw", "DB_PASSWORD_FILE": "/p",
        "WORKERS": "4",
    ]))
    _ = config.string("DB_HOST")
    _ = config.port("HTTP_PORT")
    _ = config.int("WORKERS", range: 1...16)
    _ = config.oneOf("LOG_FORMAT", ["json", "text"])
    _ = config.secret("DB_PASSWORD")
    #expect(throws: ConfigError(problems: [
        "missing DB_HOST",
        "invalid HTTP_PORT='80a' (expected an integer 1-65535)",
        "invalid LOG_FORMAT='xml' (expected one of json, text)",
        "both DB_PASSWORD and DB_PASSWORD_FILE are set",
    ])) {
        try config.finish()
    }
}

@Test("ConfigError describes all problems on one line")
func configErrorDescription() {
    let error = ConfigError(problems: ["missing DB_HOST", "invalid HTTP_PORT='80a' (expected an integer 1-65535)"])
    #expect("\(error)" == "invalid configuration: missing DB_HOST; invalid HTTP_PORT='80a' (expected an integer 1-65535)")
}

@Test("finish does not throw when everything is valid")
func finishSucceeds() throws {
    var config = ConfigReader(Environment(["DB_HOST": "db"]))
    _ = config.string("DB_HOST")
    _ = config.port("HTTP_PORT", default: 8080)
    try config.finish()
}

@Test("summary lists every key with its effective value and masks secrets")
func summaryMasksSecrets() {
    var config = ConfigReader(Environment([
        "DB_HOST": "db", "DB_PASSWORD": "hunter2", "JWT_FILE": "/run/jwt", "DEBUG": "yes", "N": "x",
    ]), readFile: { _ in "jwt-secret" })
    _ = config.string("DB_HOST")
    _ = config.port("HTTP_PORT", default: 8080)
    _ = config.secret("DB_PASSWORD")
    _ = config.secret("JWT")
    _ = config.secret("API_KEY", required: false)
    _ = config.bool("DEBUG")
    _ = config.optionalString("REGION")
    _ = config.list("ORIGINS", default: ["a", "b"])
    _ = config.int("N", default: 1)
    let summary = config.summary.map { "\($0.key)=\($0.value)" }
    #expect(summary == [
        "DB_HOST=db", "HTTP_PORT=8080", "DB_PASSWORD=********", "JWT=********", "API_KEY=(unset)",
        "DEBUG=true", "REGION=(unset)", "ORIGINS=a,b", "N=(invalid)",
    ])
    let everything = summary.joined() + config.problems.joined()
    #expect(!everything.contains("hunter2") && !everything.contains("jwt-secret"))
}

@Test("reading a key twice keeps one summary entry with the latest value")
func summaryDeduplicates() {
    var config = ConfigReader(Environment([:]))
    _ = config.int("X", default: 1)
    _ = config.int("X", default: 2)
    #expect(config.summary.map(\.key) == ["X"])
    #expect(config.summary.first?.value == "2")
}
