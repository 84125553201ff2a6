/// What can go wrong with a therapist's PDF forms (therapist.md §2.9, §2.10). Mapped to the
/// spec's 400 messages in `PDFError+Problem.swift`; texts carry file names and system error
/// reasons, never file contents.
public enum PDFError: Error, Sendable, Equatable {
    /// The multipart body has no file part named `file`.
    case noFile
    /// The `file` part has an empty file name.
    case noFileSelected
    /// The file name does not end in `.pdf`.
    case typeNotAllowed
    /// The file is larger than 10 MiB.
    case tooLarge
    /// The content does not start with `%PDF`.
    case invalidPDF
    /// Storing failed (folder creation, write, rename); the system's reason.
    case uploadFailed(String)
    /// The named file could not be deleted (unsafe name, missing, not a regular file, I/O).
    case deleteFailed(filename: String)
    /// Deleting all files failed.
    case deleteAllFailed
}
