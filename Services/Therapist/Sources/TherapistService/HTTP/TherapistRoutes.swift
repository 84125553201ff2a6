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

    /// An unknown status is not an error: the fixed empty page of the original.
    static let emptyPage = Array(#"{"data":[],"page":1,"limit":20,"total":0}"#.utf8)

    @Sendable func list(_ request: Request, _ context: RequestContext) async throws -> Response {
        let statusText = request.query["status"].flatMap { $0.isEmpty ? nil : $0 }  // `status=`: no filter
        let status = statusText.flatMap(Therapeutstatus.init(rawValue:))
        if statusText != nil, status == nil { return .json(bytes: Self.emptyPage) }
        let query = TherapistListQuery(status: status, potenziellVerfuegbar: try Self.flag(request.query["potenziell_verfuegbar"]),
                                       plzPrefix: request.query["plz_prefix"], search: request.query["search"],
                                       page: request.query.get("page"), limit: request.query.get("limit"))
        let (records, total) = try await reads.page(query)
        var body: [UInt8] = Array(#"{"data":"#.utf8)
        body += TherapistRecord.layout.array(records.map(\.values))
        body += #","page":\#(query.page),"limit":\#(query.limit),"total":\#(total)}"#.utf8
        return .json(bytes: body)
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
        guard let record = try await reads.record(try TherapistPath.id(context)) else { throw TherapistError.notFound }
        return .json(bytes: record.json)
    }

    @Sendable func update(_ request: Request, _ context: RequestContext) async throws -> Response {
        let id = try TherapistPath.id(context)
        return .json(bytes: TherapistRecord(try await workflows.update(id, try request.jsonObject())).json)
    }

    @Sendable func delete(_ request: Request, _ context: RequestContext) async throws -> Response {
        try await workflows.delete(try TherapistPath.id(context))
        return .json(bytes: Array(#"{"message":"Therapist deleted successfully"}"#.utf8))
    }

    @Sendable func communicationHistory(_ request: Request, _ context: RequestContext) async throws -> Response {
        let history = try await workflows.history(try TherapistPath.id(context))
        let body: JSONValue = [
            "therapist_id": .number(String(history.therapistID)), "therapist_name": .string(history.therapistName),
            "last_contact": history.lastContact.map { .string($0.description) } ?? .null,
            "total_emails": .number(String(history.totalEmails)), "total_calls": .number(String(history.totalCalls)),
            "communications": .array(history.communications),
        ]
        return .json(bytes: JSONWriter().bytes(body))
    }
}
