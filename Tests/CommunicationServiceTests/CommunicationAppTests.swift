import Testing
@testable import CommunicationService

@Test func name() { #expect(CommunicationApp.name == "communication") }
