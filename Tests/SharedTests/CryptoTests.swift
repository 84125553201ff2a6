import Testing
import Shared

/// A message and its SHA-256 digest from FIPS 180-4 examples / NIST CAVS (checked against
/// Python's hashlib).
struct DigestVector: Sendable, CustomTestStringConvertible {
    let message: String
    let digest: String
    var testDescription: String { "\(message.utf8.count)-byte message" }
}

private let nistVectors: [DigestVector] = [
    DigestVector(message: "",
                 digest: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    DigestVector(message: "abc",
                 digest: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    DigestVector(message: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                 digest: "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    DigestVector(message: "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                          + "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
                 digest: "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
]

/// 1000 bytes of `(i * 7 + 3) mod 256`, so chunked feeding crosses block boundaries unevenly.
private let patternMessage: [UInt8] = (0..<1000).map { UInt8(($0 * 7 + 3) % 256) }
private let patternDigest = "1e9bc38cbf860b9ec31918b065f9b52476c549a782e0e7990bed8ce3868d2371"

@Test("SHA-256 matches the FIPS 180-4 example vectors", arguments: nistVectors)
func sha256KnownVectors(vector: DigestVector) {
    #expect(Hex.encode(SHA256.hash(vector.message)) == vector.digest)
    #expect(Hex.encode(SHA256.hash(Array(vector.message.utf8))) == vector.digest)
}

@Test("SHA-256 of one million 'a' matches the NIST long-message vector")
func sha256MillionA() {
    let digest = SHA256.hash([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
    #expect(Hex.encode(digest) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
}

@Test("streaming in fixed chunk sizes equals the one-shot digest", arguments: [1, 3, 63, 64, 65])
func sha256StreamingChunks(chunkSize: Int) {
    var hasher = SHA256()
    var start = 0
    while start < patternMessage.count {
        let end = min(start + chunkSize, patternMessage.count)
        hasher.update(Array(patternMessage[start..<end]))
        start = end
    }
    let streamed = hasher.finalize()
    #expect(streamed == SHA256.hash(patternMessage))
    #expect(Hex.encode(streamed) == patternDigest)
}

@Test("every update overload feeds the same message")
func sha256UpdateOverloads() {
    var hasher = SHA256()
    hasher.update(patternMessage[0..<100])  // contiguous generic path (ArraySlice)
    hasher.update(patternMessage[100..<300].lazy.map { $0 })  // non-contiguous generic path
    patternMessage[300..<700].withUnsafeBytes { hasher.update($0) }
    hasher.update(Array(patternMessage[700...]))
    #expect(Hex.encode(hasher.finalize()) == patternDigest)

    var text = SHA256()
    text.update("ab")
    text.update("c")
    #expect(Hex.encode(text.finalize()) == nistVectors[1].digest)
}

@Test("message lengths around the padding boundary hash like a single update", arguments: 54...66)
func sha256PaddingBoundary(length: Int) {
    let message = Array(patternMessage[..<length])
    var hasher = SHA256()
    for byte in message { hasher.update([byte]) }
    #expect(hasher.finalize() == SHA256.hash(message))
}

@Test("finalize resets the hasher to the empty state")
func sha256FinalizeResets() {
    var hasher = SHA256()
    hasher.update("not the message")
    _ = hasher.finalize()
    hasher.update("abc")
    #expect(Hex.encode(hasher.finalize()) == nistVectors[1].digest)
    #expect(Hex.encode(hasher.finalize()) == nistVectors[0].digest)
}

@Test("hashing 1 MiB completes with the expected digest")
func sha256OneMebibyte() {
    let message: [UInt8] = (0..<(1 << 20)).map { UInt8($0 % 251) }
    let digest = SHA256.hash(message)
    #expect(digest.count == SHA256.digestByteCount)
    #expect(Hex.encode(digest) == "631b84027d6b9e52b539c4e8373622d23032dfadc64d60af87339c9037e4f769")
}
