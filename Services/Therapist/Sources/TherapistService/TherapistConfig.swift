internal import Shared

/// The therapist service's own settings (therapist.md §7, operations.md §7).
struct TherapistConfig: Sendable {
    let peers: PeerServices
    /// `THERAPIST_PDF_STORAGE_PATH`: base folder of the PDF forms (shared with the communication service).
    let pdfStoragePath: String

    init(_ config: inout ConfigReader) {
        peers = PeerServices(["matching", "communication"], config: &config)
        pdfStoragePath = config.string(PDFStorage.configKey, default: PDFStorage.defaultBase)
    }
}
