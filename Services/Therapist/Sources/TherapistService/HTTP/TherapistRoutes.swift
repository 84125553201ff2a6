internal import Shared

/// The therapist API (therapist.md §2.1–§2.6); mirrors `paths:` in `openapi.yaml`, in the same order.
struct TherapistRoutes: Sendable {
    let workflows: TherapistWorkflows
    let reads: any TherapistReadModel

    func register(on router: inout Router) {
        router.get("/api/therapists", use: list)
        router.post("/api/therapists", use: create)
        router.get("/api/therapists/{id}", use: show)
        router.put("/api/therapists/{id}", use: update)
        router.delete("/api/therapists/{id}", use: delete)
        router.get("/api/therapists/{id}/communication", use: communicationHistory)
    }

    @Sendable func list(_ request: Request, _ context: RequestContext) async throws -> Response {
        let statusText = request.query["status"].flatMap { $0.isEmpty ? nil : $0 }  // `status=`: no filter
        let status = statusText.flatMap(Therapeutstatus.init(rawValue:))
        // An unknown status is not an error: the original's fixed empty page.
        if statusText != nil, status == nil { return .json(bytes: PageRequest.emptyPageJSON) }
        let ids: [Int]?
        do { ids = try request.query.idList() } catch { throw TherapistError.invalid(error.message) }
        let query = TherapistListQuery(status: status, potenziellVerfuegbar: try Self.flag(request.query["potenziell_verfuegbar"]),
                                       plzPrefix: request.query["plz_prefix"], search: request.query["search"], ids: ids,
                                       page: request.query.get("page"), limit: request.query.get("limit"))
        let (records, total) = try await reads.page(query)
        return .json(bytes: query.paging.json(data: TherapistRecord.layout.array(records.map(\.values)), total: total))
    }

    /// `true`/`false`, case-insensitive and trimmed; anything else is a 400.
    static func flag(_ text: String?) throws(TherapistError) -> Bool? {
        guard let text else { return nil }
        switch text.trimmingWhitespace().lowercased() {
        case "true": return true
        case "false": return false
        default: throw .invalid("Invalid boolean value '\(text)'. Use 'true' or 'false'.")
        }
    }

    @Sendable func create(_ request: Request, _ context: RequestContext) async throws -> Response {
        let therapist = try await workflows.create(try request.jsonObject())
        return .json(bytes: TherapistRecord(therapist).json, status: .created)
    }

    @Sendable func show(_ request: Request, _ context: RequestContext) async throws -> Response {
        guard let record = try await reads.record(try context.rowID()) else { throw TherapistError.notFound }
        return .json(bytes: record.json)
    }

    @Sendable func update(_ request: Request, _ context: RequestContext) async throws -> Response {
        let id = try context.rowID()
        return .json(bytes: TherapistRecord(try await workflows.update(id, try request.jsonObject())).json)
    }

    @Sendable func delete(_ request: Request, _ context: RequestContext) async throws -> Response {
        try await workflows.delete(try context.rowID())
        return .json(bytes: Array(#"{"message":"Therapist deleted successfully"}"#.utf8))
    }

    @Sendable func communicationHistory(_ request: Request, _ context: RequestContext) async throws -> Response {
        let history = try await workflows.history(try context.rowID())
        let body: JSONValue = [
            "therapist_id": .number(String(history.therapistID)), "therapist_name": .string(history.therapistName),
            "last_contact": history.lastContact.map { .string($0.description) } ?? .null,
            "total_emails": .number(String(history.totalEmails)), "total_calls": .number(String(history.totalCalls)),
            "communications": .array(history.communications),
        ]
        return .json(bytes: JSONWriter().bytes(body))
    }
}
