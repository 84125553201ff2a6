internal import Shared

extension AnfrageRoutes {
    /// §5: 201 with the new bundle, 200 when nobody fits; unexpected failures answer
    /// `{"message": "Anfrage creation failed", "error": …}` without internals.
    @Sendable func create(_ request: Request, _ context: RequestContext) async throws -> Response {
        let body = try request.jsonObject()
        let therapistID = try BodyFields.requiredInt(body, "therapist_id")
        guard let rawPrefix = try BodyFields.optionalString(body, "plz_prefix") else {
            throw MatchingError.missingParameter(field: "plz_prefix", text: BodyFields.missingText)
        }
        let plzPrefix = try prefix.validate(rawPrefix)
        let sofort = body["sofort_senden"]?.boolValue ?? false
        return try await peerAware {
            let outcome: BundleWorkflow.Outcome
            do { outcome = try await bundles.create(therapistID: therapistID, plzPrefix: plzPrefix) } catch let error as PostgresError {
                logger.error("anfrage creation failed", ["error": error.description])
                return Problem(.internalServerError, "Anfrage creation failed", code: "matching.bundle_failed",
                               extensions: [.init("error", .string(error.description))]).response
            }
            guard case .created(let anfrageID, let patientIDs) = outcome else {
                return .json(bytes: MatchingJSON.bytes(MatchingJSON.object([
                    ("message", "No eligible patients found for this therapist"), ("therapist_id", .number(String(therapistID))),
                    ("plz_prefix", .string(plzPrefix)),
                ])))
            }
            var sent = false
            if sofort {
                do { _ = try await sending.send(anfrageID); sent = true } catch {
                    logger.warning("sofort_senden failed", ["anfrage_id": String(anfrageID), "error": String(describing: error)])
                }
            }
            return .json(bytes: MatchingJSON.bytes(MatchingJSON.object([
                ("message", .string("Created anfrage with \(patientIDs.count) patients")), ("anfrage_id", .number(String(anfrageID))),
                ("therapist_id", .number(String(therapistID))), ("anfragegroesse", .number(String(patientIDs.count))),
                ("patient_ids", .array(patientIDs.map { .number(String($0)) })), ("gesendet", .bool(sent)),
            ])), status: .created)
        }
    }
}
