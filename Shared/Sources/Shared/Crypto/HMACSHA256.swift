/// HMAC-SHA256 (RFC 2104 / FIPS 198-1), one-shot or streaming.
///
/// Keys longer than the 64-byte block size are hashed first; shorter keys are zero-padded.
/// The key itself is not stored: only the two hasher states seeded with the padded key are.
public struct HMACSHA256: Sendable {
    /// Size of an authentication code in bytes.
    public static let byteCount = SHA256.digestByteCount

    private let innerStart: SHA256
    private let outerStart: SHA256
    private var inner: SHA256

    /// A streaming authenticator keyed with `key` (any length, including empty).
    public init(key: [UInt8]) {
        var block = key.count > SHA256.blockByteCount ? SHA256.hash(key) : key
        block += [UInt8](repeating: 0, count: SHA256.blockByteCount - block.count)
        var inner = SHA256()
        inner.update(block.map { $0 ^ 0x36 })
        var outer = SHA256()
        outer.update(block.map { $0 ^ 0x5c })
        innerStart = inner
        outerStart = outer
        self.inner = inner
    }

    /// A streaming authenticator keyed with the UTF-8 encoding of `key`.
    public init(key: String) {
        self.init(key: Array(key.utf8))
    }

    /// Appends `bytes` to the message being authenticated.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        inner.update(bytes)
    }

    /// Appends `bytes` to the message being authenticated (fast path).
    public mutating func update(_ bytes: [UInt8]) {
        inner.update(bytes)
    }

    /// Appends the bytes in `buffer` to the message; the buffer is only read during the call.
    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        inner.update(buffer)
    }

    /// Appends the UTF-8 encoding of `string` to the message being authenticated.
    public mutating func update(_ string: String) {
        inner.update(string)
    }

    /// Returns the 32-byte code for the message so far and resets to the freshly keyed state,
    /// so the same value can authenticate another message with the same key.
    public mutating func finalize() -> [UInt8] {
        let innerDigest = inner.finalize()
        inner = innerStart
        var outer = outerStart
        outer.update(innerDigest)
        return outer.finalize()
    }

    /// The 32-byte HMAC-SHA256 of `message` under `key`.
    public static func authenticationCode(for message: [UInt8], key: [UInt8]) -> [UInt8] {
        var hmac = HMACSHA256(key: key)
        hmac.update(message)
        return hmac.finalize()
    }

    /// The 32-byte HMAC-SHA256 of the UTF-8 encoding of `message` under `key`.
    public static func authenticationCode(for message: String, key: [UInt8]) -> [UInt8] {
        var hmac = HMACSHA256(key: key)
        hmac.update(message)
        return hmac.finalize()
    }

    /// The 32-byte HMAC-SHA256 of the UTF-8 encoding of `message` under the UTF-8 encoding
    /// of `key`.
    public static func authenticationCode(for message: String, key: String) -> [UInt8] {
        var hmac = HMACSHA256(key: key)
        hmac.update(message)
        return hmac.finalize()
    }
}
