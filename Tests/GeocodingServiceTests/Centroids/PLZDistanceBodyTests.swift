import Testing
import Shared
@testable import GeocodingService

@Suite("calculate-plz-distance bodies")
struct PLZDistanceBodyTests {
    @Test("numbers are spelled like Python floats; keys in spec order")
    func body() {
        let origin = Coordinates(latitude: 50.7827, longitude: 6.0697), destination = Coordinates(latitude: 52.5314, longitude: 13.4)
        let text = String(decoding: PLZDistanceRoutes.body(km: 475.12, origin: origin, destination: destination), as: UTF8.self)
        #expect(text == #"{"distance_km":475.12,"status":"success","source":"plz_centroids","origin_centroid":{"latitude":50.7827,"longitude":6.0697},"destination_centroid":{"latitude":52.5314,"longitude":13.4}}"#)
        let zero = String(decoding: PLZDistanceRoutes.body(km: 0, origin: origin, destination: origin), as: UTF8.self)
        #expect(zero.hasPrefix(#"{"distance_km":0.0,"#))
        #expect(Haversine.distanceKm(origin, destination).description.split(separator: ".").last!.count <= 2)
    }

    @Test("the error body escapes what the client sent")
    func errorBody() {
        let response = GeocodingAnswer.error("Invalid origin PLZ format: a\"b", status: .badRequest)
        #expect(response.status == .badRequest && response.headers["Content-Type"] == "application/json")
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"status":"error","error":"Invalid origin PLZ format: a\"b"}"#)
    }
}
