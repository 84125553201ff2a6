/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as used by zip, PNG and Flyway's
/// migration checksums; table-driven, one byte per step.
public enum CRC32 {
    /// The 256-entry lookup table, computed once.
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = value & 1 == 1 ? (value >> 1) ^ 0xEDB8_8320 : value >> 1
        }
        return value
    }

    /// The CRC-32 of `bytes` (the check value for "123456789" is 0xCBF43926).
    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }

    /// The CRC-32 of the UTF-8 encoding of `text`.
    public static func checksum(_ text: String) -> UInt32 {
        checksum(text.utf8)
    }
}
