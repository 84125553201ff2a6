import Testing
import Shared
import TestSupport
@testable import GatewayService

@Test("gateway service starts, serves health and metrics, and stops cleanly")
func servesPlatformEndpoints() async throws {
    #expect(GatewayApp.descriptor.name == "gateway")
    #expect(try await expectServesPlatformEndpoints(GatewayApp.self) == [])
}
