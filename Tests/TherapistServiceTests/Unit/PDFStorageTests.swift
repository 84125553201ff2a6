import Foundation
import Testing
@testable import TherapistService

/// `PDFStorage` on a fresh temporary folder per test.
@Suite("PDF storage")
struct PDFStorageTests {
    private let root = FileManager.default.temporaryDirectory.appendingPathComponent("pdf-\(UUID().uuidString)").path
    private var storage: PDFStorage { PDFStorage(base: root + "/base/") }
    private let now = LocalDateTime(year: 2026, month: 11, day: 23, hour: 10, minute: 11, second: 12)
    private let pdf = ArraySlice(Array("%PDF-1.7\n\u{0}\r\nbinary".utf8))

    private func cleanUp() { try? FileManager.default.removeItem(atPath: root) }
    private func names(_ id: TherapistID) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: storage.folder(id))) ?? []).sorted()
    }

    @Test("the base is absolute without a trailing slash; a relative base is resolved now")
    func base() {
        #expect(storage.base == root + "/base")
        #expect(storage.folder(5) == root + "/base/5")
        #expect(PDFStorage(base: "rel/x").base == FileManager.default.currentDirectoryPath + "/rel/x")
    }

    @Test("save creates base and folder, writes the exact bytes, and leaves no temporary file")
    func save() throws {
        defer { cleanUp() }
        #expect(try storage.save(pdf, as: "a.pdf", for: 5, now: now) == "a.pdf")
        #expect(names(5) == ["a.pdf"])
        #expect(FileManager.default.contents(atPath: storage.folder(5) + "/a.pdf") == Data(pdf))
    }

    @Test("an existing name gets the timestamp, then a counter; nothing is replaced")
    func conflicts() throws {
        defer { cleanUp() }
        #expect(try storage.save(pdf, as: "a.pdf", for: 5, now: now) == "a.pdf")
        #expect(try storage.save(pdf + [1], as: "a.pdf", for: 5, now: now) == "a_20261123_101112.pdf")
        #expect(try storage.save(pdf + [2], as: "a.pdf", for: 5, now: now) == "a_20261123_101112_2.pdf")
        #expect(names(5) == ["a.pdf", "a_20261123_101112.pdf", "a_20261123_101112_2.pdf"])
        #expect(FileManager.default.contents(atPath: storage.folder(5) + "/a.pdf") == Data(pdf))
        #expect(PDFStorage.candidates("x.PDF", timestamp: "T").prefix(3) == ["x.PDF", "x_T.PDF", "x_T_2.PDF"])
    }

    @Test("content without %PDF is refused before anything is written")
    func invalidMagic() {
        defer { cleanUp() }
        #expect(throws: PDFError.invalidPDF) { try storage.save(ArraySlice(Array("%PD".utf8)), as: "a.pdf", for: 5, now: now) }
        #expect(throws: PDFError.invalidPDF) { try storage.save(ArraySlice(Array("GIF89a".utf8)), as: "a.pdf", for: 5, now: now) }
        #expect(!FileManager.default.fileExists(atPath: storage.folder(5)))
    }

    @Test("an unwritable base is an upload failure with the system's reason")
    func uploadFailure() throws {
        defer { cleanUp() }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: root + "/base", contents: Data("not a folder".utf8))
        #expect(throws: PDFError.uploadFailed("Not a directory")) { try storage.save(pdf, as: "a.pdf", for: 5, now: now) }
    }

    @Test("list: regular .pdf files in any case, sorted, with path, size and mtime; links and folders skipped")
    func list() throws {
        defer { cleanUp() }
        #expect(storage.list(9).isEmpty)
        _ = try storage.save(pdf, as: "b.PDF", for: 9, now: now)
        _ = try storage.save(pdf + [0], as: "a.pdf", for: 9, now: now)
        let folder = storage.folder(9)
        _ = FileManager.default.createFile(atPath: folder + "/notes.txt", contents: Data("x".utf8))
        try FileManager.default.createDirectory(atPath: folder + "/dir.pdf", withIntermediateDirectories: false)
        _ = FileManager.default.createFile(atPath: root + "/outside.pdf", contents: Data(pdf))
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.pdf", withDestinationPath: root + "/outside.pdf")
        let files = storage.list(9)
        #expect(files.map(\.filename) == ["a.pdf", "b.PDF"])
        #expect(files.map(\.path) == [folder + "/a.pdf", folder + "/b.PDF"])
        #expect(files.map(\.size) == [pdf.count + 1, pdf.count])
        let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/a.pdf")
        let mtime = try #require(attributes[.modificationDate] as? Date).timeIntervalSince1970
        #expect(abs(files[0].modified - mtime) < 0.001)
    }

    @Test("delete one: only a regular file directly inside; the empty folder goes too")
    func deleteOne() throws {
        defer { cleanUp() }
        _ = try storage.save(pdf, as: "a.pdf", for: 4, now: now)
        _ = try storage.save(pdf, as: "b.pdf", for: 4, now: now)
        _ = FileManager.default.createFile(atPath: root + "/base/secret.pdf", contents: Data(pdf))
        try FileManager.default.createSymbolicLink(atPath: storage.folder(4) + "/link.pdf", withDestinationPath: root + "/base/secret.pdf")
        for bad in ["../secret.pdf", "..", "x/../a.pdf", "/etc/passwd", "..\\a.pdf", "a\u{0}.pdf", "", ".", "missing.pdf", "link.pdf"] {
            #expect(throws: PDFError.deleteFailed(filename: bad)) { try storage.delete(bad, for: 4) }
        }
        #expect(FileManager.default.fileExists(atPath: root + "/base/secret.pdf"))
        #expect(throws: PDFError.deleteFailed(filename: "a.pdf")) { try storage.delete("a.pdf", for: 99) }
        try storage.delete("a.pdf", for: 4)
        #expect(names(4) == ["b.pdf", "link.pdf"])
        try FileManager.default.removeItem(atPath: storage.folder(4) + "/link.pdf")
        try storage.delete("b.pdf", for: 4)
        #expect(!FileManager.default.fileExists(atPath: storage.folder(4)))
        #expect(FileManager.default.fileExists(atPath: root + "/base/secret.pdf"))
    }

    @Test("delete all: every listed file, other files stay with their folder; no folder is 0")
    func deleteAll() throws {
        defer { cleanUp() }
        #expect(try storage.deleteAll(for: 8) == 0)
        _ = try storage.save(pdf, as: "a.pdf", for: 8, now: now)
        _ = try storage.save(pdf, as: "B.PDF", for: 8, now: now)
        _ = FileManager.default.createFile(atPath: storage.folder(8) + "/keep.txt", contents: Data())
        #expect(try storage.deleteAll(for: 8) == 2)
        #expect(names(8) == ["keep.txt"])
        try FileManager.default.removeItem(atPath: storage.folder(8) + "/keep.txt")
        _ = try storage.save(pdf, as: "c.pdf", for: 8, now: now)
        #expect(try storage.deleteAll(for: 8) == 1)
        #expect(!FileManager.default.fileExists(atPath: storage.folder(8)))
    }

    @Test("size_mb is Python's round(size / 2**20, 2) written like repr")
    func megabytes() {
        #expect(PDFRoutes.megabytes(0) == "0.0")
        #expect(PDFRoutes.megabytes(1) == "0.0")
        #expect(PDFRoutes.megabytes(1_048_576) == "1.0")
        #expect(PDFRoutes.megabytes(5_242) == "0.0")
        #expect(PDFRoutes.megabytes(5_243) == "0.01")
        #expect(PDFRoutes.megabytes(1_572_864) == "1.5")
        #expect(PDFRoutes.megabytes(10 * 1_048_576) == "10.0")
        #expect(PDFRoutes.megabytes(1_234_567) == "1.18")
    }
}
