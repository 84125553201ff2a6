import Foundation
import Shared
import TestSupport
@testable import TherapistService

/// The PDF endpoints over HTTP against the test database. Uses the service's own routes once
/// `TherapistApp` registers them; until then `PDFRoutes` runs on a side server over the
/// service's own `TherapistStore` and the same `THERAPIST_PDF_STORAGE_PATH`.
final class PDFFixture: Sendable {
    let therapists: TherapistFixture
    let side: TestServer?
    let api: APIClient
    /// `THERAPIST_PDF_STORAGE_PATH` of the fixture.
    let base: String

    init() async throws {
        therapists = try await TherapistFixture()
        base = therapists.base + "/pdfs"
        if therapists.harness.runtime.routes.contains(where: { $0.template == "/api/therapists/{id}/pdfs" }) {
            side = nil
            api = therapists.api
        } else {
            var router = Router()
            PDFRoutes(store: therapists.harness.runtime.app.routes.workflows.store, storage: PDFStorage(base: base))
                .register(on: &router)
            let server = try await TestServer(router: router)
            side = server
            api = APIClient(port: server.port, http: therapists.http)
        }
    }

    var port: Int { side?.port ?? therapists.harness.port }

    func stop() async {
        await side?.stop()
        await therapists.stop()
    }

    /// Runs `body` with a started fixture and always stops it.
    static func with(_ body: (PDFFixture) async throws -> Void) async throws {
        let fixture = try await PDFFixture()
        do { try await body(fixture) } catch { await fixture.stop(); throw error }
        await fixture.stop()
    }

    /// A new therapist's id.
    func therapist(_ extra: JSONObject = JSONObject()) async throws -> Int { try await therapists.createTherapist(extra).id }

    /// `POST /api/therapists/<id>/pdfs` with a raw body.
    func upload(_ id: Int, body: [UInt8], contentType: String? = MultipartBody.contentType) async throws -> UploadResponse {
        let request = HTTPClientRequest(method: .post, url: api.baseURL + "/api/therapists/\(id)/pdfs",
                                        headers: contentType.map { ["Content-Type": $0] } ?? [:], body: body, timeout: .seconds(60))
        let response = try await therapists.http.execute(request)
        return UploadResponse(status: response.status.code, body: response.body)
    }

    /// Uploads one `file` part.
    func upload(_ id: Int, filename: String, content: [UInt8] = MultipartBody.pdf) async throws -> UploadResponse {
        try await upload(id, body: MultipartBody.file(filename, content))
    }

    /// The names in the therapist's folder (empty when there is none).
    func stored(_ id: Int) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: base + "/\(id)")) ?? []).sorted()
    }
}

/// A response to a raw upload (`APIResponse` has no public initialiser).
struct UploadResponse: Sendable {
    let status: Int
    let body: [UInt8]
    var json: JSONValue { (try? JSONParser.parse(body)) ?? .null }
    var text: String { String(decoding: body, as: UTF8.self) }
    var message: String? { json["message"]?.stringValue }
}

/// Multipart bodies for the upload tests.
enum MultipartBody {
    static let boundary = "----pdf-test-boundary"
    static let contentType = "multipart/form-data; boundary=\(boundary)"
    static let pdf = Array("%PDF-1.4\n%\u{E2}\u{E3}\n1 0 obj\r\n--\(boundary)x\r\n".utf8) + [0, 13, 10]

    /// A body of `parts` (disposition parameters, content).
    static func body(_ parts: [(String, [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        for (disposition, content) in parts {
            out += Array("--\(boundary)\r\nContent-Disposition: form-data; \(disposition)\r\nContent-Type: application/pdf\r\n\r\n".utf8)
            out += content + Array("\r\n".utf8)
        }
        return out + Array("--\(boundary)--\r\n".utf8)
    }

    /// One `file` part named `filename` (quoted; `"` and `\` escaped).
    static func file(_ filename: String, _ content: [UInt8]) -> [UInt8] {
        let quoted = filename.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return body([("name=\"file\"; filename=\"\(quoted)\"", content)])
    }
}
