import Shared

/// Composition root of the communication service.
public enum CommunicationApp {
    /// The service's short name.
    public static let name = "communication"
}
