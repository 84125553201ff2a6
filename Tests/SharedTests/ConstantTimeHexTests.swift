import Testing
import Shared

@Test("ConstantTime.equals is true for identical bytes, including empty")
func constantTimeEqual() {
    #expect(ConstantTime.equals([], []))
    #expect(ConstantTime.equals([0x00, 0x7f, 0xff], [0x00, 0x7f, 0xff]))
    let bytes: [UInt8] = (0..<32).map { UInt8($0 * 8) }
    #expect(ConstantTime.equals(bytes, bytes.map { $0 }))
}

@Test("ConstantTime.equals is false when any single byte differs", arguments: [0, 15, 31])
func constantTimeDifferentByte(position: Int) {
    let digest: [UInt8] = (0..<32).map { UInt8($0 * 8) }
    for flip: UInt8 in [0x01, 0x80, 0xff] {
        var other = digest
        other[position] ^= flip
        #expect(!ConstantTime.equals(digest, other))
    }
}

@Test("ConstantTime.equals is false for different lengths")
func constantTimeDifferentLengths() {
    #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
    #expect(!ConstantTime.equals([], [0]))
}

@Test("Hex.encode writes lowercase pairs")
func hexEncode() {
    #expect(Hex.encode([]) == "")
    #expect(Hex.encode([0x00, 0x01, 0x7f, 0x80, 0xab, 0xff]) == "00017f80abff")
    #expect(Hex.encode(AnySequence([0xde, 0xad, 0xbe, 0xef] as [UInt8])) == "deadbeef")
}

@Test("Hex.decode round-trips every byte value and accepts uppercase")
func hexRoundTrip() {
    let all: [UInt8] = Array(0...255)
    #expect(Hex.decode(Hex.encode(all)) == all)
    #expect(Hex.decode("DEADbeef") == [0xde, 0xad, 0xbe, 0xef])
    #expect(Hex.decode("") == [])
}

@Test("Hex.decode rejects odd length and non-hex characters",
      arguments: ["0", "abc", "zz", "0g", "g0", "0x00", " 00", "00 ", "-1", "é0", "0é"])
func hexRejects(input: String) {
    #expect(Hex.decode(input) == nil)
}
