import Synchronization

extension Health {
    /// Registers `/health` (the legacy path: readiness in the spec's shape, 200/503),
    /// `/health/live` (process is serving, no external checks) and `/health/ready`.
    public func register(on router: inout Router) {
        router.get("/health") { [self] _, _ in readinessResponse() }
        router.get("/health/ready") { [self] _, _ in readinessResponse() }
        router.get("/health/live") { [self] _, _ in
            Response.json(bytes: snapshot.withLock { $0.liveBody })
        }
    }

    private func readinessResponse() -> Response {
        let (ready, body) = snapshot.withLock { ($0.ready, $0.readyBody) }
        return Response.json(bytes: body, status: ready ? .ok : .serviceUnavailable)
    }
}
