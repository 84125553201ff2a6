import Foundation
import Testing
import TestSupport

/// `OpenAPIPaths` reads operations from `paths:` by indentation only, for route contract tests.
@Suite("OpenAPIPaths")
struct OpenAPIPathsTests {
    /// Writes `yaml` to a fresh temporary file, scans it and removes the file.
    private func scan(_ yaml: String) throws -> OpenAPIPaths {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("openapi-\(UUID().uuidString).yaml")
        try yaml.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        return try OpenAPIPaths(file: url.path)
    }

    private static let sample = """
        openapi: 3.1.0
        info:
          title: Pets
          version: 1.0.0
          description: |
            Not paths, although it looks like them:
            /cats:
              get:
        paths:
          # a comment inside paths
          /pets:
            summary: Pets
            parameters:
              - name: x
                in: query
            get:
              operationId: listPets
              description: |
                operationId: notThisOne
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          get:
                            type: string
                          delete:
                            type: string
            post:
              operationId: 'createPet'   # trailing comment
              responses:
                "201":
                  description: created
        # a top-level comment does not end paths
          "/pets/{petId}":
            get:
              operationId: "showPet"
              responses:
                default:
                  description: any
            delete:
              responses:
                "204":
                  description: deleted
          '/pets/{petId}/photo':
            put:
              operationId: putPhoto
          x-internal:
            get:
              operationId: notAPath
        webhooks:
          /newPet:
            post:
              operationId: newPetHook
        components:
          schemas:
            Pet:
              properties:
                get:
                  type: string
        """

    private static let sampleSignatures: Set<String> = [
        "GET /pets", "POST /pets", "GET /pets/{petId}", "DELETE /pets/{petId}", "PUT /pets/{petId}/photo",
    ]

    @Test("reads quoted and unquoted paths, ignores nested keys and later top-level keys")
    func sampleDocument() throws {
        let paths = try scan(Self.sample)
        #expect(paths.signatures == Self.sampleSignatures)
        #expect(paths.orderedSignatures == ["GET /pets", "POST /pets", "GET /pets/{petId}", "DELETE /pets/{petId}",
                                            "PUT /pets/{petId}/photo"])
        #expect(paths.operationIDs == ["GET /pets": "listPets", "POST /pets": "createPet",
                                       "GET /pets/{petId}": "showPet", "PUT /pets/{petId}/photo": "putPhoto"])
    }

    @Test("CRLF line endings give the same result")
    func crlf() throws {
        let paths = try scan(Self.sample.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(paths.signatures == Self.sampleSignatures)
        #expect(paths.operationIDs["GET /pets"] == "listPets")
    }

    @Test("a document without paths is an error; an empty paths map is not")
    func missingAndEmptyPaths() throws {
        #expect(throws: OpenAPIPathsError.self) { try scan("openapi: 3.1.0\ninfo:\n  title: x\n") }
        #expect(try scan("openapi: 3.1.0\npaths: {}\n").signatures.isEmpty)
        #expect(try scan("openapi: 3.1.0\npaths:\ncomponents:\n  schemas: {}\n").signatures.isEmpty)
    }

    @Test("an unreadable file is an error")
    func unreadable() {
        #expect(throws: OpenAPIPathsError.self) { try OpenAPIPaths(file: "/nonexistent/openapi.yaml") }
    }

    @Test("duplicate operations and duplicate operationIds are errors")
    func duplicates() {
        #expect(throws: OpenAPIPathsError.self) {
            try scan("paths:\n  /a:\n    get:\n      operationId: a\n  /a:\n    get:\n      operationId: b\n")
        }
        #expect(throws: OpenAPIPathsError.self) {
            try scan("paths:\n  /a:\n    get:\n      operationId: same\n  /b:\n    get:\n      operationId: same\n")
        }
    }

    @Test("flow style for a path item or a method is rejected instead of silently missed")
    func flowStyle() {
        #expect(throws: OpenAPIPathsError.self) { try scan("paths:\n  /a: {get: {operationId: a}}\n") }
        #expect(throws: OpenAPIPathsError.self) { try scan("paths:\n  /a:\n    get: {operationId: a}\n") }
    }

    @Test("the patient service document declares exactly its 14 operations")
    func patientDocument() throws {
        let file = Repository.path("Services/Patient/Sources/PatientService/openapi.yaml")
        let paths = try OpenAPIPaths(file: file)
        let expected: [(String, String)] = [
            ("GET /api/patients", "listPatients"),
            ("POST /api/patients", "createPatient"),
            ("GET /api/patients/import-status", "importStatus"),
            ("GET /api/patients/{id}", "showPatient"),
            ("PUT /api/patients/{id}", "updatePatient"),
            ("DELETE /api/patients/{id}", "deletePatient"),
            ("PATCH /api/patients/{id}/last-contact", "setLastContact"),
            ("GET /api/patients/{id}/communication", "communicationHistory"),
            ("GET /health", "health"),
            ("GET /health/import", "importHealth"),
            ("GET /health/live", "liveness"),
            ("GET /health/ready", "readiness"),
            ("GET /metrics", "metrics"),
            ("GET /openapi.yaml", "openAPIDocument"),
        ]
        #expect(paths.orderedSignatures == expected.map(\.0))
        #expect(paths.signatures == Set(expected.map(\.0)))
        #expect(paths.signatures.count == 14)
        for (signature, operationID) in expected {
            #expect(paths.operationIDs[signature] == operationID, "\(signature)")
        }
    }
}
