import Foundation
import Testing
@testable import Shared

/// The middleware chain without sockets: `Responder.respond(to:)` on hand-made requests.
@Suite("Responder")
struct ResponderTests {
    let registry = MetricsRegistry()
    let sink = LogSink.memory()
    let responder: Responder

    init() {
        var router = Router()
        router.get("/items/{id}") { _, context in
            // What the handler sees: the context's id and the task-local one.
            .text("\(context.requestID) \(RequestID.current ?? "none") \(context.parameters["id"] ?? "")")
        }
        router.get("/problem") { _, _ in throw Problem(.unprocessableContent, "Bad date", code: "slot.date") }
        router.get("/crash") { _, _ in throw PlainError() }
        responder = Responder(router: router, logger: Logger(service: "test", level: .info, sink: sink),
                              metrics: HTTPMetrics(registry: registry))
    }

    private func respond(_ target: String, method: HTTPMethod = .get, id: String? = nil) async throws -> Response {
        let headers: HTTPHeaders = id.map { ["X-Request-Id": $0] } ?? [:]
        return await responder.respond(to: try Request(method: method, target: target, headers: headers))
    }

    @Test("a valid X-Request-Id is used by the handler and echoed")
    func validID() async throws {
        let response = try await respond("/items/1", id: "abc-123")
        #expect(response.headers["X-Request-Id"] == "abc-123")
        #expect(String(decoding: response.body, as: UTF8.self) == "abc-123 abc-123 1")
    }

    @Test("a missing or unsafe X-Request-Id is replaced by a generated one the handler also sees",
          arguments: [nil, "", "a b", "quote\"d", "back\\slash", String(repeating: "y", count: 129)])
    func generatedID(_ sent: String?) async throws {
        let response = try await respond("/items/1", id: sent)
        let id = try #require(response.headers["X-Request-Id"])
        #expect(id != sent)
        #expect(RequestID.isAcceptable(id))
        #expect(String(decoding: response.body, as: UTF8.self) == "\(id) \(id) 1")
    }

    @Test("every response carries the id, also 404s and problems")
    func idOnEveryResponse() async throws {
        #expect(try await respond("/nowhere", id: "n-1").headers["X-Request-Id"] == "n-1")
        #expect(try await respond("/problem", id: "p-1").headers["X-Request-Id"] == "p-1")
    }

    @Test("a thrown Problem becomes its status and problem body")
    func problemMapping() async throws {
        let response = try await respond("/problem")
        #expect(response.status == .unprocessableContent)
        #expect(response.headers["Content-Type"] == Problem.contentType)
        let body = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
        #expect(body["message"] as? String == "Bad date")
        #expect(body["code"] as? String == "slot.date")
        #expect(body["status"] as? Int == 422)
    }

    @Test("any other error becomes a generic 500; only its type is logged")
    func plainErrorMapping() async throws {
        let response = try await respond("/crash", id: "c-1")
        #expect(response.status == .internalServerError)
        #expect(String(decoding: response.body, as: UTF8.self).contains(#""message":"Internal Server Error""#))
        let errorLine = sink.capturedLines.first { $0.contains("unhandled error") }
        #expect(errorLine?.contains("PlainError") == true)
        #expect(errorLine?.contains("c-1") == true)
        #expect(sink.capturedLines.allSatisfy { !$0.contains("secret") })
    }

    @Test("metrics are recorded by route template, never by raw path")
    func metricsByTemplate() async throws {
        _ = try await respond("/items/1")
        _ = try await respond("/items/2")
        _ = try await respond("/items/3", method: .head)
        _ = try await respond("/nowhere/4")
        let text = registry.render()
        #expect(text.contains(#"http_requests_total{method="GET",route="/items/{id}",status="200"} 2"#))
        #expect(text.contains(#"http_requests_total{method="HEAD",route="/items/{id}",status="200"} 1"#))
        #expect(text.contains(#"http_requests_total{method="GET",route="unmatched",status="404"} 1"#))
        #expect(!text.contains("/items/1") && !text.contains("/nowhere/4"))
        #expect(text.contains(#"http_request_duration_seconds_count{method="GET",route="/items/{id}"} 2"#))
    }

    @Test("405 carries Allow; invalid paths are 400")
    func routingOutcomes() async throws {
        let notAllowed = try await respond("/items/1", method: .post)
        #expect(notAllowed.status == .methodNotAllowed)
        #expect(notAllowed.headers["Allow"] == "GET, HEAD")
        #expect(try await respond("/items/%2e%2e").status == .badRequest)
    }
}
