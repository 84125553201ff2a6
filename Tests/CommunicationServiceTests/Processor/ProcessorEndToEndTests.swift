import Foundation
import Testing
import Shared
import TestSupport
@testable import CommunicationService

@Suite("object-storage processor end to end")
struct ProcessorEndToEndTests {
    @Test("a signed verification file becomes an email through the service's own system-messages endpoint")
    func verificationReachesTheRelay() async throws {
        let environment = ["STORAGE_PROCESSOR_ENABLED": "true", "STORAGE_CHECK_INTERVAL_SECONDS": "3600",
                           "EMAIL_TEMPLATE_DIR": Repository.path("templates/emails")]
        try await CommunicationFixture.with(environment: environment) { f in
            let folder = f.base + "/storage/test/verifications"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let data: JSONValue = ["email": "anna@example.org", "token": "tok-1",
                                   "verification_link": "https://curavani.com/verify?t=tok-1"]
            let bytes = ProcessorBench.signed(.verification, data: data)
            try Data(bytes).write(to: URL(fileURLWithPath: folder + "/v1.json"))
            await f.harness.runtime.app.processor.runCycle()
            let delivery = try #require(f.smtp.deliveries.first { $0.recipients == ["anna@example.org"] })
            let mail = String(decoding: delivery.data, as: UTF8.self)
            #expect(mail.contains("From: Curavani GmbH <info@curavani.com>"))
            #expect(mail.contains("multipart/alternative"))
            #expect(!FileManager.default.fileExists(atPath: folder + "/v1.json"))
            let status = try await f.api.call(.get, "/api/processor/status").json
            #expect(status["verifications_processed_today"]?.intValue == 1)
            #expect(status["verifications_failed_today"]?.intValue == 0)
        }
    }
}
