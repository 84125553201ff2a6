import Foundation

/// Paths inside this checkout, found from this file's location (tests run from anywhere).
public enum Repository {
    /// The checkout's root folder.
    public static let root: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// `relative` (e.g. `templates/emails`) below the root.
    public static func path(_ relative: String) -> String { root + "/" + relative }
}
