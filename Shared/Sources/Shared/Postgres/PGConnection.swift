#if canImport(Glibc)
import Glibc
#endif
internal import CLibPQ
import Synchronization

/// One libpq connection. Invariant: `handle` is touched only by jobs on `worker` (one owned
/// thread); that single rule makes `@unchecked Sendable` honest. libpq forbids concurrent use
/// of one PGconn; `PQcancel` with the cancel token is documented as thread-safe.
final class PGConnection: @unchecked Sendable {
    private let handle: OpaquePointer        // PGconn *: only on `worker`
    private let cancelToken: OpaquePointer?  // PGcancel *: made once at connect
    private let worker: PGWorker
    /// Set on `worker` when the connection can no longer be trusted (lost, stuck after cancel).
    private var poisoned = false
    /// `isUsable` as read on `worker` at the end of the last job (true after connecting), so a
    /// check-in needs no extra round trip to the worker thread.
    private let usableAfterLastJob = Atomic<Bool>(true)

    private init(handle: OpaquePointer, worker: PGWorker) {
        self.handle = handle
        self.worker = worker
        cancelToken = PQgetCancel(handle)
    }

    /// Opens a connection on a new worker thread. Failures are `.unavailable`.
    static func connect(_ parameters: [(String, String)], requireUTC: Bool) async throws -> PGConnection {
        let worker = PGWorker(name: "pg-conn")
        do {
            return try await withCheckedThrowingContinuation { continuation in
                let submitted = worker.submit {
                    continuation.resume(with: Result { try open(parameters, requireUTC: requireUTC, worker: worker) })
                }
                if !submitted { continuation.resume(throwing: PostgresError(.unavailable)) }
            }
        } catch {
            worker.stop()
            throw error
        }
    }

    @available(*, noasync, message: "Blocks the thread; runs on the connection's worker")
    private static func open(_ parameters: [(String, String)], requireUTC: Bool, worker: PGWorker) throws -> PGConnection {
        let keywords = parameters.map { strdup($0.0) }, values = parameters.map { strdup($0.1) }
        defer { (keywords + values).forEach { free($0) } }
        let keywordPointers = keywords.map { UnsafePointer($0) } + [nil]
        let valuePointers = values.map { UnsafePointer($0) } + [nil]
        guard let handle = PQconnectdbParams(keywordPointers, valuePointers, 0) else {
            throw PostgresError(.unavailable, detail: "out of memory")
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let detail = String(cString: PQerrorMessage(handle))
            PQfinish(handle)
            throw PostgresError(.unavailable, detail: detail)
        }
        let connection = PGConnection(handle: handle, worker: worker)
        if requireUTC {
            let dateStyle = connection.parameterStatus("DateStyle"), zone = connection.parameterStatus("TimeZone")
            guard dateStyle.hasPrefix("ISO"), zone == "UTC" || zone == "Etc/UTC" else {
                connection.finish()
                throw PostgresError(.other, detail: "server reports DateStyle=\(dateStyle) TimeZone=\(zone); "
                                    + "set the database defaults to ISO and UTC")
            }
        }
        return connection
    }

    /// Runs `work` on the worker thread. Task cancellation asks the server to abort the
    /// running statement (`PQcancel`), which then fails with `.queryCanceled`.
    func run<T: Sendable>(_ work: @escaping @Sendable (PGConnection) throws -> T) async throws -> T {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let submitted = worker.submit {
                    let result = Result { try work(self) }
                    self.usableAfterLastJob.store(self.isUsable, ordering: .releasing)
                    continuation.resume(with: result)
                }
                if !submitted {
                    usableAfterLastJob.store(false, ordering: .releasing)
                    continuation.resume(throwing: PostgresError(.connectionLost, detail: "closed"))
                }
            }
        } onCancel: {
            cancel()
        }
    }

    /// Asks the server to cancel the running statement; harmless when idle. Thread-safe.
    func cancel() {
        guard let cancelToken else { return }
        var message = [CChar](repeating: 0, count: 256)
        _ = PQcancel(cancelToken, &message, Int32(message.count))
    }

    /// Whether the connection is still usable (status OK, not poisoned).
    @available(*, noasync, message: "Runs on the connection's worker")
    var isUsable: Bool { !poisoned && PQstatus(handle) == CONNECTION_OK }

    /// `isUsable` as of the end of the last `run` job; readable from any thread. Nothing else
    /// touches the connection between jobs, so this is what a new job would read.
    var wasUsableAfterLastJob: Bool { usableAfterLastJob.load(ordering: .acquiring) }

    /// Closes the connection and ends the worker thread after the queued jobs.
    func close() {
        worker.submit { [self] in finish() }
        worker.stop()
    }

    private func finish() {
        if let cancelToken { PQfreeCancel(cancelToken) }
        PQfinish(handle)
    }

    private func parameterStatus(_ name: String) -> String {
        PQparameterStatus(handle, name).map { String(cString: $0) } ?? ""
    }

    /// Marks the connection unusable (called on the worker).
    func poison() { poisoned = true }

    /// The raw handle, for `execute` (worker only).
    var connectionHandle: OpaquePointer { handle }
}
