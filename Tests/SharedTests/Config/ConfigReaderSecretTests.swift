import Testing
import Shared
import Foundation

/// A fresh directory under the system temp dir, removed when `body` returns.
private func withTempDirectory(_ body: (URL) throws -> Void) throws {
    let dir = FileManager.default.temporaryDirectory
        .appendingPathComponent("config-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: false)
    defer { try? FileManager.default.removeItem(at: dir) }
    try body(dir)
}

@Test("Secret never prints its value")
func secretIsMasked() {
    let secret = Secret("hunter2")
    #expect(secret.value == "hunter2")
    #expect("\(secret)" == "********")
    #expect(String(describing: secret) == "********")
    #expect(String(reflecting: secret) == "********")
    var dumped = ""
    dump(secret, to: &dumped)
    #expect(!dumped.contains("hunter2"))
}

@Test("secret reads KEY directly")
func secretFromVariable() {
    var config = ConfigReader(Environment(["DB_PASSWORD": "s3cret"]))
    #expect(config.secret("DB_PASSWORD")?.value == "s3cret")
    #expect(config.problems.isEmpty)
}

@Test("secret reads KEY_FILE and trims exactly one trailing line break",
      arguments: [("pw\n", "pw"), ("pw\r\n", "pw"), ("pw", "pw"), ("pw\n\n", "pw\n"), ("p w\t\n", "p w\t")])
func secretFromFile(content: String, expected: String) throws {
    try withTempDirectory { dir in
        let file = dir.appendingPathComponent("db_password")
        try Data(content.utf8).write(to: file)
        var config = ConfigReader(Environment(["DB_PASSWORD_FILE": file.path]))
        #expect(config.secret("DB_PASSWORD")?.value == expected)
        #expect(config.problems.isEmpty)
    }
}

@Test("setting both KEY and KEY_FILE is a problem")
func secretBothSet() {
    var config = ConfigReader(Environment(["TOKEN": "abc", "TOKEN_FILE": "/run/secrets/token"]))
    #expect(config.secret("TOKEN") == nil)
    #expect(config.problems == ["both TOKEN and TOKEN_FILE are set"])
}

@Test("an unreadable file names key and path with the reason")
func secretUnreadableFile() throws {
    try withTempDirectory { dir in
        let missing = dir.appendingPathComponent("absent").path
        var config = ConfigReader(Environment(["TOKEN_FILE": missing, "KEY_FILE": dir.path]))
        #expect(config.secret("TOKEN") == nil)
        #expect(config.secret("KEY") == nil)
        #expect(config.problems == [
            "cannot read TOKEN_FILE='\(missing)' (No such file or directory)",
            "cannot read KEY_FILE='\(dir.path)' (Is a directory)",
        ])
    }
}

@Test("errors from an injected reader are not echoed, they might contain the secret")
func secretReaderErrorNotEchoed() {
    struct Leaky: Error, CustomStringConvertible { var description: String { "content was hunter2" } }
    var config = ConfigReader(Environment(["TOKEN_FILE": "/x"]), readFile: { _ in throw Leaky() })
    _ = config.secret("TOKEN")
    #expect(config.problems == ["cannot read TOKEN_FILE='/x'"])
}

@Test("an empty secret file is a problem")
func secretEmptyFile() {
    var config = ConfigReader(Environment(["TOKEN_FILE": "/x"]), readFile: { _ in "\n" })
    #expect(config.secret("TOKEN") == nil)
    #expect(config.problems == ["empty TOKEN_FILE='/x'"])
}

@Test("a missing secret is a problem only when required")
func secretMissing() {
    var config = ConfigReader(Environment([:]))
    #expect(config.secret("API_KEY", required: false) == nil)
    #expect(config.problems.isEmpty)
    #expect(config.secret("DB_PASSWORD") == nil)
    #expect(config.problems == ["missing DB_PASSWORD (or DB_PASSWORD_FILE)"])
}

@Test("the injected reader receives the KEY_FILE path")
func secretInjectedReader() {
    var config = ConfigReader(Environment(["JWT_KEY_FILE": "/run/secrets/jwt"]),
                              readFile: { path in path == "/run/secrets/jwt" ? "key-material\r\n" : "" })
    #expect(config.secret("JWT_KEY")?.value == "key-material")
}
