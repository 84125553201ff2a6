internal import Shared

/// The phone-call API (communication.md §3.2–§3.6); mirrors `openapi-phone-calls.yaml`.
struct PhoneCallRoutes: Sendable {
    let workflows: PhoneCallWorkflows
    let reads: any PhoneCallReadModel

    func register(on router: inout Router) {
        router.get("/api/phone-calls", use: list)
        router.post("/api/phone-calls", use: create)
        router.get("/api/phone-calls/{id}", use: show)
        router.put("/api/phone-calls/{id}", use: update)
        router.delete("/api/phone-calls/{id}", use: delete)
    }

    @Sendable func list(_ request: Request, _ context: RequestContext) async throws -> Response {
        // An unknown `status` or an unparsable `geplantes_datum`: the fixed empty page.
        guard let query = Self.query(request.query) else { return .json(bytes: PageRequest.emptyPageJSON) }
        let (records, total) = try await reads.page(query)
        return .json(bytes: query.paging.json(data: PhoneCallRecord.layout.array(records.map(\.values)), total: total))
    }

    /// The list query of §3.2; nil for the fixed empty page (⚠ an unknown `status` was a 500
    /// in the original; an unparsable `geplantes_datum` was already the empty page). Empty
    /// values and non-integer ids are no filter; other `recipient_type` values are ignored.
    static func query(_ parameters: QueryParameters) -> PhoneCallListQuery? {
        func nonEmpty(_ name: String) -> String? { parameters[name].flatMap { $0.isEmpty ? nil : $0 } }
        var status: PhoneCallStatus?
        if let text = nonEmpty("status") {
            guard let value = PhoneCallStatus(rawValue: text) else { return nil }
            status = value
        }
        var date: LocalDate?
        if let text = nonEmpty("geplantes_datum") {
            guard let value = PhoneCallCalendar.isoDate(text) else { return nil }
            date = value
        }
        return PhoneCallListQuery(recipientType: parameters["recipient_type"].flatMap(PhoneCallRecipientType.init(rawValue:)),
                                  therapistID: parameters.get("therapist_id"), patientID: parameters.get("patient_id"),
                                  therapeutenanfrageID: parameters.get("therapeutenanfrage_id"), status: status,
                                  geplantesDatum: date, page: parameters.get("page"), limit: parameters.get("limit"))
    }

    @Sendable func create(_ request: Request, _ context: RequestContext) async throws -> Response {
        let call = try await workflows.create(try request.jsonObject())
        return .json(bytes: PhoneCallRecord(call).json, status: .created)
    }

    @Sendable func show(_ request: Request, _ context: RequestContext) async throws -> Response {
        guard let record = try await reads.record(try context.rowID()) else { throw PhoneCallError.notFound }
        return .json(bytes: record.json)
    }

    @Sendable func update(_ request: Request, _ context: RequestContext) async throws -> Response {
        let id = try context.rowID()
        return .json(bytes: PhoneCallRecord(try await workflows.update(id, try request.jsonObject())).json)
    }

    @Sendable func delete(_ request: Request, _ context: RequestContext) async throws -> Response {
        try await workflows.delete(try context.rowID())
        return .json(bytes: Array(#"{"message":"Phone call deleted successfully"}"#.utf8))
    }
}
