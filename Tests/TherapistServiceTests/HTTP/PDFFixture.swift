import Foundation
import Shared
import TestSupport
@testable import TherapistService

/// The PDF endpoints of the running service (`TherapistFixture`) over HTTP against the test
/// database, with `THERAPIST_PDF_STORAGE_PATH` below the fixture's fresh folder.
final class PDFFixture: Sendable {
    let therapists: TherapistFixture
    let api: APIClient
    /// `THERAPIST_PDF_STORAGE_PATH` of the fixture.
    let base: String

    init() async throws {
        therapists = try await TherapistFixture()
        base = therapists.base + "/pdfs"
        api = therapists.api
    }

    var port: Int { therapists.harness.port }

    func stop() async { await therapists.stop() }

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
