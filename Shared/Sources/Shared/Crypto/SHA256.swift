/// SHA-256 (FIPS 180-4), usable one-shot or as a streaming hasher.
///
/// Pure Swift, no allocation per block: input is compressed straight from the caller's bytes
/// when whole 64-byte blocks are available, and only a trailing partial block is copied into
/// inline storage. Messages are limited to 2^64 − 1 bits, as in the standard.
public struct SHA256: Sendable {
    /// Size of a digest in bytes.
    public static let digestByteCount = 32

    /// Size of an input block in bytes (also the HMAC block size).
    public static let blockByteCount = 64

    typealias Words = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    static let initialState: Words = (
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a,
        0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
    )

    private var state: Words = SHA256.initialState
    /// Pending bytes of an incomplete block (64 bytes of inline storage).
    private var pending: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
        (0, 0, 0, 0, 0, 0, 0, 0)
    private var pendingCount = 0
    private var totalByteCount: UInt64 = 0

    /// A hasher in the empty-message state.
    public init() {}

    /// Appends `bytes` to the message; contiguous inputs take the pointer fast path, other
    /// sequences are copied through a small stack buffer.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let handled: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            update(UnsafeRawBufferPointer(buffer))
        }
        guard handled == nil else { return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { chunk in
            var count = 0
            for byte in bytes {
                chunk[count] = byte
                count += 1
                if count == chunk.count {
                    update(UnsafeRawBufferPointer(chunk))
                    count = 0
                }
            }
            update(UnsafeRawBufferPointer(start: chunk.baseAddress, count: count))
        }
    }

    /// Appends the bytes of `bytes` to the message (fast path, no copying of whole blocks).
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Appends the UTF-8 encoding of `string` to the message.
    public mutating func update(_ string: String) {
        var string = string
        string.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    /// Appends the bytes in `buffer` to the message; the buffer is only read during the call.
    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        guard var input = buffer.baseAddress, !buffer.isEmpty else { return }
        var remaining = buffer.count
        totalByteCount &+= UInt64(remaining)

        if pendingCount > 0 {
            let start = pendingCount
            let take = min(remaining, SHA256.blockByteCount - start)
            withUnsafeMutableBytes(of: &pending) { block in
                block.baseAddress!.advanced(by: start).copyMemory(from: input, byteCount: take)
            }
            pendingCount += take
            input += take
            remaining -= take
            guard pendingCount == SHA256.blockByteCount else { return }
            withUnsafeBytes(of: pending) { SHA256.compress(&state, blocks: $0) }
            pendingCount = 0
        }

        let whole = remaining - remaining % SHA256.blockByteCount
        if whole > 0 {
            SHA256.compress(&state, blocks: UnsafeRawBufferPointer(start: input, count: whole))
            input += whole
            remaining -= whole
        }
        if remaining > 0 {
            withUnsafeMutableBytes(of: &pending) { block in
                block.baseAddress!.copyMemory(from: input, byteCount: remaining)
            }
            pendingCount = remaining
        }
    }

    /// Pads the message, returns its 32-byte digest, and resets the hasher to the empty state
    /// so it can be reused for a new message.
    public mutating func finalize() -> [UInt8] {
        let bitLength = totalByteCount &* 8
        // 0x80, zeros up to 56 mod 64, then the 64-bit big-endian bit length.
        let padLength = (pendingCount < 56 ? 56 : 120) - pendingCount
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 72) { pad in
            pad.initialize(repeating: 0)
            pad[0] = 0x80
            for index in 0..<8 {
                pad[padLength + index] = UInt8(truncatingIfNeeded: bitLength >> (56 - 8 * index))
            }
            update(UnsafeRawBufferPointer(start: pad.baseAddress, count: padLength + 8))
        }
        precondition(pendingCount == 0, "SHA256 padding must end on a block boundary")
        var digest: [UInt8] = []
        digest.reserveCapacity(SHA256.digestByteCount)
        let (h0, h1, h2, h3, h4, h5, h6, h7) = state
        for word in [h0, h1, h2, h3, h4, h5, h6, h7] {
            for shift in stride(from: 24, through: 0, by: -8) {
                digest.append(UInt8(truncatingIfNeeded: word >> shift))
            }
        }
        self = SHA256()
        return digest
    }

    /// The 32-byte digest of `bytes`.
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The 32-byte digest of the UTF-8 encoding of `string`.
    public static func hash(_ string: String) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(string)
        return hasher.finalize()
    }
}
