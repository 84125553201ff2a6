import Testing
@testable import TherapistService

@Test func name() { #expect(TherapistApp.name == "therapist") }
