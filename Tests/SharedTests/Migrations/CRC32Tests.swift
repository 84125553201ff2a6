import Testing
import Shared

@Test("CRC-32 of \"123456789\" is the standard check value 0xCBF43926")
func crc32CheckValue() {
    #expect(CRC32.checksum("123456789") == 0xCBF4_3926)
    #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
}

@Test("CRC-32 matches zlib for the empty input and a pangram")
func crc32KnownValues() {
    #expect(CRC32.checksum("") == 0)
    #expect(CRC32.checksum("The quick brown fox jumps over the lazy dog") == 0x414F_A339)
}

@Test("the migration checksum is the CRC-32 of the LF-joined lines (zlib value)")
func migrationChecksumValue() {
    #expect(MigrationFile.checksum(of: "-- x\nCREATE SCHEMA IF NOT EXISTS a;\n") == 845_013_224)
}

@Test("CRLF and LF versions of a file have the same checksum; a real edit changes it")
func migrationChecksumIgnoresLineEndings() {
    let lf = "-- owner: x\nCREATE TABLE t (id int);\n\nSELECT 1;\n"
    let crlf = "-- owner: x\r\nCREATE TABLE t (id int);\r\n\r\nSELECT 1;\r\n"
    #expect(MigrationFile.checksum(of: lf) == MigrationFile.checksum(of: crlf))
    #expect(MigrationFile.checksum(of: lf) != MigrationFile.checksum(of: lf.replacingOccurrences("int", "bigint")))
}

@Test("the advisory lock key is the first 8 bytes of SHA-256(\"migrate:\" + schema)")
func lockKeyIsStable() {
    #expect(MigrationLockKey.forSchema("patient_service") == 8_479_508_567_352_584_004)
    #expect(MigrationLockKey.forSchema("patient_service") != MigrationLockKey.forSchema("therapist_service"))
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
