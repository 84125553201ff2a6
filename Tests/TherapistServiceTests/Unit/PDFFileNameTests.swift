import Testing
@testable import TherapistService

/// therapist.md §4.1, one rule at a time, plus the spec's two fixtures.
@Suite("PDF file names")
struct PDFFileNameTests {
    private let now = LocalDateTime(year: 2026, month: 11, day: 23, hour: 9, minute: 5, second: 7, microsecond: 42)

    private func name(_ uploaded: String, id: TherapistID = 7) -> String {
        PDFFileName(uploaded: uploaded, therapist: id, now: now).value
    }

    @Test("the spec's examples")
    func specExamples() {
        #expect(name("Einwilligung und Datenschutz Praxis Ellendt-Moonen 2025-1-1.pdf") == "Datenschutzerklaerung.pdf")
        #expect(name("Therapieanfrage Praxis Müller-Eßer.pdf") == "Therapieanfrage_Praxis_Muller-Eer.pdf")
    }

    @Test("1: NFKD folds accents and compatibility forms, other non-ASCII is dropped")
    func asciiFolding() {
        #expect(name("Ärztin Çelik Ø.pdf") == "Arztin_Celik_.pdf")
        #expect(name("ﬁle² ½.pdf") == "file2_12.pdf")
        #expect(name("日本語 report.pdf") == "report.pdf")
        #expect(name("a\u{00A0}b\u{2009}c.pdf") == "a_b_c.pdf")
    }

    @Test("2: slash becomes a space, whitespace runs one underscore (Python's \\s)")
    func separators() {
        #expect(name("a/b.pdf") == "a_b.pdf")
        #expect(name("a / \t\n b.pdf") == "a_b.pdf")
        #expect(name("a\u{1C}\u{1F}\u{0B}\u{0C}\rb.pdf") == "a_b.pdf")
        #expect(name("../../etc/passwd.pdf") == "etc_passwd.pdf")
        #expect(name("/etc/passwd.pdf") == "etc_passwd.pdf")
    }

    @Test("3: only A–Z a–z 0–9 _ . - stay; dots and underscores are stripped at the ends")
    func allowedCharacters() {
        #expect(name("a+b(c)!@#$%&'\"\\;:,.pdf") == "abc.pdf")
        #expect(name("..\\x.pdf") == "x.pdf")
        #expect(name("C:\\Users\\x\\Brief.pdf") == "CUsersxBrief.pdf")
        #expect(name("._.hidden_.pdf") == "hidden_.pdf")
        #expect(name("a\u{0}b\u{7F}.pdf") == "ab.pdf")
        #expect(name("name.pdf..") == "name.pdf")
    }

    @Test("4: nothing left, or exactly pdf, gives dokument_<id>_<timestamp>.pdf")
    func generatedNames() {
        #expect(name("", id: 12) == "dokument_12_20261123_090507.pdf")
        #expect(name("ßßß", id: 12) == "dokument_12_20261123_090507.pdf")
        #expect(name(".pdf", id: 3) == "dokument_3_20261123_090507.pdf")
        #expect(name("__pdf__", id: 3) == "dokument_3_20261123_090507.pdf")
        #expect(name("PDF") == "PDF.pdf")
    }

    @Test("5: the last extension is replaced by .pdf, or .pdf appended; .PDF is kept")
    func extensions() {
        #expect(name("scan.PDF") == "scan.PDF")
        #expect(name("scan.docx") == "scan.pdf")
        #expect(name("archive.tar.gz") == "archive.tar.pdf")
        #expect(name("noextension") == "noextension.pdf")
        #expect(name("scan.pdf.exe") == "scan.pdf.pdf")
    }

    @Test("6: keywords in the lowercased stem pick the canonical name, first pattern wins")
    func keywords() {
        #expect(name("ANAMNESEBOGEN-2024.pdf") == "Anamnesebogen.pdf")
        #expect(name("Einverstaendniserklaerung Eltern.pdf") == "Einverstaendniserklaerung.pdf")
        #expect(name("Einverständniserklärung.pdf") == "Einverstaendniserklaerung.pdf")
        #expect(name("Fragebogen_Erwachsene.pdf") == "Fragebogen.pdf")
        #expect(name("fragebogen_kinder.docx") == "Fragebogen.pdf")
        #expect(name("Datenschutz und Schweigepflicht.pdf") == "Datenschutzerklaerung.pdf")
        #expect(name("Schweigepflichtsentbindung.pdf") == "Schweigepflichtentbindung.pdf")
        #expect(name("Anamnesebogen und Fragebogen.pdf") == "Anamnesebogen.pdf")
        #expect(name("datenschutz") == "Datenschutzerklaerung.pdf")
        #expect(name("Fragebo gen.pdf") == "Fragebo_gen.pdf")
    }

    @Test("the upload's extension check looks after the last dot, any case")
    func extensionCheck() {
        #expect(PDFFileName.hasPDFExtension("a.pdf"))
        #expect(PDFFileName.hasPDFExtension("a.b.PdF"))
        #expect(PDFFileName.hasPDFExtension(".pdf"))
        #expect(!PDFFileName.hasPDFExtension("pdf"))
        #expect(!PDFFileName.hasPDFExtension("a.pdf.exe"))
        #expect(!PDFFileName.hasPDFExtension("a.pdf "))
        #expect(!PDFFileName.hasPDFExtension(""))
    }

    @Test("local time renders like strftime and isoformat")
    func localTime() {
        #expect(now.compact == "20261123_090507")
        #expect(now.isoFormat == "2026-11-23T09:05:07.000042")
        #expect(LocalDateTime(year: 2025, month: 1, day: 2, hour: 3, minute: 4, second: 5).isoFormat == "2025-01-02T03:04:05")
        // Microseconds round half to even like datetime.fromtimestamp, carrying into the second.
        let carried = LocalDateTime(secondsSinceEpoch: 1_700_000_009.9999996)
        #expect(carried.second == 30 && carried.microsecond == 0)
        #expect(LocalDateTime(secondsSinceEpoch: 1_700_000_000.25).microsecond == 250_000)
    }
}
