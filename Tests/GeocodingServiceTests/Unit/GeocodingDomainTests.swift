import Synchronization
import Testing
import Shared
@testable import GeocodingService

@Suite("Geocoding domain")
struct GeocodingDomainTests {
    @Test("PLZ shortcut: the first standalone 5-digit number from 1001 to 99998", arguments: [
        ("Hauptstr. 1, 52062 Aachen", "52062"), ("01067 Dresden", "01067"), ("00000 Nirgendwo", nil),
        ("99999", nil), ("52062Aachen", nil), ("Haus 123456, 10115 Berlin", "10115"), ("PLZ:52064", "52064"),
        ("00999 x 10115", "10115"), ("Straße_52062", nil), ("ä52062", nil), ("Berlin", nil),
    ] as [(String, String?)])
    func plzExtraction(text: String, plz: String?) {
        #expect(PLZExtraction.plz(in: text) == plz)
    }

    @Test("Haversine: mean radius 6371.0088 km, 2 decimals; Aachen–Berlin centroids ≈ 535 km; pole to pole 20015.11 km")
    func haversine() {
        let km = Haversine.distanceKm(FakeCentroids.aachen, FakeCentroids.berlin)
        #expect(km > 500 && km < 560 && km == (km * 100).rounded() / 100, "\(km)")
        #expect(Haversine.distanceKm(Coordinates(latitude: 90, longitude: 0), Coordinates(latitude: -90, longitude: 0)) == 20015.11)
        #expect(Haversine.distanceKm(FakeCentroids.aachen, FakeCentroids.aachen) == 0)
    }

    @Test("coordinates round to 6 decimals for every cache key")
    func rounding() {
        #expect(Coordinates(latitude: 52.5200004, longitude: 13.4049996).rounded == Coordinates(latitude: 52.52, longitude: 13.405))
    }

    @Test("memory cache: TTL, capacity with least-recently-used eviction")
    func memoryCache() {
        let clock = Mutex(ContinuousClock.now)
        let cache = MemoryCache<Int>(capacity: 2, ttl: .seconds(10), now: { clock.withLock { $0 } })
        cache.set("a", 1)
        cache.set("b", 2)
        #expect(cache.get("a") == 1)
        cache.set("c", 3)
        #expect(cache.get("b") == nil && cache.get("a") == 1 && cache.get("c") == 3, "b was least recently used")
        clock.withLock { $0 = $0 + .seconds(11) }
        #expect(cache.get("a") == nil && cache.count <= 2)
    }

    @Test("addresses with known PLZ use centroids (no Nominatim); the route comes from OSRM, then the caches")
    func routedThenCached() async {
        let upstream = FakeUpstream()
        let calculator = DistanceCalculator.make(upstream)
        let first = await calculator.distance(from: .address("Markt 1, 52062 Aachen"), to: .address("10115 Berlin"), mode: .car,
                                              useCache: true, usePLZFallback: true)
        guard case .routed(let km) = first else { Issue.record("\(first)"); return }
        #expect(km > 600)
        let second = await calculator.distance(from: .address("52062 Aachen"), to: .address("10115 Berlin"), mode: .car,
                                               useCache: true, usePLZFallback: true)
        #expect(second == .cached(km: km, routed: true))
        let uncached = await calculator.distance(from: .address("52062 Aachen"), to: .address("10115 Berlin"), mode: .car,
                                                 useCache: false, usePLZFallback: true)
        #expect(uncached == .routed(km: km))
        #expect(upstream.calls.withLock { $0.search } == 0 && upstream.calls.withLock { $0.route } == 2)
    }

    @Test("without a route: Haversine, cached as a straight line (not as a route)")
    func straightLine() async {
        let upstream = FakeUpstream(routes: false)
        let calculator = DistanceCalculator.make(upstream)
        let first = await calculator.distance(from: .point(FakeCentroids.aachen), to: .point(FakeCentroids.berlin), mode: .transit,
                                              useCache: true, usePLZFallback: true)
        let km = Haversine.distanceKm(FakeCentroids.aachen, FakeCentroids.berlin)
        #expect(first == .straightLine(km: km))
        let second = await calculator.distance(from: .point(FakeCentroids.aachen), to: .point(FakeCentroids.berlin), mode: .transit,
                                               useCache: true, usePLZFallback: true)
        #expect(second == .cached(km: km, routed: false))
    }

    @Test("unknown places cannot be resolved; geocoded places are cached for the next request")
    func geocoding() async {
        let munich = Place(coordinates: Coordinates(latitude: 48.14, longitude: 11.58), displayName: "München", addressComponents: [:])
        let upstream = FakeUpstream(places: ["Munich": munich])
        let calculator = DistanceCalculator.make(upstream)
        let unknown = await calculator.distance(from: .address("Nowhere12345"), to: .address("Munich"), mode: .car,
                                                useCache: true, usePLZFallback: true)
        #expect(unknown == .unresolved)
        for _ in 0..<3 {
            _ = await calculator.distance(from: .address("52062 Aachen"), to: .address("  MUNICH "), mode: .car, useCache: true,
                                          usePLZFallback: true)
        }
        let searches = upstream.calls.withLock { $0.search }
        #expect(searches == 2, "Nowhere once; Munich once (normalised key), then from the memory cache")
    }

    @Test("concurrent callers of one key share one computation; a later call computes again")
    func singleFlight() async {
        let flight = SingleFlight<Int>()
        let gate = AsyncSignal(), runs = Mutex(0)
        let work: @Sendable () async -> Int = {
            let run = runs.withLock { $0 += 1; return $0 }
            await gate.wait()
            return run
        }
        await withTaskGroup(of: Int.self) { group in
            for _ in 0..<5 { group.addTask { await flight.run("berlin", work) } }
            // Wait until all five joined the one computation, then let it finish.
            var spins = 0
            while flight.callers("berlin") < 5, spins < 10_000_000 { spins += 1; await Task.yield() }
            #expect(flight.callers("berlin") == 5)
            gate.fire()
            for await value in group { #expect(value == 1) }
        }
        #expect(runs.withLock { $0 } == 1 && flight.callers("berlin") == 0)
        #expect(await flight.run("berlin", work) == 2)
    }
}
