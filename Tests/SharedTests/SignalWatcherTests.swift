#if canImport(Glibc)
import Glibc
#endif
import Testing
import Shared

@Test("SIGTERM to the process fires shutdownRequested instead of killing it")
func sigtermRequestsShutdown() async {
    let watcher = SignalWatcher(logger: Logger(service: "test", level: .critical, sink: .memory()))
    #expect(!watcher.shutdownRequested.isFired)
    kill(getpid(), SIGTERM)
    let fired = await watcher.shutdownRequested.wait(until: .now.advanced(by: .seconds(10)))
    #expect(fired)
}
