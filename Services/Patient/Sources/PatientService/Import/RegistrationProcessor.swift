internal import Shared

/// One pass over `registrations/` (patient.md §6): verify, archive, import, confirm, and
/// always delete the object. Failures are counted, archived under `failed/` and notified.
struct RegistrationProcessor: Sendable {
    static let folder = "registrations/"

    let storage: any ObjectStorage
    let container: String
    let archive: ImportArchive
    let hmacKey: [UInt8]
    let store: any PatientStore
    let confirmation: RegistrationConfirmation
    let notifier: ImportNotifier
    let statistics: ImportStatistics
    let logger: Logger
    let clock: @Sendable () -> UTCTimestamp

    /// Lists the folder and processes each `.json` object in name order.
    func runCycle() async {
        statistics.recordCheck()
        let names: [String]
        do {
            names = try await storage.listObjects(container: container, prefix: Self.folder).filter { $0.hasSuffix(".json") }
            statistics.recordListing(succeeded: true)
        } catch {
            statistics.recordListing(succeeded: false)
            statistics.recordError("Cannot list \(Self.folder): \(error)")
            logger.warning("registration listing failed", ["error": error.description])
            return
        }
        for name in names { await process(name) }
    }

    func process(_ name: String) async {
        let file = String(name.split(separator: "/").last ?? Substring(name))
        let bytes: [UInt8]
        do { bytes = try await storage.get(container: container, name: name) } catch {
            statistics.recordFailure(file: file, error: "Download failed: \(error)")
            await remove(name)
            return
        }
        let document: SignedJSONDocument
        do { document = try SignedJSONDocument.verify(bytes, key: hmacKey, environment: container, now: clock()) } catch {
            statistics.recordFailure(file: file, error: error.description)
            try? archive.recordRejected(file, error: error.description, at: clock())
            await remove(name)
            logger.warning("registration rejected", ["file": file, "reason": error.description])
            await notifier.notify("Validation failed for patient file: \(file)", "Error: \(error)")
            return
        }
        for warning in document.warnings { logger.warning("registration file", ["file": file, "warning": warning]) }
        do { try archive.save(.object(document.object), file: file) } catch {
            // Without a local copy the object is the only one: keep it for the next cycle.
            statistics.recordError("Cannot archive \(file); it stays queued: \(error)")
            logger.error("registration not archived; kept in storage", ["file": file])
            return
        }
        do {
            let (registration, patient) = try await importPatient(document, file: file)
            statistics.recordSuccess(file: file)
            logger.info("registration imported", ["file": file, "patient.id": String(patient.id)])
            await remove(name)
            await confirmation.send(for: registration, patient: patient)
        } catch let error as RegistrationError {
            await fail(name, file: file, message: error.description, subject: "Failed to import patient file: \(file)",
                       body: "Error: \(error)\n\nThe file was moved to the failed folder of the import archive.")
        } catch let error as PostgresError where error.isTransient {
            // The database is down or busy: the object stays and the next cycle tries again (a
            // registration that did commit is then recognised by its key).
            statistics.recordError("Database unavailable; \(file) stays queued: \(error)")
            logger.warning("registration import deferred", ["file": file, "error": error.description])
        } catch {
            await fail(name, file: file, message: "Import exception: \(error)", subject: "Error processing patient file: \(file)",
                       body: "Error: \(error)\n\nThe file was moved to the failed folder of the import archive.")
        }
    }

    /// Maps, validates and stores the patient (once per registration).
    func importPatient(_ document: SignedJSONDocument, file: String) async throws -> (Registration, Patient) {
        let registration = try Registration(document: document, today: clock().date)
        switch try await store.insertRegistration(registration.patient, key: registration.key, file: file) {
        case .inserted(let patient): return (registration, patient)
        case .duplicate(let existing): throw RegistrationError.duplicate(existingPatient: existing)
        }
    }

    private func fail(_ name: String, file: String, message: String, subject: String, body: String) async {
        archive.moveToFailed(file)
        statistics.recordFailure(file: file, error: message)
        await remove(name)
        logger.warning("registration import failed", ["file": file])
        await notifier.notify(subject, body)
    }

    /// Deletes the object; a failure is recorded (the file would be seen again next cycle and
    /// then recognised as a duplicate).
    private func remove(_ name: String) async {
        do { try await storage.delete(container: container, name: name) } catch {
            statistics.recordError("Cannot delete \(name): \(error)")
            logger.error("registration object not deleted", ["object": name, "error": error.description])
        }
    }
}
