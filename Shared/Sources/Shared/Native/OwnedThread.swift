#if canImport(Glibc)
import Glibc
#endif
internal import CSystem

/// A dedicated OS thread the platform owns (event loops, libpq workers, signal watchers):
/// blocking work runs here, never on the Swift concurrency pool.
public final class OwnedThread: @unchecked Sendable {
    // `handle` is written once in `init` and read only by `join`.
    private var handle = pthread_t()

    /// Starts `body` on a new thread named `name` (at most 15 characters are kept by Linux).
    public init(name: String, _ body: @escaping @Sendable () -> Void) {
        let box = Unmanaged.passRetained(ThreadBody(name: name, body: body))
        let result = pthread_create(&handle, nil, { raw in
            let box = Unmanaged<ThreadBody>.fromOpaque(raw!).takeRetainedValue()
            _ = csys_set_thread_name(String(box.name.prefix(15)))
            box.body()
            return nil
        }, box.toOpaque())
        precondition(result == 0, "pthread_create failed: \(result)")
    }

    /// Waits for the thread to finish.
    public func join() { pthread_join(handle, nil) }

    /// Lets the thread release its resources by itself when it ends; do not `join` afterwards.
    public func detach() { pthread_detach(handle) }
}

private final class ThreadBody {
    let name: String
    let body: @Sendable () -> Void
    init(name: String, body: @escaping @Sendable () -> Void) { self.name = name; self.body = body }
}

/// Monotonic time in nanoseconds (CLOCK_MONOTONIC, a vDSO call: cheap enough per loop turn).
public enum MonotonicClock {
    /// Nanoseconds since an arbitrary fixed point.
    public static func nanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }
}

/// Facts about the machine.
public enum System {
    /// Online CPUs (at least 1).
    public static var activeProcessorCount: Int { max(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), 1) }
}
