import Foundation
import Testing
import Shared

@Suite("JSON writer and signed documents")
struct JSONWriterTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let key = Array("test-hmac-key".utf8)

    @Test("compact output round-trips member order, numbers and escapes like PHP/Python")
    func compact() throws {
        let text = #"{ "b" : [1, 2.50, -1e3], "a":"ü/\"\\\u0001\b\f\n\r\t", "c": {}, "d": [] , "e": null}"#
        let expected = #"{"b":[1,2.50,-1e3],"a":"ü/\"\\\u0001\b\f\n\r\t","c":{},"d":[],"e":null}"#
        #expect(JSONWriter().string(try JSONParser.parse(text)) == expected)
    }

    @Test("pretty output indents like Python's json.dumps(indent=2)")
    func pretty() throws {
        let value: JSONValue = ["a": [1, ["b": .null]], "c": [:], "d": []]
        #expect(JSONWriter(indent: 2).string(value) == "{\n  \"a\": [\n    1,\n    {\n      \"b\": null\n    }\n  ],\n  \"c\": {},\n  \"d\": []\n}")
    }

    @Test("the canonical form equals Python's json.dumps(separators=(',',':'), ensure_ascii=False)")
    func canonicalMatchesPython() throws {
        let file = try [UInt8](Data(contentsOf: Self.fixtures.appendingPathComponent("signed-python.json")))
        let canonical = try String(contentsOf: Self.fixtures.appendingPathComponent("signed-python.canonical"), encoding: .utf8)
        let object = try #require(try JSONParser.parse(file).objectValue)
        #expect(JSONWriter().string(.object(object.removing(["signature", "signature_version"]))) == canonical)
    }

    @Test("a file signed by an independent implementation verifies; warnings only for age and environment")
    func verifiesIndependentSignature() throws {
        let file = try [UInt8](Data(contentsOf: Self.fixtures.appendingPathComponent("signed-python.json")))
        let signedAt = try #require(UTCTimestamp(iso8601: "2025-09-03T09:53:44Z"))
        let fresh = try SignedJSONDocument.verify(file, key: Self.key, environment: "test", now: signedAt.adding(seconds: 60))
        #expect(fresh.warnings.isEmpty)
        #expect(fresh.type == "patient_registration")
        #expect(fresh.data["patient_data"]?["nachname"] == "Müller-Eßer")
        let stale = try SignedJSONDocument.verify(file, key: Self.key, environment: "prod", now: signedAt.adding(seconds: 3600))
        #expect(stale.warnings.count == 2)
    }

    @Test("tampering, a wrong key, a wrong version or a missing member is rejected")
    func rejects() throws {
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent("signed-python.json"), encoding: .utf8)
        func verify(_ text: String, key: [UInt8] = Self.key) throws(SignatureError) {
            _ = try SignedJSONDocument.verify(Array(text.utf8), key: key, environment: nil)
        }
        #expect(throws: SignatureError.invalidSignature) { try verify(text.replacingOccurrences(of: "99999", with: "99998")) }
        #expect(throws: SignatureError.invalidSignature) { try verify(text, key: Array("other".utf8)) }
        #expect(throws: SignatureError.unsupportedVersion) { try verify(text.replacingOccurrences(of: "hmac-sha256-v1", with: "hmac-sha256-v2")) }
        #expect(throws: SignatureError.missingField("type")) { try verify(text.replacingOccurrences(of: "\"type\"", with: "\"kind\"")) }
        #expect(throws: SignatureError.notAnObject) { try verify("[]") }
        #expect(throws: SignatureError.self) { try verify("{") }
        // Reordering members changes the canonical form, so the signature no longer matches.
        var object = try #require(try JSONParser.parse(text).objectValue)
        let data = try #require(object["data"])
        object["data"] = nil
        object["data"] = data
        object["timestamp"] = nil
        object["timestamp"] = "2025-09-03T11:53:44+02:00"
        #expect(throws: SignatureError.invalidSignature) { try verify(JSONWriter().string(.object(object))) }
    }

    @Test("signature(of:) produces what verify accepts, including PHP's escaped line terminators")
    func signsAndVerifies() throws {
        var object = JSONObject([(key: "timestamp", value: "2025-01-01T00:00:00Z"), (key: "type", value: "x"),
                                 (key: "data", value: ["text": "a\u{2028}b"])])
        let phpStyle = JSONWriter(escapeLineTerminators: true).bytes(.object(object))
        object["signature"] = .string(Hex.encode(HMACSHA256.authenticationCode(for: phpStyle, key: Self.key)))
        object["signature_version"] = .string(SignedJSONDocument.version)
        #expect(throws: Never.self) { try SignedJSONDocument.verify(JSONWriter().bytes(.object(object)), key: Self.key, environment: nil) }
        object["signature"] = .string(SignedJSONDocument.signature(of: object, key: Self.key))
        #expect(throws: Never.self) { try SignedJSONDocument.verify(JSONWriter().bytes(.object(object)), key: Self.key, environment: nil) }
    }

    @Test("ISO-8601 timestamps with offsets convert to UTC; naive output drops zero microseconds")
    func timestamps() throws {
        let stamp = try #require(UTCTimestamp(iso8601: "2025-09-03T11:53:44+02:00"))
        #expect(stamp.isoNaive == "2025-09-03T09:53:44")
        #expect(UTCTimestamp(iso8601: "2025-09-03T09:53:44.5Z")?.isoNaive == "2025-09-03T09:53:44.500000")
        #expect(UTCTimestamp(iso8601: "2025-09-03T01:00:00-0130")?.isoNaive == "2025-09-03T02:30:00")
        #expect(UTCTimestamp(iso8601: "2025-09-03 nonsense") == nil)
        #expect(stamp.date == LocalDate("2025-09-03"))
    }
}
