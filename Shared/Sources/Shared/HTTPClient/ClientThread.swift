import Glibc

/// Minimal pthread helpers for `ClientWorkerPool`.
enum ClientThread {
    private final class Entry {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    /// Starts a detached thread running `body`.
    static func start(_ body: @escaping () -> Void) {
        let context = Unmanaged.passRetained(Entry(body)).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(&thread, nil, { raw in
            Unmanaged<Entry>.fromOpaque(raw!).takeRetainedValue().body()
            return nil
        }, context)
        guard result == 0 else {
            Unmanaged<Entry>.fromOpaque(context).release()
            fatalError("HTTPClient: pthread_create failed (\(result))")
        }
        pthread_detach(thread)
    }

    /// `CLOCK_MONOTONIC` now plus `duration`, for `pthread_cond_timedwait`.
    static func monotonicTimespec(after duration: Duration) -> timespec {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let (seconds, attoseconds) = duration.components
        var nanos = Int(now.tv_nsec) + Int(attoseconds / 1_000_000_000)
        var secs = Int(now.tv_sec) + Int(min(seconds, 1 << 31))
        if nanos >= 1_000_000_000 {
            nanos -= 1_000_000_000
            secs += 1
        }
        return timespec(tv_sec: secs, tv_nsec: nanos)
    }
}
