import Testing
import Shared
import TestSupport
@testable import TherapistService

@Test("therapist service starts, serves health and metrics, and stops cleanly")
func servesPlatformEndpoints() async throws {
    #expect(TherapistApp.descriptor.name == "therapist")
    #expect(try await expectServesPlatformEndpoints(TherapistApp.self, environment: TherapistFixture.baseEnvironment()) == [])
}
