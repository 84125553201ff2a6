import Testing
import Synchronization
import Shared

/// Shared counters for the concurrency checks below.
private final class Probe: Sendable {
    let running = Atomic<Int>(0)
    let maximum = Atomic<Int>(0)
    let done = Atomic<Int>(0)

    func enter() { _ = maximum.max(running.add(1, ordering: .relaxed).newValue, ordering: .relaxed) }
    func leave() {
        running.subtract(1, ordering: .relaxed)
        done.add(1, ordering: .relaxed)
    }
}

@Suite("SerialThreadExecutor and AsyncLock")
struct ExecutorAndLockTests {
    @Test("tasks preferring the executor run one at a time on its own thread")
    func serialExecutor() async {
        let executor = SerialThreadExecutor(name: "test-serial")
        defer { executor.stop() }
        let probe = Probe()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<50 {
                group.addTask(executorPreference: executor) {
                    probe.enter()
                    for _ in 0..<1000 { _ = probe.running.load(ordering: .relaxed) }
                    probe.leave()
                }
            }
        }
        #expect(probe.maximum.load(ordering: .relaxed) == 1)
        #expect(probe.done.load(ordering: .relaxed) == 50)
    }

    @Test("AsyncLock keeps a holder exclusive across a suspension")
    func asyncLock() async {
        let lock = AsyncLock()
        let probe = Probe()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    await lock.withLock {
                        probe.enter()
                        await Task.yield()  // a suspension point inside the critical section
                        probe.leave()
                    }
                }
            }
        }
        #expect(probe.maximum.load(ordering: .relaxed) == 1)
        #expect(probe.done.load(ordering: .relaxed) == 20)
    }
}
