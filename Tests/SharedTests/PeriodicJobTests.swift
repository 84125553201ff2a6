import Synchronization
import Testing
import Shared

@Suite("PeriodicJob")
struct PeriodicJobTests {
    final class Counter: Sendable {
        let state = Mutex((runs: 0, running: 0, most: 0))
        func enter() -> Int { state.withLock { $0.runs += 1; $0.running += 1; $0.most = max($0.most, $0.running); return $0.runs } }
        func leave() { state.withLock { $0.running -= 1 } }
    }

    @Test("started, it runs at once; on demand runs never overlap; stop ends the loop")
    func runsAndNeverOverlaps() async throws {
        let counter = Counter(), first = AsyncSignal()
        let job = PeriodicJob(name: "test-job", interval: .seconds(3600)) { () async -> Int in
            let run = counter.enter()
            await Task.yield()
            counter.leave()
            first.fire()
            return run
        }
        job.start()
        #expect(await first.wait(until: .now + .seconds(30)), "the first run happens at start")
        async let a = job.runNow()
        async let b = job.runNow()
        let runs = await [a, b]
        #expect(Set(runs).count == 2)
        await job.stop(until: .now + .seconds(30))
        let state = counter.state.withLock { $0 }
        #expect(state.runs == 3 && state.most == 1, "three runs (start + two on demand), one at a time")
    }

    @Test("stop is harmless when the loop never started; runNow works without it")
    func stopWithoutStart() async {
        let job = PeriodicJob(name: "test-idle", interval: .seconds(1)) { 42 }
        #expect(await job.runNow() == 42)
        await job.stop(until: .now + .seconds(5))
    }
}
