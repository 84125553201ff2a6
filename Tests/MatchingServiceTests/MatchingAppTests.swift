import Testing
import Shared
import TestSupport
@testable import MatchingService

@Test("matching service starts, serves health and metrics, and stops cleanly")
func servesPlatformEndpoints() async throws {
    #expect(MatchingApp.descriptor.name == "matching")
    #expect(try await expectServesPlatformEndpoints(MatchingApp.self) == [])
}
