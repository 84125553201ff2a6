#if canImport(FoundationEssentials)
internal import FoundationEssentials
#endif
internal import Foundation

/// The name an uploaded PDF is stored under (therapist.md §4.1): ASCII only, no path
/// separators or dots at the ends, always ending in `.pdf`, and the well-known forms under
/// their canonical names. The result never contains `/`, `\`, NUL or `..` at its start, so it
/// always names a file directly inside the therapist's folder.
public struct PDFFileName: Sendable, Equatable {
    /// The sanitised name.
    public let value: String

    /// Keyword → canonical name, first match wins. `fragebogen_erwachsene` and
    /// `fragebogen_kinder` come after `fragebogen` in the original and so never apply.
    static let keywords: [(pattern: String, name: String)] = [
        ("anamnesebogen", "Anamnesebogen.pdf"),
        ("einverstaendniserklaerung", "Einverstaendniserklaerung.pdf"),
        ("einverstandniserklarung", "Einverstaendniserklaerung.pdf"),
        ("fragebogen", "Fragebogen.pdf"),
        ("datenschutz", "Datenschutzerklaerung.pdf"),
        ("schweigepflicht", "Schweigepflichtentbindung.pdf"),
    ]

    /// Sanitises `uploaded` for therapist `id`; `now` names files whose name sanitises to nothing.
    public init(uploaded: String, therapist id: TherapistID, now: LocalDateTime) {
        // 1. NFKD, then drop everything that is not ASCII (ü → u, ß → nothing).
        let ascii = uploaded.decomposedStringWithCompatibilityMapping.unicodeScalars.filter(\.isASCII).map { UInt8($0.value) }
        // 2. `/` → space; every whitespace run (Python's `\s`) → `_`.
        var joined: [UInt8] = []
        var inSpace = false
        for byte in ascii {
            if byte == UInt8(ascii: "/") || Self.isSpace(byte) {
                if !inSpace { joined.append(UInt8(ascii: "_")) }
                inSpace = true
            } else {
                joined.append(byte)
                inSpace = false
            }
        }
        // 3. Keep `A–Z a–z 0–9 _ . -`; strip `.` and `_` at both ends.
        let kept = joined.filter(Self.isKept)
        let trimmed = kept.drop { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") }
        var name = String(decoding: trimmed.reversed().drop { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") }.reversed(),
                          as: UTF8.self)
        // 4. Nothing left → a generated name.
        if name.isEmpty || name == "pdf" { name = "dokument_\(id)_\(now.compact).pdf" }
        // 5. Force the extension.
        if !name.lowercased().hasSuffix(".pdf") {
            if let dot = name.lastIndex(of: ".") { name = name[..<dot] + ".pdf" } else { name += ".pdf" }
        }
        // 6. Well-known forms.
        let stem = name.dropLast(4).lowercased()
        value = Self.keywords.first { stem.contains($0.pattern) }?.name ?? name
    }

    /// Whether the part after the last dot is `pdf` in any letter case (therapist.md §2.9 step 3).
    public static func hasPDFExtension(_ filename: String) -> Bool {
        guard let dot = filename.lastIndex(of: ".") else { return false }
        return filename[filename.index(after: dot)...].lowercased() == "pdf"
    }

    /// Python's `\s` on ASCII: space, `\t \n \v \f \r` and the separators 0x1C–0x1F.
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) || (0x1C...0x1F).contains(byte) }

    private static func isKept(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }
}
