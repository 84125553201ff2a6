import Testing
@testable import Shared

@Suite("PostgresError as HTTP problem")
struct PostgresErrorProblemTests {
    @Test("constraint violations are client errors, outages 503, programming errors a generic 500",
          arguments: [
              (PostgresError.Code.uniqueViolation, 409), (.foreignKeyViolation, 409), (.checkViolation, 400),
              (.notNullViolation, 400), (.serializationFailure, 409), (.deadlock, 409), (.queryCanceled, 503),
              (.unavailable, 503), (.connectionLost, 503), (.syntax, 500), (.other, 500),
          ])
    func statusFor(code: PostgresError.Code, status: Int) async throws {
        var router = Router()
        router.get("/fail") { _, _ in throw PostgresError(code, sqlState: "XX000", detail: "secret patient name") }
        let responder = Responder(router: router, logger: Logger(service: "test", level: .critical, sink: .memory()),
                                  metrics: HTTPMetrics(registry: MetricsRegistry()))
        let response = await responder.respond(to: try Request(method: .get, target: "/fail"))
        #expect(response.status.code == status)
        #expect(!String(decoding: response.body, as: UTF8.self).contains("secret"))
    }
}
