/// The three website folders of the storage processor (communication.md §7), in cycle order.
public enum ProcessorKind: String, Sendable, CaseIterable, Hashable {
    /// `verifications/`: the first step of the website registration (§7.1).
    case verification
    /// `contacts/`: the contact form, forwarded to support (§7.2).
    case contact
    /// `waitlist/`: the Virtual Coach waitlist sign-up (§7.3).
    case waitlist

    /// The object-name prefix listed every cycle.
    var folder: String {
        switch self {
        case .verification: "verifications/"
        case .contact: "contacts/"
        case .waitlist: "waitlist/"
        }
    }

    /// The capitalised name in `last_error` and folder errors (`Verification check failed: …`).
    var label: String {
        switch self {
        case .verification: "Verification"
        case .contact: "Contact"
        case .waitlist: "Waitlist"
        }
    }
}
