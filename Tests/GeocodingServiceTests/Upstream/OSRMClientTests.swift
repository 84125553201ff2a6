import Testing
import Shared
import TestSupport
@testable import GeocodingService

@Suite("OSRM routes")
struct OSRMClientTests {
    static let berlin = Coordinates(latitude: 52.52, longitude: 13.405)
    static let munich = Coordinates(latitude: 48.1351, longitude: 11.582)

    @Test("route distance is routes[0].distance / 1000, unrounded; path is lon,lat;lon,lat")
    func routeBerlinMunich() async throws {
        try await withUpstream { f in
            let km = try #require(await f.upstream.routeKm(from: Self.berlin, to: Self.munich, mode: .car))
            let expected = Haversine.distanceKm(Self.berlin, Self.munich) * 1.3
            #expect(abs(km - expected) < 1e-9)
            #expect(km > 400 && km < 800)
            let request = try #require(f.fake.received.first)
            #expect(request.target == "/route/v1/car/13.405,52.52;11.582,48.1351"
                + "?overview=simplified&geometries=geojson&steps=true&annotations=distance%2Cduration")
            #expect(request.query["annotations"] == "distance,duration")
        }
    }

    @Test("the profile follows the mode: OSRM_PROFILE_CAR for car, OSRM_PROFILE_TRANSIT for transit")
    func profilesPerMode() async throws {
        try await withUpstream(carProfile: "driving", transitProfile: "walking") { f in
            _ = await f.upstream.routeKm(from: Self.berlin, to: Self.munich, mode: .car)
            _ = await f.upstream.routeKm(from: Self.berlin, to: Self.munich, mode: .transit)
            #expect(f.fake.received.map { $0.path.split(separator: "/")[2] } == ["driving", "walking"])
        }
        try await withUpstream { f in
            _ = await f.upstream.routeKm(from: Self.berlin, to: Self.munich, mode: .transit)
            #expect(f.fake.received.first?.path.hasPrefix("/route/v1/foot/") == true)
        }
    }

    @Test("code other than Ok is nil, without retries")
    func noRoute() async throws {
        try await withUpstream { f in
            f.fake.answerRoutes(code: "NoRoute")
            #expect(await f.upstream.routeKm(from: Self.berlin, to: Self.munich, mode: .car) == nil)
            #expect(f.fake.count(.route) == 1)
            f.fake.reset()
            #expect(await f.upstream.routeKm(from: Self.berlin, to: Self.munich, mode: .car) != nil)
        }
    }

    @Test("malformed route answers are nil")
    func malformedRoutes() async throws {
        let bodies = [
            #"{"code":"Ok","routes":[]}"#, #"{"code":"Ok"}"#, #"{"code":"Ok","routes":[{"distance":"12"}]}"#,
            #"{"code":"Ok","routes":[{"distance":-1}]}"#, #"{"routes":[{"distance":1000}]}"#, #"[]"#,
        ]
        try await withUpstream(attempts: 1) { f in
            for body in bodies {
                f.fake.override(.route, body: body)
                #expect(await f.upstream.routeKm(from: Self.berlin, to: Self.munich, mode: .car) == nil, "\(body)")
            }
            f.fake.override(.route, body: #"{"code":"Ok","routes":[{"distance":1234.5}]}"#)
            #expect(await f.upstream.routeKm(from: Self.berlin, to: Self.munich, mode: .car) == 1.2345)
        }
    }

    @Test("non-finite coordinates never reach the upstream")
    func nonFiniteInput() async throws {
        try await withUpstream { f in
            let bad = Coordinates(latitude: .nan, longitude: 13.4)
            #expect(await f.upstream.routeKm(from: bad, to: Self.munich, mode: .car) == nil)
            #expect(await f.upstream.reverse(Coordinates(latitude: 52.5, longitude: .infinity)) == nil)
            #expect(f.fake.totalCount == 0)
        }
    }
}
