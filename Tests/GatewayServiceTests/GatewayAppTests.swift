import Testing
@testable import GatewayService

@Test func name() { #expect(GatewayApp.name == "gateway") }
