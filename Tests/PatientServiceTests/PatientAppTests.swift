import Testing
import Shared
import TestSupport
@testable import PatientService

@Test("patient service starts, serves health and metrics, and stops cleanly")
func servesPlatformEndpoints() async throws {
    #expect(PatientApp.descriptor.name == "patient")
    #expect(try await expectServesPlatformEndpoints(PatientApp.self) == [])
}
