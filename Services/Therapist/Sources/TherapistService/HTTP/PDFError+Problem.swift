public import Shared

extension PDFError: ProblemConvertible {
    /// The spec's 400 message for each error (therapist.md §2.9, §2.10).
    public var problem: Problem {
        switch self {
        case .noFile: Problem(.badRequest, "No file provided in request", code: "therapist.pdf_no_file")
        case .noFileSelected: Problem(.badRequest, "No file selected", code: "therapist.pdf_no_file_selected")
        case .typeNotAllowed:
            Problem(.badRequest, "File type not allowed. Only PDF files are accepted.", code: "therapist.pdf_type_not_allowed")
        case .tooLarge: Problem(.badRequest, "File too large. Maximum size is 10.0MB", code: "therapist.pdf_too_large")
        case .invalidPDF: Problem(.badRequest, "Invalid PDF file", code: "therapist.pdf_invalid")
        case .uploadFailed(let reason): Problem(.badRequest, "Upload failed: " + reason, code: "therapist.pdf_upload_failed")
        case .deleteFailed(let filename):
            Problem(.badRequest, "Failed to delete file " + filename, code: "therapist.pdf_delete_failed")
        case .deleteAllFailed: Problem(.badRequest, "Failed to delete PDF files", code: "therapist.pdf_delete_failed")
        }
    }
}
