import Glibc

/// Deadline arithmetic for `ClientWorkerPool`'s `pthread_cond_timedwait` (threads come from `OwnedThread`).
enum ClientThread {
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
