public import Shared

/// The payment → search start rule (patient.md §4.2).
public enum PaymentTransition {
    /// What an update's payment check decided.
    public enum Outcome: Sendable, Equatable {
        /// No payment arrived with this change (or it was already recorded).
        case none
        /// Payment recorded, but contracts are not signed: nothing else changes.
        case paymentRecorded
        /// The search started; `confirmationDue` is false for voucher bookings (no email).
        case searchStarted(confirmationDue: Bool)
    }

    /// On create: when contracts and payment are both true, `startdatum` is today and an `offen`
    /// patient starts searching. Fixed defect: the original left the status `offen` when the
    /// request did not name a status; the default status is `offen`, so it starts too.
    public static func applyOnCreate(_ patient: inout Patient, today: LocalDate) {
        guard patient.vertraegeUnterschrieben == true, patient.zahlungEingegangen else { return }
        startSearch(&patient, today: today)
    }

    /// On update: fires only when `zahlung_eingegangen` goes from false/null to true in this
    /// change. With signed contracts the search starts (`startdatum` keeps an earlier value,
    /// only `offen` moves to `auf_der_Suche`); regular bookings then get a confirmation email.
    public static func applyOnUpdate(before: Patient, after patient: inout Patient, today: LocalDate) -> Outcome {
        guard !before.zahlungEingegangen, patient.zahlungEingegangen else { return .none }
        guard patient.vertraegeUnterschrieben == true else { return .paymentRecorded }
        startSearch(&patient, today: today)
        return .searchStarted(confirmationDue: !patient.isVoucherBooking)
    }

    static func startSearch(_ patient: inout Patient, today: LocalDate) {
        if patient.startdatum == nil { patient.startdatum = today }
        if patient.status == .offen { patient.status = .aufDerSuche }
    }
}
