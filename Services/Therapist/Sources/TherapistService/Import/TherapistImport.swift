internal import Shared

/// The outcome of importing one scraped therapist (therapist.md §6.3).
enum ImportOutcome: Sendable, Equatable {
    case created(TherapistID)
    /// Matched an existing therapist; `changed` false when nothing was written.
    case updated(TherapistID, changed: Bool)
    /// Mapping, validation or storage failed; the message is the spec's.
    case failed(String)

    /// `Therapist created: ID <id>`, `Therapist updated: ID <id>`, or the failure message.
    var message: String {
        switch self {
        case .created(let id): "Therapist created: ID \(id)"
        case .updated(let id, _): "Therapist updated: ID \(id)"
        case .failed(let message): message
        }
    }
}

/// Creates or updates one therapist in the store.
struct TherapistImport: Sendable {
    let store: any TherapistStore
    let logger: Logger

    /// Maps `entry`, finds the therapist it belongs to and creates or updates it. Storage
    /// failures of the lookup propagate (the caller records them as an exception).
    func run(_ entry: JSONValue, today: LocalDate) async throws -> ImportOutcome {
        guard let imported = ImportedTherapist(entry) else { return .failed("Failed to map therapist data") }
        let key = TherapistMatchKey(vorname: imported.vorname, nachname: imported.nachname, plz: imported.plz,
                                    ort: imported.ort, strasse: imported.strasse, titel: imported.titel, email: imported.email)
        let existing = try await store.importMatch(key)
        if let problem = imported.validationProblem {
            return .failed(existing == nil ? "Creation failed: \(problem)" : "Update failed: \(problem)")
        }
        guard let existing else { return await create(imported, today: today) }
        return await update(existing, with: imported, today: today)
    }

    private func create(_ imported: ImportedTherapist, today: LocalDate) async -> ImportOutcome {
        do {
            let therapist = try ImportMerge.created(imported, today: today)
            return .created(try await store.insert(therapist).id)
        } catch ImportMergeError.invalid(let message) {
            return .failed("Creation failed: \(message)")
        } catch {
            return .failed("Creation failed: \(error)")
        }
    }

    /// Compares with the row the lookup returned first, so an unchanged therapist costs no
    /// write; a change is recomputed on the locked row.
    private func update(_ existing: Therapist, with imported: ImportedTherapist, today: LocalDate) async -> ImportOutcome {
        for warning in ImportMerge.warnings(imported) {
            logger.warning("import update skips an invalid value", ["therapist.id": String(existing.id), "problem": warning])
        }
        guard ImportMerge.updated(existing, with: imported, today: today) != nil else {
            return .updated(existing.id, changed: false)
        }
        do {
            switch try await store.update(existing.id, { ImportMerge.updated($0, with: imported, today: today) }) {
            case .updated(let stored): return .updated(stored.id, changed: true)
            case .unchanged(let stored): return .updated(stored.id, changed: false)
            case .notFound: return .failed("Update failed: Therapist not found")
            }
        } catch {
            return .failed("Update failed: \(error)")
        }
    }
}
