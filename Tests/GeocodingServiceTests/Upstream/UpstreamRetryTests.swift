import Testing
import Shared
import TestSupport
@testable import GeocodingService

@Suite("Upstream request procedure (geocoding.md §2.5)")
struct UpstreamRetryTests {
    @Test("every request carries the configured User-Agent")
    func sendsUserAgent() async throws {
        try await withUpstream { f in
            _ = await f.upstream.search("Berlin, Germany")
            _ = await f.upstream.reverse(Coordinates(latitude: 52.52, longitude: 13.405))
            _ = await f.upstream.routeKm(from: Coordinates(latitude: 52.52, longitude: 13.405),
                                         to: Coordinates(latitude: 48.1351, longitude: 11.582), mode: .car)
            #expect(f.fake.totalCount == 3)
            #expect(f.fake.received.allSatisfy { $0.userAgent == UpstreamFixture.userAgent })
        }
    }

    @Test("429 waits min(2^attempt, 60) s before the next attempt, then succeeds")
    func backsOffOnTooManyRequests() async throws {
        try await withUpstream(attempts: 3) { f in
            f.fake.failNext(2, status: .tooManyRequests)
            let place = await f.upstream.search("Berlin")
            #expect(place != nil)
            #expect(f.fake.count(.search) == 3)
            #expect(f.pauses.recorded == [.seconds(1), .seconds(2)])
        }
    }

    @Test("the 429 back-off is capped at 60 s")
    func backOffCap() async throws {
        try await withUpstream(attempts: 9) { f in
            f.fake.failNext(8, status: .tooManyRequests)
            #expect(await f.upstream.search("Berlin") != nil)
            #expect(f.pauses.recorded == [1, 2, 4, 8, 16, 32, 60, 60].map { Duration.seconds($0) })
        }
    }

    @Test("500 then 200: one 1 s pause, then the answer")
    func retriesAfterServerError() async throws {
        try await withUpstream { f in
            f.fake.failNext(1, status: .internalServerError)
            #expect(await f.upstream.search("Hamburg")?.displayName == "Hamburg, Deutschland")
            #expect(f.fake.count(.search) == 2)
            #expect(f.pauses.recorded == [.seconds(1)])
        }
    }

    @Test("all attempts fail: exactly OSM_MAX_RETRIES requests, no pause after the last, nil")
    func allAttemptsFail() async throws {
        for attempts in [1, 3] {
            try await withUpstream(attempts: attempts) { f in
                f.fake.failNext(10, status: .internalServerError)
                #expect(await f.upstream.search("Berlin") == nil)
                #expect(f.fake.count(.search) == attempts)
                #expect(f.pauses.recorded == Array(repeating: .seconds(1), count: attempts - 1))
            }
        }
    }

    @Test("429 on every attempt: no pause after the last attempt")
    func noPauseAfterLastRateLimited() async throws {
        try await withUpstream(attempts: 2) { f in
            f.fake.failNext(2, status: .tooManyRequests)
            #expect(await f.upstream.search("Berlin") == nil)
            #expect(f.pauses.recorded == [.seconds(1)])
        }
    }

    @Test("a 200 with a body that is not JSON counts as a failed attempt")
    func invalidJSONIsRetried() async throws {
        try await withUpstream(attempts: 2) { f in
            f.fake.override(.search, body: "<html>busy</html>")
            #expect(await f.upstream.search("Berlin") == nil)
            #expect(f.fake.count(.search) == 2)
            #expect(f.pauses.recorded == [.seconds(1)])
        }
    }

    @Test("connection refused: logged, 1 s pauses, nil")
    func networkError() async throws {
        let fixture = try await UpstreamFixture(attempts: 3, nominatimURL: "http://127.0.0.9:9/")
        #expect(await fixture.upstream.search("Berlin") == nil)
        #expect(fixture.pauses.recorded == [.seconds(1), .seconds(1)])
        #expect(fixture.logs.capturedLines.count == 3)
        #expect(fixture.logs.capturedLines.allSatisfy { $0.contains("127.0.0.9:9") })
        await fixture.stop()
    }

    @Test("both upstreams share one rate limit: each further start waits one more interval")
    func sharedRateLimit() async throws {
        try await withUpstream { f in
            let berlin = Coordinates(latitude: 52.52, longitude: 13.405)
            _ = await f.upstream.search("Berlin")
            _ = await f.upstream.routeKm(from: berlin, to: berlin, mode: .car)
            _ = await f.upstream.reverse(berlin)
            #expect(f.limiterTime.recorded == [.seconds(1), .seconds(2)])
        }
    }

    @Test("logs name host, path template and status, never the address or coordinates")
    func logsCarryNoQuery() async throws {
        try await withUpstream(attempts: 2) { f in
            f.fake.failNext(2, status: .internalServerError)
            _ = await f.upstream.search("Musterstraße 12, 52062 Aachen")
            f.fake.failNext(2, status: .tooManyRequests)
            _ = await f.upstream.routeKm(from: Coordinates(latitude: 50.776351, longitude: 6.083887),
                                         to: Coordinates(latitude: 52.52, longitude: 13.405), mode: .car)
            let lines = f.logs.capturedLines
            #expect(lines.count == 4)
            #expect(lines.allSatisfy { !$0.contains("Muster") && !$0.contains("52062") && !$0.contains("6.083887") })
            #expect(lines.allSatisfy { !$0.contains("%20") && !$0.contains("q=") })
            #expect(lines[0].contains("\"upstream.route\":\"/search\"") && lines[0].contains("\"status\":\"500\""))
            #expect(lines[3].contains("/route/v1/{profile}/{coordinates}") && lines[3].contains("\"status\":\"429\""))
            #expect(lines.allSatisfy { $0.contains("127.0.0.1:") })
        }
    }
}
