import Foundation
import Testing
import Shared
import TestSupport
@testable import TherapistService

/// `GET/POST/DELETE /api/therapists/{id}/pdfs` (therapist.md §2.8–§2.10) over HTTP, with the
/// files checked on disk under the configured base.
@Suite("Therapist PDFs over HTTP")
struct PDFHTTPTests {
    typealias M = MultipartBody

    @Test("upload, list, duplicate, delete one and delete all, with the files really on disk")
    func lifecycle() async throws {
        try await PDFFixture.with { f in
            let id = try await f.therapist(["titel": "Dr."])
            let created = try await f.upload(id, filename: "Therapieanfrage Praxis Müller-Eßer.pdf")
            #expect(created.status == 201)
            #expect(created.json == ["message": "File uploaded successfully as Therapieanfrage_Praxis_Muller-Eer.pdf",
                                     "therapist_id": .number(String(id)), "filename": "Therapieanfrage_Praxis_Muller-Eer.pdf"])
            let path = f.base + "/\(id)/Therapieanfrage_Praxis_Muller-Eer.pdf"
            #expect(FileManager.default.contents(atPath: path) == Data(M.pdf))

            let again = try await f.upload(id, filename: "Therapieanfrage Praxis Müller-Eßer.pdf", content: M.pdf + [1])
            let second = try #require(again.json["filename"]?.stringValue)
            #expect(again.status == 201)
            #expect(second.wholeMatch(of: /Therapieanfrage_Praxis_Muller-Eer_\d{8}_\d{6}\.pdf/) != nil)
            #expect(f.stored(id) == [path.split(separator: "/").last.map(String.init)!, second].sorted())

            let list = try await f.api.call(.get, "/api/therapists/\(id)/pdfs")
            #expect(list.status == 200)
            let body = try #require(list.json.objectValue)
            #expect(body.keys == ["therapist_id", "therapist_name", "pdf_count", "pdfs"])
            #expect(body["therapist_id"]?.intValue == id && body["therapist_name"] == "Dr. Max Mustermann")
            #expect(body["pdf_count"]?.intValue == 2)
            let first = try #require(body["pdfs"]?.arrayValue?.first?.objectValue)
            #expect(first.keys == ["filename", "path", "size", "size_mb", "modified", "modified_datetime"])
            #expect(first["filename"] == "Therapieanfrage_Praxis_Muller-Eer.pdf" && first["path"] == .string(path))
            #expect(first["size"]?.intValue == M.pdf.count && first["size_mb"] == .number("0.0"))
            let mtime = try #require(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
            #expect(abs((first["modified"]?.doubleValue ?? 0) - mtime.timeIntervalSince1970) < 0.001)
            #expect(first["modified_datetime"]?.stringValue?.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?/) != nil)

            let one = try await f.api.call(.delete, "/api/therapists/\(id)/pdfs?filename=\(second)")
            #expect(one.status == 200)
            #expect(one.json == ["message": .string("File \(second) deleted successfully"), "therapist_id": .number(String(id))])
            #expect(f.stored(id) == ["Therapieanfrage_Praxis_Muller-Eer.pdf"])

            let all = try await f.api.call(.delete, "/api/therapists/\(id)/pdfs")
            #expect(all.json == ["message": "All 1 PDF files deleted successfully", "therapist_id": .number(String(id)),
                                 "files_deleted": 1])
            #expect(!FileManager.default.fileExists(atPath: f.base + "/\(id)"))
            let none = try await f.api.call(.delete, "/api/therapists/\(id)/pdfs")
            #expect(none.status == 200 && none.json["files_deleted"] == 0)
            let empty = try await f.api.call(.get, "/api/therapists/\(id)/pdfs")
            #expect(empty.json["pdf_count"] == 0 && empty.json["pdfs"] == [])
        }
    }

    @Test("unknown therapist → 404 on all three, before the body is looked at")
    func unknownTherapist() async throws {
        try await PDFFixture.with { f in
            let missing = 987_654
            let get = try await f.api.call(.get, "/api/therapists/\(missing)/pdfs")
            let post = try await f.upload(missing, body: Array("{}".utf8), contentType: "application/json")
            let delete = try await f.api.call(.delete, "/api/therapists/\(missing)/pdfs")
            let deleteOne = try await f.api.call(.delete, "/api/therapists/\(missing)/pdfs?filename=a.pdf")
            let outcomes = [(get.status, get.message), (post.status, post.message), (delete.status, delete.message),
                            (deleteOne.status, deleteOne.message)]
            for (status, message) in outcomes {
                #expect(status == 404 && message == "Therapist not found")
            }
            #expect(!FileManager.default.fileExists(atPath: f.base + "/\(missing)"))
        }
    }

    @Test("multipart and form errors → 400 with clear messages, nothing written")
    func formErrors() async throws {
        try await PDFFixture.with { f in
            let id = try await f.therapist()
            let cases: [(body: [UInt8], type: String?, message: String)] = [
                (M.file("a.pdf", M.pdf), "multipart/form-data", "Content-Type multipart/form-data requires a boundary parameter"),
                (M.file("a.pdf", M.pdf), "application/json", "Content-Type must be multipart/form-data"),
                (M.file("a.pdf", M.pdf), nil, "Content-Type must be multipart/form-data"),
                (Array(M.file("a.pdf", M.pdf).dropLast(4)), M.contentType, "Malformed multipart body: the closing boundary is missing"),
                (M.body([("name=\"other\"; filename=\"a.pdf\"", M.pdf)]), M.contentType, "No file provided in request"),
                (M.body([("name=\"file\"", M.pdf)]), M.contentType, "No file provided in request"),
                (M.file("", M.pdf), M.contentType, "No file selected"),
                (M.file("a.txt", M.pdf), M.contentType, "File type not allowed. Only PDF files are accepted."),
                (M.file("pdf", M.pdf), M.contentType, "File type not allowed. Only PDF files are accepted."),
                (M.file("a.pdf", Array("GIF89a".utf8)), M.contentType, "Invalid PDF file"),
                (M.file("a.pdf", []), M.contentType, "Invalid PDF file"),
            ]
            for item in cases {
                let response = try await f.upload(id, body: item.body, contentType: item.type)
                #expect(response.status == 400 && response.message == item.message, "\(item.message): \(response.text)")
            }
            #expect(!FileManager.default.fileExists(atPath: f.base + "/\(id)"))
        }
    }

    @Test("a file of exactly 10 MiB is stored, one byte more is 400, a larger body is 413")
    func sizes() async throws {
        try await PDFFixture.with { f in
            let id = try await f.therapist()
            let limit = M.pdf + [UInt8](repeating: 0x41, count: PDFRoutes.maxFileBytes - M.pdf.count)
            let fits = try await f.upload(id, filename: "big.pdf", content: limit)
            #expect(fits.status == 201)
            let tooLarge = try await f.upload(id, filename: "bigger.pdf", content: limit + [0x41])
            #expect(tooLarge.status == 400 && tooLarge.message == "File too large. Maximum size is 10.0MB")
            #expect(f.stored(id) == ["big.pdf"])
            let port = f.port
            let response = try await blocking { () -> RawResponse? in
                let client = try RawClient(port: port)
                client.send("POST /api/therapists/\(id)/pdfs HTTP/1.1\r\nHost: test\r\nContent-Type: \(M.contentType)\r\n"
                            + "Content-Length: \(PDFRoutes.maxBodyBytes + 1)\r\n\r\n")
                return client.readResponse()
            }
            #expect(response?.status == 413)
        }
    }

    @Test("traversal in upload names is sanitised into the folder; in delete names refused")
    func traversal() async throws {
        try await PDFFixture.with { f in
            let id = try await f.therapist()
            try FileManager.default.createDirectory(atPath: f.base, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: f.base + "/outside.pdf", contents: Data(M.pdf))
            for (uploaded, stored) in [("../../etc/passwd.pdf", "etc_passwd.pdf"), ("..\\x.pdf", "x.pdf"),
                                       ("/tmp/abs.pdf", "tmp_abs.pdf"), ("../outside.pdf", "outside.pdf")] {
                let response = try await f.upload(id, filename: uploaded)
                #expect(response.status == 201 && response.json["filename"] == .string(stored), "\(uploaded): \(response.text)")
            }
            let star = M.body([("name=\"file\"; filename*=UTF-8''..%2F..%2Fstar.pdf", M.pdf)])
            #expect(try await f.upload(id, body: star).json["filename"] == "star.pdf")
            #expect(f.stored(id) == ["etc_passwd.pdf", "outside.pdf", "star.pdf", "tmp_abs.pdf", "x.pdf"])
            #expect(try FileManager.default.contentsOfDirectory(atPath: f.base).sorted() == ["\(id)", "outside.pdf"])

            // The absolute escape aims at the sentinel in this fixture's folder, never at a system file.
            let absolute = (f.base + "/outside.pdf").addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            for name in ["../outside.pdf", "..", "x/../x.pdf", absolute, "..%5Coutside.pdf", "missing.pdf"] {
                let response = try await f.api.call(.delete, "/api/therapists/\(id)/pdfs?filename=\(name)")
                let decoded = name.removingPercentEncoding!
                #expect(response.status == 400 && response.message == "Failed to delete file \(decoded)", "\(name)")
            }
            #expect(FileManager.default.fileExists(atPath: f.base + "/outside.pdf"))
            #expect(f.stored(id).count == 5)
        }
    }
}
