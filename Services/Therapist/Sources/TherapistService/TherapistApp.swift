import Shared

/// Composition root of the therapist service.
public enum TherapistApp {
    /// The service's short name.
    public static let name = "therapist"
}
