import Testing
import Shared

/// An RFC 4231 test case; `code` may be a prefix (case 5 specifies only 128 bits).
struct HMACVector: Sendable, CustomTestStringConvertible {
    let number: Int
    let key: [UInt8]
    let message: [UInt8]
    let code: String
    var testDescription: String { "RFC 4231 case \(number)" }
}

private let rfc4231Vectors: [HMACVector] = [
    HMACVector(number: 1, key: [UInt8](repeating: 0x0b, count: 20),
               message: Array("Hi There".utf8),
               code: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
    HMACVector(number: 2, key: Array("Jefe".utf8),
               message: Array("what do ya want for nothing?".utf8),
               code: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
    HMACVector(number: 3, key: [UInt8](repeating: 0xaa, count: 20),
               message: [UInt8](repeating: 0xdd, count: 50),
               code: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
    HMACVector(number: 4, key: Array(1...25), message: [UInt8](repeating: 0xcd, count: 50),
               code: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
    HMACVector(number: 5, key: [UInt8](repeating: 0x0c, count: 20),
               message: Array("Test With Truncation".utf8),
               code: "a3b6167473100ee06e0c796c2955552b"),
    HMACVector(number: 6, key: [UInt8](repeating: 0xaa, count: 131),
               message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
               code: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
    HMACVector(number: 7, key: [UInt8](repeating: 0xaa, count: 131),
               message: Array(("This is a test using a larger than block-size key and a larger"
                               + " than block-size data. The key needs to be hashed before being"
                               + " used by the HMAC algorithm.").utf8),
               code: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
]

@Test("HMAC-SHA256 matches RFC 4231 test cases 1–7", arguments: rfc4231Vectors)
func hmacKnownVectors(vector: HMACVector) {
    let code = HMACSHA256.authenticationCode(for: vector.message, key: vector.key)
    #expect(code.count == HMACSHA256.byteCount)
    let expectedBytes = vector.code.count / 2
    #expect(Hex.encode(code.prefix(expectedBytes)) == vector.code)
}

@Test("streaming HMAC equals one-shot and resets to the keyed state after finalize")
func hmacStreaming() {
    let vector = rfc4231Vectors[6]
    var hmac = HMACSHA256(key: vector.key)
    for chunk in stride(from: 0, to: vector.message.count, by: 7) {
        hmac.update(Array(vector.message[chunk..<min(chunk + 7, vector.message.count)]))
    }
    #expect(Hex.encode(hmac.finalize()) == vector.code)
    hmac.update(vector.message)
    #expect(Hex.encode(hmac.finalize()) == vector.code)
}

@Test("String overloads authenticate the UTF-8 bytes")
func hmacStringOverloads() {
    let expected = rfc4231Vectors[1].code
    let message = "what do ya want for nothing?"
    #expect(Hex.encode(HMACSHA256.authenticationCode(for: message, key: "Jefe")) == expected)
    let keyBytes = Array("Jefe".utf8)
    #expect(Hex.encode(HMACSHA256.authenticationCode(for: message, key: keyBytes)) == expected)
    var hmac = HMACSHA256(key: "Jefe")
    hmac.update("what do ya ")
    hmac.update("want for nothing?")
    #expect(Hex.encode(hmac.finalize()) == expected)
}

@Test("a key of exactly 64 bytes is used as is, not hashed")
func hmacBlockSizeKey() {
    let key = [UInt8](repeating: 0x42, count: 64)
    // python3: hmac.new(b"\x42"*64, b"message", hashlib.sha256).hexdigest()
    let code = HMACSHA256.authenticationCode(for: Array("message".utf8), key: key)
    #expect(Hex.encode(code) == "3e2dff13376eef21c977d2636c96b03becad305320781276694855a3ea9eb883")
    #expect(code != HMACSHA256.authenticationCode(for: Array("message".utf8), key: SHA256.hash(key)))
}
