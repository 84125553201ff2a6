internal import Shared

/// The Platzsuche API (matching.md §3).
struct SearchRoutes: Sendable {
    let workflows: SearchWorkflows
    let update: SearchUpdate

    func register(on router: inout Router) {
        router.get("/api/platzsuchen", use: list)
        router.post("/api/platzsuchen", use: create)
        router.get("/api/platzsuchen/{id}", use: show)
        router.put("/api/platzsuchen/{id}", use: change)
        router.delete("/api/platzsuchen/{id}", use: delete)
    }

    @Sendable func list(_ request: Request, _ context: RequestContext) async throws -> Response {
        try await peerAware {
            let q = request.query
            var status: Suchstatus?
            if let text = q["status"], !text.isEmpty {
                guard let value = Suchstatus(rawValue: text) else {
                    throw MatchingError.invalid("Invalid status '\(text)'. Valid values: \(Suchstatus.pythonList)")
                }
                status = value
            }
            let query = SearchListQuery(status: status, patientID: BodyFields.queryInt(q, "patient_id"),
                                        minAnfragen: BodyFields.queryInt(q, "min_anfragen"),
                                        maxAnfragen: BodyFields.queryInt(q, "max_anfragen"),
                                        paging: PageRequest(page: q.get("page"), limit: q.get("limit")))
            return .json(bytes: try await workflows.list(query))
        }
    }

    @Sendable func create(_ request: Request, _ context: RequestContext) async throws -> Response {
        let body = try request.jsonObject()
        let patientID = try BodyFields.requiredInt(body, "patient_id")
        let notizen = try BodyFields.optionalString(body, "notizen").flatMap { $0.isEmpty ? nil : $0 }
        return try await peerAware {
            let search = try await workflows.create(patientID: patientID, notizen: notizen)
            return .json(bytes: MatchingJSON.bytes(MatchingJSON.object([
                ("id", .number(String(search.id))), ("patient_id", .number(String(search.patientID))),
                ("status", .string(search.status.rawValue)), ("created_at", MatchingJSON.iso(search.createdAt)),
                ("message", "Patient search created successfully"),
            ])), status: .created)
        }
    }

    @Sendable func show(_ request: Request, _ context: RequestContext) async throws -> Response {
        let id = try context.rowID()
        return try await peerAware { .json(bytes: MatchingJSON.bytes(try await workflows.details(id))) }
    }

    @Sendable func change(_ request: Request, _ context: RequestContext) async throws -> Response {
        let id = try context.rowID()
        let body = try request.jsonObject()
        let changes = SearchChanges(
            status: try BodyFields.optionalString(body, "status"), notizen: try BodyFields.optionalString(body, "notizen"),
            exclusions: body["ausgeschlossene_therapeuten"].flatMap { $0.isNull ? nil : $0 },
            therapistID: try BodyFields.optionalInt(body, "vermittelter_therapeut_id"),
            templateType: try BodyFields.optionalString(body, "email_template_type"),
            meeting: body["meeting_details"].flatMap { $0.isNull ? nil : $0 })
        return try await peerAware {
            try await update.apply(id, changes)
            return .json(bytes: MatchingJSON.bytes(MatchingJSON.object([
                ("message", "Patient search updated successfully"), ("id", .number(String(id))),
            ])))
        }
    }

    @Sendable func delete(_ request: Request, _ context: RequestContext) async throws -> Response {
        try await workflows.delete(try context.rowID())
        return .json(bytes: Array(#"{"message":"Patient search deleted successfully"}"#.utf8))
    }
}
