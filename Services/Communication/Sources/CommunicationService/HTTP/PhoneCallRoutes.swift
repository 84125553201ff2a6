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

    /// What an unknown `status` or an unparsable `geplantes_datum` answers.
    static let emptyPage = Array(#"{"data":[],"page":1,"limit":20,"total":0}"#.utf8)

    @Sendable func list(_ request: Request, _ context: RequestContext) async throws -> Response {
        guard let query = Self.query(request.query) else { return .json(bytes: Self.emptyPage) }
        let (records, total) = try await reads.page(query)
        var body: [UInt8] = Array(#"{"data":"#.utf8)
        body += PhoneCallRecord.layout.array(records.map(\.values))
        body += #","page":\#(query.page),"limit":\#(query.limit),"total":\#(total)}"#.utf8
        return .json(bytes: body)
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
        guard let record = try await reads.record(try PhoneCallPath.id(context)) else { throw PhoneCallError.notFound }
        return .json(bytes: record.json)
    }

    @Sendable func update(_ request: Request, _ context: RequestContext) async throws -> Response {
        let id = try PhoneCallPath.id(context)
        return .json(bytes: PhoneCallRecord(try await workflows.update(id, try request.jsonObject())).json)
    }

    @Sendable func delete(_ request: Request, _ context: RequestContext) async throws -> Response {
        try await workflows.delete(try PhoneCallPath.id(context))
        return .json(bytes: Array(#"{"message":"Phone call deleted successfully"}"#.utf8))
    }
}

/// The `{id}` of `/api/phone-calls/{id}`.
enum PhoneCallPath {
    /// `{id}` must be a non-negative integer in `integer` range; anything else does not match
    /// the route, as in the original (404 with the generic not-found message).
    static func id(_ context: RequestContext) throws(Problem) -> PhoneCallID {
        guard let raw = context.parameters["id"], !raw.isEmpty, raw.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let id = Int(raw), id <= Int(Int32.max) else { throw Problem.routeNotFound }
        return id
    }
}
