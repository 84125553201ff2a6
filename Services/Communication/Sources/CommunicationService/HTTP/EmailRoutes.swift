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

    /// An unknown status is not an error: the fixed empty page of the original.
    static let emptyPage = Array(#"{"data":[],"page":1,"limit":20,"total":0}"#.utf8)

    @Sendable func list(_ request: Request, _ context: RequestContext) async throws -> Response {
        let statusText = request.query["status"].flatMap { $0.isEmpty ? nil : $0 }
        let status = statusText.flatMap(Emailstatus.init(rawValue:))
        if statusText != nil, status == nil { return .json(bytes: Self.emptyPage) }
        let query = EmailListQuery(therapistID: Self.idFilter(request.query["therapist_id"]),
                                   patientID: Self.idFilter(request.query["patient_id"]),
                                   recipientType: request.query["recipient_type"], status: status,
                                   page: request.query.get("page"), limit: request.query.get("limit"))
        let (records, total) = try await workflows.store.page(query)
        var body: [UInt8] = Array(#"{"data":["#.utf8)
        for (index, record) in records.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            EmailRecord.layout.append(record.values, to: &body)
        }
        body += #"],"page":\#(query.page),"limit":\#(query.limit),"total":\#(total)}"#.utf8
        return .json(bytes: body)
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
        guard let record = try await workflows.store.record(try CommunicationPath.id(context)) else { throw EmailError.notFound }
        return .json(bytes: record.json)
    }

    @Sendable func update(_ request: Request, _ context: RequestContext) async throws -> Response {
        let id = try CommunicationPath.id(context)
        return .json(bytes: try await workflows.update(id, try request.jsonObject()).json)
    }

    @Sendable func delete(_ request: Request, _ context: RequestContext) async throws -> Response {
        guard try await workflows.store.delete(try CommunicationPath.id(context)) else { throw EmailError.notFound }
        return .json(bytes: Array(#"{"message":"Email deleted successfully"}"#.utf8))
    }
}
