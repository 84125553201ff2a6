import Testing
import Shared
import TestSupport
@testable import GeocodingService

@Suite("Nominatim search and reverse")
struct NominatimClientTests {
    @Test("search parses lat/lon strings, display_name and address")
    func searchBerlin() async throws {
        try await withUpstream { f in
            let place = try #require(await f.upstream.search("Berlin, Germany"))
            #expect(place.coordinates == Coordinates(latitude: 52.5200066, longitude: 13.404954))
            #expect(place.displayName == "Berlin, Deutschland")
            #expect(place.addressComponents["city"]?.stringValue == "Berlin")
            let request = try #require(f.fake.received.first)
            #expect(request.path == "/search")
            #expect(request.query.pairs.map(\.name) == ["q", "format", "limit", "addressdetails"])
            #expect(request.query["q"] == "Berlin, Germany" && request.query["format"] == "json")
            #expect(request.query["limit"] == "1" && request.query["addressdetails"] == "1")
        }
    }

    @Test("the stub's places of external.md §4.1 resolve near their expected coordinates")
    func knownPlaces() async throws {
        try await withUpstream { f in
            let expected: [(String, Double, Double)] = [
                ("München, Deutschland", 48.14, 11.58), ("Munich", 48.14, 11.58), ("Hamburg", 53.55, 10.0),
                ("Dresden", 51.05, 13.74), ("52062 Aachen", 50.776, 6.084), ("Berlin", 52.52, 13.40),
            ]
            for (query, lat, lon) in expected {
                let place = try #require(await f.upstream.search(query), "\(query)")
                #expect(abs(place.coordinates.latitude - lat) < 0.01 && abs(place.coordinates.longitude - lon) < 0.01)
            }
        }
    }

    @Test("unknown places (empty array) are nil")
    func unknownPlace() async throws {
        try await withUpstream { f in
            for query in ["NonExistentCity12345XYZ", "NonExistentPlace12345", "AnotherFakePlace98765"] {
                #expect(await f.upstream.search(query) == nil)
            }
            #expect(f.fake.count(.search) == 3)
            #expect(f.pauses.recorded.isEmpty)
        }
    }

    @Test("an address with & # / ? + = % and umlauts stays one q value")
    func queryEncoding() async throws {
        try await withUpstream { f in
            let address = "Müller & Söhne #3/4? a+b=c 100% Straße"
            _ = await f.upstream.search(address)
            let request = try #require(f.fake.received.first)
            #expect(request.query.pairs.count == 4)
            #expect(request.query["q"] == address)
            #expect(request.path == "/search")
            #expect(request.target.hasPrefix("/search?q=M%C3%BCller%20%26%20S%C3%B6hne%20%233%2F4%3F%20a%2Bb%3Dc%20100%25%20Stra%C3%9Fe&format=json"))
        }
    }

    @Test("malformed hits are nil: non-numeric, non-finite or out-of-range lat/lon, non-array, non-JSON")
    func malformedSearchAnswers() async throws {
        let bodies = [
            #"[{"lat":"abc","lon":"13.4","display_name":"x"}]"#, #"[{"lat":"nan","lon":"13.4"}]"#,
            #"[{"lat":"inf","lon":"13.4"}]"#, #"[{"lat":"91","lon":"13.4"}]"#, #"[{"lat":"52.5","lon":"-180.5"}]"#,
            #"[{"lon":"13.4"}]"#, #"[{"lat":null,"lon":"13.4"}]"#, #"{"lat":"52.5","lon":"13.4"}"#, #"["x"]"#, #"{}"#,
        ]
        try await withUpstream(attempts: 1) { f in
            for body in bodies {
                f.fake.override(.search, body: body)
                #expect(await f.upstream.search("Berlin") == nil, "\(body)")
            }
        }
    }

    @Test("numeric lat/lon are accepted; missing address is {}, missing display_name is empty")
    func lenientHit() async throws {
        try await withUpstream { f in
            f.fake.override(.search, body: #"[{"lat":52.5,"lon":" 13.4 ","address":"not an object"}]"#)
            let place = try #require(await f.upstream.search("Berlin"))
            #expect(place.coordinates == Coordinates(latitude: 52.5, longitude: 13.4))
            #expect(place.displayName == "")
            #expect(place.addressComponents == .object(JSONObject()))
        }
    }

    @Test("reverse: the rounded input coordinates, display_name and address")
    func reverseBerlin() async throws {
        try await withUpstream { f in
            let place = try #require(await f.upstream.reverse(Coordinates(latitude: 52.5200004, longitude: 13.405)))
            #expect(place.coordinates == Coordinates(latitude: 52.52, longitude: 13.405))
            #expect(place.displayName == "Berlin, Deutschland")
            #expect(place.addressComponents["country_code"]?.stringValue == "de")
            let request = try #require(f.fake.received.first)
            #expect(request.target == "/reverse?lat=52.52&lon=13.405&format=json&addressdetails=1")
            let munich = try #require(await f.upstream.reverse(Coordinates(latitude: 48.1351, longitude: 11.582)))
            #expect(munich.displayName.contains("München"))
        }
    }

    @Test("reverse answering error, {} or an array is nil, without retries")
    func reverseErrors() async throws {
        try await withUpstream { f in
            #expect(await f.upstream.reverse(Coordinates(latitude: 0, longitude: 0)) == nil)
            #expect(await f.upstream.reverse(Coordinates(latitude: 200, longitude: 13.405)) == nil)
            #expect(f.fake.count(.reverse) == 2)
            for body in ["{}", "[]", #"{"error":"x","display_name":"y"}"#] {
                f.fake.override(.reverse, body: body)
                #expect(await f.upstream.reverse(Coordinates(latitude: 52.52, longitude: 13.405)) == nil)
            }
            #expect(f.fake.count(.reverse) == 5)
            #expect(f.pauses.recorded.isEmpty)
        }
    }
}
