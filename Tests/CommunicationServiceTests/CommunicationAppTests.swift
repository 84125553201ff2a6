import Testing
import Shared
import TestSupport
@testable import CommunicationService

@Test("communication service starts, serves health and metrics, and stops cleanly")
func servesPlatformEndpoints() async throws {
    #expect(CommunicationApp.descriptor.name == "communication")
    #expect(try await expectServesPlatformEndpoints(CommunicationApp.self) == [])
}
