internal import Shared

/// The patient API (patient.md §2); mirrors `paths:` in `openapi.yaml`, in the same order.
struct PatientRoutes: Sendable {
    let workflows: PatientWorkflows
    let reads: any PatientReadModel

    func register(on router: inout Router) {
        router.get("/api/patients", use: list)
        router.post("/api/patients", use: create)
        router.get("/api/patients/{id}", use: show)
        router.put("/api/patients/{id}", use: update)
        router.delete("/api/patients/{id}", use: delete)
        router.patch("/api/patients/{id}/last-contact", use: setLastContact)
        router.get("/api/patients/{id}/communication", use: communicationHistory)
    }

    @Sendable func list(_ request: Request, _ context: RequestContext) async throws -> Response {
        let statusText = request.query["status"].flatMap { $0.isEmpty ? nil : $0 }  // `status=`: no filter
        let status = statusText.flatMap(Patientenstatus.init(rawValue:))
        if statusText != nil, status == nil {
            // An unknown status is not an error: the fixed empty page of the original.
            return .json(bytes: Array(#"{"data":[],"page":1,"limit":20,"total":0}"#.utf8))
        }
        let ids: [Int]?
        do { ids = try request.query.idList() } catch { throw PatientError.invalid(error.message) }
        let query = PatientListQuery(status: status, search: request.query["search"], ids: ids,
                                     plzPrefix: request.query["plz_prefix"], page: request.query.get("page"), limit: request.query.get("limit"))
        let (records, total) = try await reads.page(query)
        return .json(bytes: query.paging.json(data: PatientJSON.array(records), total: total))
    }

    @Sendable func create(_ request: Request, _ context: RequestContext) async throws -> Response {
        let patient = try await workflows.create(try request.jsonObject())
        return .json(bytes: PatientJSON.object(patient), status: .created)
    }

    @Sendable func show(_ request: Request, _ context: RequestContext) async throws -> Response {
        guard let record = try await reads.record(try context.rowID()) else { throw PatientError.notFound }
        var body: [UInt8] = []
        body.reserveCapacity(1024)
        PatientJSON.append(record, to: &body)
        return .json(bytes: body)
    }

    @Sendable func update(_ request: Request, _ context: RequestContext) async throws -> Response {
        let id = try context.rowID()
        return .json(bytes: PatientJSON.object(try await workflows.update(id, try request.jsonObject())))
    }

    @Sendable func delete(_ request: Request, _ context: RequestContext) async throws -> Response {
        try await workflows.delete(try context.rowID())
        return .json(bytes: Array(#"{"message":"Patient deleted successfully"}"#.utf8))
    }

    @Sendable func setLastContact(_ request: Request, _ context: RequestContext) async throws -> Response {
        let id = try context.rowID()
        let date = try await workflows.setLastContact(id, try request.jsonObject())
        var json = JSONBuilder()
        json.member("message", string: "Last contact updated")
        json.member("letzter_kontakt", string: date.description)
        return .json(bytes: json.finish())
    }

    @Sendable func communicationHistory(_ request: Request, _ context: RequestContext) async throws -> Response {
        let history = try await workflows.history(try context.rowID())
        let body: JSONValue = [
            "patient_id": .number(String(history.patientID)), "patient_name": .string(history.patientName),
            "last_contact": history.lastContact.map { .string($0.description) } ?? .null,
            "total_emails": .number(String(history.totalEmails)), "total_calls": .number(String(history.totalCalls)),
            "communications": .array(history.communications),
        ]
        return .json(bytes: JSONWriter().bytes(body))
    }
}
