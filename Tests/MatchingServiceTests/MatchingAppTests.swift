import Testing
@testable import MatchingService

@Test func name() { #expect(MatchingApp.name == "matching") }
