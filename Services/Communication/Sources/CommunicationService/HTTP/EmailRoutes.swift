internal import Shared

/// The email API (communication.md §2.1–§2.5); mirrors `paths:` in `openapi.yaml`.
struct EmailRoutes: Sendable {
    let workflows: EmailWorkflows

    func register(on router: inout Router) {
        router.get("/api/emails", use: list)
        router.post("/api/emails", use: create)
        router.get("/api/emails/{id}", use: show)
        router.put("/api/emails/{id}", use: update)
        router.delete("/api/emails/{id}", use: delete)
    }

    @Sendable func list(_ request: Request, _ context: RequestContext) async throws -> Response {
        let statusText = request.query["status"].flatMap { $0.isEmpty ? nil : $0 }
        let status = statusText.flatMap(Emailstatus.init(rawValue:))
        // An unknown status is not an error: the original's fixed empty page.
        if statusText != nil, status == nil { return .json(bytes: PageRequest.emptyPageJSON) }
        let query = EmailListQuery(therapistID: Self.idFilter(request.query["therapist_id"]),
                                   patientID: Self.idFilter(request.query["patient_id"]),
                                   recipientType: request.query["recipient_type"], status: status,
                                   page: request.query.get("page"), limit: request.query.get("limit"))
        let (records, total) = try await workflows.store.page(query)
        return .json(bytes: query.paging.json(data: EmailRecord.layout.array(records.map(\.values)), total: total))
    }

    /// A non-integer id filter is ignored; digits beyond `Int` match nothing (like any id
    /// beyond `integer`).
    static func idFilter(_ text: String?) -> Int? {
        guard let text, !text.isEmpty else { return nil }
        if let id = Int(text) { return id }
        return text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) ? -1 : nil
    }

    @Sendable func create(_ request: Request, _ context: RequestContext) async throws -> Response {
        .json(bytes: try await workflows.create(try request.jsonObject()).json, status: .created)
    }

    @Sendable func show(_ request: Request, _ context: RequestContext) async throws -> Response {
        guard let record = try await workflows.store.record(try context.rowID()) else { throw EmailError.notFound }
        return .json(bytes: record.json)
    }

    @Sendable func update(_ request: Request, _ context: RequestContext) async throws -> Response {
        let id = try context.rowID()
        return .json(bytes: try await workflows.update(id, try request.jsonObject()).json)
    }

    @Sendable func delete(_ request: Request, _ context: RequestContext) async throws -> Response {
        guard try await workflows.store.delete(try context.rowID()) else { throw EmailError.notFound }
        return .json(bytes: Array(#"{"message":"Email deleted successfully"}"#.utf8))
    }
}
