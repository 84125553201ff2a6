import Foundation
import Testing
import Shared
import TestSupport
@testable import MatchingService

@Suite("OpenAPI contract")
struct ContractTests {
    static var documentPath: String {
        Repository.path("Services/Matching/openapi.yaml")
    }

    @Test("every served route is in openapi.yaml and every documented operation is served")
    func routesMatchDocument() async throws {
        let documented = try OpenAPIPaths(file: Self.documentPath)
        try await MatchingFixture.with { fixture in
            let served = Set(fixture.harness.runtime.routes.map { "\($0.method.rawValue) \($0.template)" })
            #expect(served == documented.signatures)
        }
    }

    @Test("GET /openapi.yaml serves the document byte for byte")
    func servesDocument() async throws {
        let file = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.documentPath)))
        try await MatchingFixture.with { fixture in
            let response = try await fixture.api.call(.get, "/openapi.yaml")
            #expect(response.status == 200 && response.body == file)
            #expect(response.headers["Content-Type"]?.hasPrefix("application/yaml") == true)
        }
    }
}
