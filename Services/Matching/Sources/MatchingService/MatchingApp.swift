import Shared

/// Composition root of the matching service.
public enum MatchingApp {
    /// The service's short name.
    public static let name = "matching"
}
