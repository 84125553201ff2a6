#if canImport(FoundationEssentials)
internal import FoundationEssentials
#endif
internal import Foundation
public import Shared

/// The PDF forms of a therapist (therapist.md §2.8–§2.10); mirrors the three operations on
/// `/api/therapists/{id}/pdfs` in `openapi.yaml`, in the same order.
public struct PDFRoutes: Sendable {
    /// Largest accepted file (10 MiB), checked on the real content.
    public static let maxFileBytes = 10 * 1024 * 1024
    /// Body limit of the upload route: the file plus generous room for multipart framing;
    /// larger bodies get the server's 413 before they are buffered.
    public static let maxBodyBytes = 11 * 1024 * 1024

    let store: any TherapistStore
    let storage: PDFStorage
    let clock: @Sendable () -> LocalDateTime

    /// Routes over `store` (for the 404 and the name) and `storage`; `clock` gives local time
    /// for generated and de-duplicated names.
    public init(store: any TherapistStore, storage: PDFStorage, clock: @escaping @Sendable () -> LocalDateTime = { .now() }) {
        self.store = store
        self.storage = storage
        self.clock = clock
    }

    /// Registers list, upload and delete.
    public func register(on router: inout Router) {
        router.get("/api/therapists/{id}/pdfs", use: list)
        router.post("/api/therapists/{id}/pdfs", maxBodyBytes: Self.maxBodyBytes, use: upload)
        router.delete("/api/therapists/{id}/pdfs", use: delete)
    }

    @Sendable func list(_ request: Request, _ context: RequestContext) async throws -> Response {
        let therapist = try await therapist(context)
        let files = try await storage.run { [storage] in storage.list(therapist.id) }
        let pdfs: [JSONValue] = files.map { file in
            [
                "filename": .string(file.filename), "path": .string(file.path), "size": .number(String(file.size)),
                "size_mb": .number(Self.megabytes(file.size)), "modified": .number(String(file.modified)),
                "modified_datetime": .string(LocalDateTime(secondsSinceEpoch: file.modified).isoFormat),
            ]
        }
        let body: JSONValue = [
            "therapist_id": .number(String(therapist.id)), "therapist_name": .string(therapist.displayName),
            "pdf_count": .number(String(pdfs.count)), "pdfs": .array(pdfs),
        ]
        return .json(bytes: JSONWriter().bytes(body))
    }

    @Sendable func upload(_ request: Request, _ context: RequestContext) async throws -> Response {
        let id = try await therapist(context).id
        let form = try request.multipartFormData()
        guard let part = form.parts.first(where: { $0.name == "file" && $0.filename != nil }) else { throw PDFError.noFile }
        guard let uploaded = part.filename, !uploaded.isEmpty else { throw PDFError.noFileSelected }
        guard PDFFileName.hasPDFExtension(uploaded) else { throw PDFError.typeNotAllowed }
        guard part.body.count <= Self.maxFileBytes else { throw PDFError.tooLarge }
        let now = clock()
        let name = PDFFileName(uploaded: uploaded, therapist: id, now: now).value
        let content = part.body
        let stored = try await storage.run { [storage] () throws(PDFError) -> String in
            try storage.save(content, as: name, for: id, now: now)
        }
        context.logger.info("therapist PDF stored", ["therapist.id": String(id), "pdf.bytes": String(content.count)])
        var json = JSONBuilder()
        json.member("message", string: "File uploaded successfully as " + stored)
        json.member("therapist_id", int: id)
        json.member("filename", string: stored)
        return .json(bytes: json.finish(), status: .created)
    }

    @Sendable func delete(_ request: Request, _ context: RequestContext) async throws -> Response {
        let id = try await therapist(context).id
        var json = JSONBuilder()
        if let filename = request.query["filename"] {
            try await storage.run { [storage] () throws(PDFError) in try storage.delete(filename, for: id) }
            json.member("message", string: "File \(filename) deleted successfully")
            json.member("therapist_id", int: id)
        } else {
            let deleted = try await storage.run { [storage] () throws(PDFError) -> Int in try storage.deleteAll(for: id) }
            json.member("message", string: "All \(deleted) PDF files deleted successfully")
            json.member("therapist_id", int: id)
            json.member("files_deleted", int: deleted)
        }
        return .json(bytes: json.finish())
    }

    /// The therapist of the `{id}`, or the 404 `Therapist not found`.
    private func therapist(_ context: RequestContext) async throws -> Therapist {
        guard let therapist = try await store.find(try context.rowID()) else { throw TherapistError.notFound }
        return therapist
    }

    /// Python's `round(size / 2**20, 2)` as JSON: `%.2f` rounds the exact binary value half to
    /// even like Python's `round`, and `Double.description` is the shortest form like `repr`.
    static func megabytes(_ size: Int) -> String {
        String(Double(String(format: "%.2f", Double(size) / 1_048_576))!)
    }
}
