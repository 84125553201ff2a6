import Dispatch
import Testing
@testable import Shared

@Suite("HandlerExecutor", .timeLimit(.minutes(1)))
struct HandlerExecutorTests {
    @Test("tasks preferring the executor run to completion across suspensions, also in held batches")
    func runsBatchesAndResumptions() async {
        let executor = HandlerExecutor(threads: 2)
        defer { executor.stop() }
        let finished = await withTaskGroup(of: Int.self) { group in
            executor.hold()
            for index in 0..<500 {
                group.addTask(executorPreference: executor) {
                    await Task.yield()
                    // Resumed from a Dispatch thread, then back on the executor.
                    await withCheckedContinuation { continuation in
                        DispatchQueue.global().async { continuation.resume() }
                    }
                    if index % 2 == 0 { await Task.yield() }
                    return 1
                }
            }
            executor.release()
            return await group.reduce(0, +)
        }
        #expect(finished == 500)
    }

    @Test("jobs arriving after stop still run (on Dispatch threads)")
    func runsAfterStop() async {
        let executor = HandlerExecutor(threads: 1)
        executor.stop()
        let value = await Task(executorPreference: executor) { 41 + 1 }.value
        #expect(value == 42)
    }
}
