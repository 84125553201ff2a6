import Shared
import Synchronization
import TestSupport
@testable import GeocodingService

/// A clock that moves only when told to, and a sleeper that records and returns at once:
/// the upstream code's waits become assertions instead of real time.
final class ManualTime: Sendable {
    private let start = ContinuousClock.now
    private let offset = Mutex<Duration>(.zero)
    private let sleeps = Mutex<[Duration]>([])

    /// The current manual instant.
    var now: @Sendable () -> ContinuousClock.Instant { { [self] in start.advanced(by: offset.withLock { $0 }) } }
    /// Records the duration and returns without waiting.
    var sleep: Sleeper { { [self] duration throws(CancellationError) in sleeps.withLock { $0.append(duration) } } }
    /// Every duration passed to `sleep`, in order.
    var recorded: [Duration] { sleeps.withLock { $0 } }

    func advance(by duration: Duration) { offset.withLock { $0 += duration } }
}

/// `OSMUpstream` against a `FakeOSM` over real loopback HTTP, with recorded (not slept) waits.
struct UpstreamFixture {
    let fake: FakeOSM
    let http: HTTPClient
    let logs: LogSink
    /// The limiter's waits (manual clock that never advances: each request waits one interval more).
    let limiterTime = ManualTime()
    /// The back-off pauses between attempts.
    let pauses = ManualTime()
    let upstream: OSMUpstream
    static let userAgent = "Curavani-Test/1.0 (+https://www.curavani.com; test@curavani.com)"

    init(attempts: Int = 3, ratePerSecond: Double = 1, nominatimURL: String? = nil, osrmURL: String? = nil,
         carProfile: String = "car", transitProfile: String = "foot") async throws {
        fake = try await FakeOSM()
        http = HTTPClient(configuration: .init(requestTimeout: .seconds(5)))
        logs = LogSink.memory()
        let limiter = RateLimiter(requestsPerSecond: ratePerSecond, now: limiterTime.now, sleep: limiterTime.sleep)
        let client = UpstreamClient(
            transport: ObjectStorageSchemeTransport(httpClient: http), limiter: limiter, userAgent: Self.userAgent,
            maxAttempts: attempts, pause: pauses.sleep, logger: Logger(service: "geocoding", level: .debug, sink: logs))
        upstream = OSMUpstream(nominatimURL: nominatimURL ?? fake.url, osrmURL: osrmURL ?? fake.url,
                               carProfile: carProfile, transitProfile: transitProfile, client: client)
    }

    func stop() async {
        http.shutdown()
        await fake.stop()
    }
}

/// Runs `body` with a fresh fixture and always stops it.
func withUpstream(attempts: Int = 3, carProfile: String = "car", transitProfile: String = "foot",
                  _ body: (UpstreamFixture) async throws -> Void) async throws {
    let fixture = try await UpstreamFixture(attempts: attempts, carProfile: carProfile, transitProfile: transitProfile)
    do {
        try await body(fixture)
    } catch {
        await fixture.stop()
        throw error
    }
    await fixture.stop()
}
