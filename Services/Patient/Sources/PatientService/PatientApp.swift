import Shared

/// Composition root of the patient service.
public enum PatientApp {
    /// The service's short name.
    public static let name = "patient"
}
