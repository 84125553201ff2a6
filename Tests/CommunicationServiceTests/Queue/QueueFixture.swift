import Foundation
import Shared
import TestSupport
@testable import CommunicationService

extension CommunicationFixture {
    /// Settings of a fixture whose queue worker has its own worker id and runs cycles only on
    /// demand (`runQueueCycle`), so a test decides what each cycle sees; with `loop` the worker
    /// also starts its loop (a first cycle at start, then hourly) and reports running.
    static func queueEnvironment(workerID: String = "test-\(UUID().uuidString)", batchSize: Int = 50, loop: Bool = false,
                                 extra: [String: String] = [:]) -> [String: String] {
        ["EMAIL_QUEUE_ENABLED": String(loop), "EMAIL_QUEUE_CHECK_INTERVAL_SECONDS": "3600",
         "EMAIL_QUEUE_BATCH_SIZE": String(batchSize), "EMAIL_QUEUE_WORKER_ID": workerID,
         "EMAIL_QUEUE_RETRY_BASE_SECONDS": "1", "SMTP_TIMEOUT_SECONDS": "20"].merging(extra) { $1 }
    }

    /// Runs one queue cycle now (after a running one ends).
    func runQueueCycle() async { await harness.runtime.app.queueWorker.runCycle() }

    /// Queues `count` emails for `patient` whose subjects carry `marker` and their index,
    /// `concurrency` at a time. Concurrent creations may take their queue time and their id in
    /// different orders; with `concurrency: 1` both ascend together.
    func queueEmails(_ count: Int, patient: Int, marker: String, extra: JSONObject = JSONObject(),
                     concurrency: Int = 8) async throws -> [Int] {
        try await withThrowingTaskGroup(of: Int.self) { group in
            var ids: [Int] = [], next = 0
            func add() {
                let index = next
                next += 1
                group.addTask {
                    var fields: JSONObject = ["status": "In_Warteschlange", "betreff": .string("\(marker) #\(index)"),
                                              "add_legal_footer": false]
                    for (key, value) in extra { fields[key] = value }
                    return try await self.createEmail(patient: patient, fields).id
                }
            }
            for _ in 0..<min(concurrency, count) { add() }
            while let id = try await group.next() {
                ids.append(id)
                if next < count { add() }
            }
            return ids
        }
    }

    /// The stored email `id`.
    func email(_ id: Int) async throws -> JSONValue { try await api.call(.get, "/api/emails/\(id)").json }
}

extension FakeSMTPServer {
    /// Deliveries whose subject line carries `marker`, by subject.
    func subjects(marked marker: String) -> [String] {
        deliveries.compactMap { delivery in
            let text = String(decoding: delivery.data, as: UTF8.self)
            guard let line = text.split(separator: "\r\n").first(where: { $0.hasPrefix("Subject: ") }),
                  line.contains(marker) else { return nil }
            return String(line.dropFirst("Subject: ".count))
        }
    }
}

extension CommunicationFixture {
    /// Marks `ids` as claimed by `worker` `age` ago: what a worker that died mid-batch leaves.
    func claim(_ ids: [Int], as worker: String, age: Duration = .zero) async throws {
        let seconds = Int(age.components.seconds)
        _ = try await harness.runtime.app.database.execute("""
            UPDATE communication_service.emails
               SET status = 'Wird_gesendet', versand_durch = \(worker)::text,
                   versand_gestartet_am = (now() AT TIME ZONE 'utc') - make_interval(secs => \(seconds)::integer)
             WHERE id = ANY (\(ids)::integer[])
            """)
    }

    /// Moves the retry time of `id` to now, as if the backoff had passed.
    func makeDue(_ id: Int) async throws {
        _ = try await harness.runtime.app.database.execute("""
            UPDATE communication_service.emails SET naechster_versuch_am = (now() AT TIME ZONE 'utc') WHERE id = \(id)::integer
            """)
    }
}
