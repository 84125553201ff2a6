internal import Shared

/// The therapist selection and Therapeutenanfrage API (matching.md §4–§6).
struct AnfrageRoutes: Sendable {
    let selection: SelectionWorkflow
    let bundles: BundleWorkflow
    let sending: SendWorkflow
    let answers: AnswerWorkflow
    let workflows: AnfrageWorkflows
    let prefix: PLZPrefixRule
    let logger: Logger

    func register(on router: inout Router) {
        router.get("/api/therapeuten-zur-auswahl", use: select)
        router.get("/api/therapeutenanfragen", use: list)
        router.get("/api/therapeutenanfragen/{id}", use: show)
        router.delete("/api/therapeutenanfragen/{id}", use: delete)
        router.post("/api/therapeutenanfragen/erstellen-fuer-therapeut", use: create)
        router.post("/api/therapeutenanfragen/{id}/senden", use: send)
        router.put("/api/therapeutenanfragen/{id}/antwort", use: answer)
    }

    @Sendable func select(_ request: Request, _ context: RequestContext) async throws -> Response {
        try await peerAware { .json(bytes: try await selection.select(plzPrefix: request.query["plz_prefix"])) }
    }

    @Sendable func list(_ request: Request, _ context: RequestContext) async throws -> Response {
        let q = request.query
        var query = AnfrageListQuery(therapistID: BodyFields.queryInt(q, "therapist_id"), minSize: BodyFields.queryInt(q, "min_size"),
                                     maxSize: BodyFields.queryInt(q, "max_size"),
                                     paging: PageRequest(page: q.get("page"), limit: q.get("limit")))
        if let text = q["versand_status"], !text.isEmpty {
            guard let value = AnfrageListQuery.Versand(rawValue: text) else {
                throw MatchingError.invalid("Invalid versand_status. Use 'gesendet' or 'ungesendet'")
            }
            query.versand = value
        }
        if let text = q["antwort_status"], !text.isEmpty {
            guard let value = AnfrageListQuery.Antwort(rawValue: text) else {
                throw MatchingError.invalid("Invalid antwort_status. Use 'beantwortet' or 'ausstehend'")
            }
            query.antwort = value
        }
        var followUp: Bool?
        if let text = q["nachverfolgung_erforderlich"], !text.isEmpty {
            switch text.trimmingWhitespace().lowercased() {
            case "true": followUp = true
            case "false": followUp = false
            default: throw MatchingError.invalid("Invalid boolean value '\(text)'. Use 'true' or 'false'.")
            }
        }
        let final = query
        return try await peerAware { .json(bytes: try await workflows.list(final, followUp: followUp)) }
    }

    @Sendable func show(_ request: Request, _ context: RequestContext) async throws -> Response {
        let id = try context.rowID()
        return try await peerAware { .json(bytes: MatchingJSON.bytes(try await workflows.details(id))) }
    }

    @Sendable func delete(_ request: Request, _ context: RequestContext) async throws -> Response {
        try await workflows.delete(try context.rowID())
        return .json(bytes: Array(#"{"message":"Therapeutenanfrage deleted successfully"}"#.utf8))
    }

    @Sendable func send(_ request: Request, _ context: RequestContext) async throws -> Response {
        let id = try context.rowID()
        return try await peerAware {
            let sent = try await sending.send(id)
            return .json(bytes: MatchingJSON.bytes(MatchingJSON.object([
                ("message", "Anfrage sent successfully"), ("anfrage_id", .number(String(id))),
                ("communication_type", sent.delivery.emailID != nil ? "email" : "phone_call"),
                ("email_id", MatchingJSON.int(sent.delivery.emailID)), ("phone_call_id", MatchingJSON.int(sent.delivery.phoneCallID)),
                ("sent_date", MatchingJSON.iso(sent.anfrage.gesendetDatum)),
            ])))
        }
    }

    @Sendable func answer(_ request: Request, _ context: RequestContext) async throws -> Response {
        let id = try context.rowID()
        let body = try request.jsonObject()
        guard let responses = body["patient_responses"], !responses.isNull else {
            throw MatchingError.missingParameter(field: "patient_responses", text: "Missing required parameter in the JSON body")
        }
        guard responses.objectValue != nil else {
            throw MatchingError.missingParameter(field: "patient_responses", text: "must be an object")
        }
        let notizen = try BodyFields.optionalString(body, "notizen").flatMap { $0.isEmpty ? nil : $0 }
        return try await peerAware {
            .json(bytes: MatchingJSON.bytes(try await answers.record(id, responses: responses, notizen: notizen)))
        }
    }
}
