import Testing
@testable import Shared

/// `AsyncSignal`: a one-shot event with cancellable waits and deadlines.
@Suite("AsyncSignal")
struct AsyncSignalTests {
    @Test("fire releases a waiter that started before it", .timeLimit(.minutes(1)))
    func fireReleasesWaiter() async {
        let signal = AsyncSignal(), waiting = AsyncSignal()
        let waiter = Task {
            waiting.fire()
            await signal.wait()
            return signal.isFired
        }
        await waiting.wait()
        #expect(!signal.isFired)
        signal.fire()
        #expect(await waiter.value)
    }

    @Test("waits after fire return at once; firing again is harmless")
    func waitAfterFire() async {
        let signal = AsyncSignal()
        signal.fire()
        signal.fire()
        await signal.wait()
        #expect(await signal.wait(until: .now.advanced(by: .seconds(-1))))
        #expect(signal.isFired)
    }

    @Test("cancelling a waiter ends its wait without firing the signal", .timeLimit(.minutes(1)))
    func cancellation() async {
        let signal = AsyncSignal(), waiting = AsyncSignal()
        let waiter = Task {
            waiting.fire()
            await signal.wait()
            return Task.isCancelled
        }
        await waiting.wait()
        waiter.cancel()
        #expect(await waiter.value)
        #expect(!signal.isFired)
    }

    @Test("wait(until:) gives up at the deadline when nothing fires", .timeLimit(.minutes(1)))
    func deadlinePasses() async {
        let signal = AsyncSignal()
        let clock = ContinuousClock()
        let start = clock.now
        #expect(await signal.wait(until: start.advanced(by: .milliseconds(50))) == false)
        #expect(clock.now >= start.advanced(by: .milliseconds(50)))
        #expect(await signal.wait(until: start) == false)
    }

    @Test("wait(until:) returns true when the signal fires before the deadline", .timeLimit(.minutes(1)))
    func firesBeforeDeadline() async {
        let signal = AsyncSignal(), waiting = AsyncSignal()
        let waiter = Task {
            waiting.fire()
            return await signal.wait(until: .now.advanced(by: .seconds(30)))
        }
        await waiting.wait()
        signal.fire()
        #expect(await waiter.value)
    }

    @Test("many waiters are all released by one fire", .timeLimit(.minutes(1)))
    func manyWaiters() async {
        let signal = AsyncSignal()
        await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<50 { group.addTask { await signal.wait(); return signal.isFired } }
            signal.fire()
            var released = 0
            for await fired in group where fired { released += 1 }
            #expect(released == 50)
        }
    }
}
