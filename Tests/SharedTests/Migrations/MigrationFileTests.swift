import Testing
import Shared

@Test("a valid name yields version, description and the transaction mode")
func parsesValidName() throws {
    let file = try MigrationFile(fileName: "V0012__create_outbox.sql", sql: "CREATE TABLE x (id int);")
    #expect(file.version == 12)
    #expect(file.description == "create_outbox")
    #expect(file.inTransaction)
}

@Test("the -- migrate:no-transaction marker line opts out of the transaction")
func detectsNoTransactionMarker() throws {
    let sql = "-- owner: x\r\n  -- migrate:no-transaction\r\nCREATE INDEX CONCURRENTLY i ON t (c);\r\n"
    #expect(try !MigrationFile(fileName: "V0003__index.sql", sql: sql).inTransaction)
    let remark = "-- migrate:no-transaction   ← CONCURRENTLY cannot run in a transaction\nSELECT 1;"
    #expect(try !MigrationFile(fileName: "V0003__index.sql", sql: remark).inTransaction)
    let lookalike = "-- migrate:no-transactions\nSELECT 1;"
    #expect(try MigrationFile(fileName: "V0003__index.sql", sql: lookalike).inTransaction)
    let mentioned = "-- see -- migrate:no-transaction in the guide\nSELECT 1;"
    #expect(try MigrationFile(fileName: "V0003__index.sql", sql: mentioned).inTransaction)
}

@Test("names outside V<digits>__<snake_description>.sql are rejected, naming the file", arguments: [
    "V1_create.sql", "v0001__create.sql", "V__create.sql", "V0001__Create.sql", "V0001__create.SQL",
    "V0001__create.sql.bak", "U0001__create.sql", "V0001__.sql", "V0001__create-table.sql",
    "V0000__zero.sql", "V0001__trailing_.sql", "V0001__double__underscore.sql", "README.md",
])
func rejectsBadName(name: String) {
    #expect(throws: MigrationError.invalidFileName(name)) {
        try MigrationFile(fileName: name, sql: "SELECT 1;")
    }
    let message = MigrationError.invalidFileName(name).description
    #expect(message.contains("'\(name)'"))
}

@Test("collect sorts by version and rejects a bad name among good ones")
func collectSortsAndRejects() throws {
    let files = try MigrationDirectory.collect([
        ("V0010__later.sql", "SELECT 10;"), ("V0002__second.sql", "SELECT 2;"), ("V0001__first.sql", "SELECT 1;"),
    ])
    #expect(files.map(\.version) == [1, 2, 10])
    #expect(throws: MigrationError.invalidFileName("notes.txt")) {
        try MigrationDirectory.collect([("V0001__first.sql", "SELECT 1;"), ("notes.txt", "")])
    }
}

@Test("two files with the same version are an error naming both")
func duplicateVersionsRejected() {
    #expect(throws: MigrationError.duplicateVersion(2, files: ["V0002__second.sql", "V002__other.sql"])) {
        try MigrationDirectory.collect([
            ("V0001__first.sql", "SELECT 1;"), ("V0002__second.sql", "SELECT 2;"), ("V002__other.sql", "SELECT 2;"),
        ])
    }
}

@Test("labels are zero-padded to four digits")
func labels() {
    #expect(MigrationFile.label(3) == "V0003")
    #expect(MigrationFile.label(12345) == "V12345")
}
