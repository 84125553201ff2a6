import Testing
@testable import GeocodingService

@Suite("Upstream rate limiter")
struct RateLimiterTests {
    @Test("first request starts at once, the following ones are spaced by 1/rate")
    func spacesSequentialStarts() async throws {
        let time = ManualTime()
        let limiter = RateLimiter(requestsPerSecond: 2, now: time.now, sleep: time.sleep)
        #expect(limiter.interval == .milliseconds(500))
        for _ in 0..<3 { try await limiter.acquire() }
        #expect(time.recorded == [.milliseconds(500), .milliseconds(1000)])
    }

    @Test("a caller arriving after the interval does not wait; one arriving early waits the rest")
    func waitsOnlyTheRemainder() async throws {
        let time = ManualTime()
        let limiter = RateLimiter(requestsPerSecond: 1, now: time.now, sleep: time.sleep)
        try await limiter.acquire()
        time.advance(by: .seconds(5))
        try await limiter.acquire()
        #expect(time.recorded == [])
        time.advance(by: .milliseconds(300))
        try await limiter.acquire()
        #expect(time.recorded == [.milliseconds(700)])
    }

    @Test("concurrent callers each reserve their own slot: waits 0, 1, …, n-1 intervals")
    func fairUnderConcurrency() async throws {
        let time = ManualTime()
        let limiter = RateLimiter(requestsPerSecond: 1, now: time.now, sleep: time.sleep)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<10 { group.addTask { try await limiter.acquire() } }
            try await group.waitForAll()
        }
        #expect(time.recorded.sorted() == (1...9).map { Duration.seconds($0) })
    }

    @Test("fractional and high rates give the matching interval")
    func intervals() {
        #expect(RateLimiter(requestsPerSecond: 0.5).interval == .seconds(2))
        #expect(RateLimiter(requestsPerSecond: 1000).interval == .milliseconds(1))
    }

    @Test("the live sleeper ends early with CancellationError when the task is cancelled")
    func liveSleeperIsCancellable() async {
        let task = Task { () -> Bool in
            do throws(CancellationError) { try await Sleepers.task(.seconds(60)); return false } catch { return true }
        }
        task.cancel()
        #expect(await task.value)
    }
}
