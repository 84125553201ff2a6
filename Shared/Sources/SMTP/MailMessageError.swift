/// Why a `MailMessage` was rejected. Descriptions name the field, never its value.
public enum MailMessageError: Error, Equatable, CustomStringConvertible {
    /// A field of the message.
    public enum Field: String, Sendable {
        case sender, recipient, senderName = "sender name", subject, filename
    }

    /// An address is not a plain ASCII `local@domain` without spaces, brackets or control characters.
    case invalidAddress(Field)
    /// A header value contains CR, LF or another control character (header injection).
    case controlCharacter(Field)
    /// The recipient list is empty.
    case noRecipients

    /// A safe summary (no addresses, no subjects).
    public var description: String {
        switch self {
        case .invalidAddress(let field): "invalid \(field.rawValue) address"
        case .controlCharacter(let field): "control character in \(field.rawValue)"
        case .noRecipients: "no recipients"
        }
    }
}

/// Address and header-text checks shared by `MailMessage`.
enum MailAddress {
    /// Accepts `local@domain`: printable ASCII, no spaces, no `<>()[],;:"\`, exactly one `@`,
    /// non-empty parts, domain with at least one character per label.
    static func validate(_ address: String, field: MailMessageError.Field) throws(MailMessageError) {
        let forbidden = Set("<>()[],;:\"\\ ".utf8)
        let bytes = Array(address.utf8)
        guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { throw .controlCharacter(field) }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard bytes.count <= 254, parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
              bytes.allSatisfy({ $0 < 0x7F && !forbidden.contains($0) }),
              !parts[1].split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty)
        else { throw .invalidAddress(field) }
    }

    /// Rejects C0 controls (CR and LF included; TAB too, to keep folding ours) and DEL.
    static func validateHeaderText(_ text: String, field: MailMessageError.Field) throws(MailMessageError) {
        guard !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) })
        else { throw .controlCharacter(field) }
    }
}
