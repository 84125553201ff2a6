import Testing
@testable import PatientService

@Test func name() { #expect(PatientApp.name == "patient") }
