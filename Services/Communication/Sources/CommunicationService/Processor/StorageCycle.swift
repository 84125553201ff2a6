internal import Shared

/// One pass of the storage processor (communication.md §7): for `verifications/`, `contacts/`
/// and `waitlist/` in this order, every `*.json` object is downloaded, verified, turned into an
/// email and sent, and then always deleted. Failures are counted and notified.
struct StorageCycle: Sendable {
    static let notificationSender = "Storage Processor"

    let storage: any ObjectStorage
    let container: String
    let hmacKey: [UInt8]
    let emails: WebsiteEmails
    let sender: any SystemMessageSending
    let statistics: ProcessorStatistics
    let logger: Logger
    let clock: @Sendable () -> UTCTimestamp

    func run() async {
        statistics.recordCheck()
        for kind in ProcessorKind.allCases {
            let names: [String]
            do {
                names = try await storage.listObjects(container: container, prefix: kind.folder).filter { $0.hasSuffix(".json") }
            } catch {
                // Unreachable storage: nothing is touched, the next cycle tries again.
                statistics.recordError("\(kind.label) check failed: \(error)")
                logger.warning("storage folder not listed", ["folder": kind.folder, "error": error.description])
                continue
            }
            for name in names { await process(name, kind: kind) }
        }
    }

    /// Steps 1–3 of §7 for one object.
    func process(_ name: String, kind: ProcessorKind) async {
        let file = String(name.split(separator: "/").last ?? Substring(name))
        let bytes: [UInt8]
        do { bytes = try await storage.get(container: container, name: name) } catch {
            statistics.recordFailure(file: file, kind: kind, error: "Download failed: \(error)")
            await remove(name)
            return
        }
        let document: SignedJSONDocument
        do { document = try SignedJSONDocument.verify(bytes, key: hmacKey, environment: container, now: clock()) } catch {
            statistics.recordFailure(file: file, kind: kind, error: error.description)
            await remove(name)
            logger.warning("storage file rejected", ["file": file, "reason": error.description])
            await notify("Validation failed for \(kind.rawValue) file: \(file)", "Error: \(error)")
            return
        }
        for warning in document.warnings { logger.warning("storage file", ["file": file, "warning": warning]) }
        do throws(ProcessingError) {
            let message = try emails.message(for: kind, document: document)
            do { try await sender.send(message) } catch { throw ProcessingError.failed("Failed to send email: \(error)") }
            statistics.recordSuccess(file: file, kind: kind)
            logger.info("storage file processed", ["file": file, "kind": kind.rawValue])
        } catch {
            statistics.recordFailure(file: file, kind: kind, error: error.description)
            logger.warning("storage file failed", ["file": file, "kind": kind.rawValue, "error": error.description])
            let subject = if case .unexpected = error { "Error processing \(kind.rawValue) file: \(file)" }
                else { "Failed to process \(kind.rawValue) file: \(file)" }
            await remove(name)
            await notify(subject, "Error: \(error)")
            return
        }
        await remove(name)
    }

    /// A failure notification to the default recipient; a failure to send it is logged only.
    private func notify(_ subject: String, _ message: String) async {
        do { try await sender.send(SystemMessage(subject: subject, message: message, senderName: Self.notificationSender)) } catch {
            logger.error("processor notification not sent", ["subject": subject, "error": error.description])
        }
    }

    /// Deletes the object; a failure is recorded (the file would be processed again next cycle).
    private func remove(_ name: String) async {
        do { try await storage.delete(container: container, name: name) } catch {
            statistics.recordError("Cannot delete \(name): \(error)")
            logger.error("storage object not deleted", ["object": name, "error": error.description])
        }
    }
}
