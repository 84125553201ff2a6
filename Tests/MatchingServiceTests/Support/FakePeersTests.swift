import Testing
import Shared
import TestSupport

/// The fakes answer every route once with the real services' shapes.
@Suite("FakePeers")
struct FakePeersTests {
    /// `method url` with an optional JSON body through Shared's `HTTPClient`: status and parsed body.
    static func call(_ http: HTTPClient, _ method: HTTPMethod, _ url: String,
                     _ body: JSONValue? = nil) async throws -> (status: Int, json: JSONValue) {
        let request = HTTPClientRequest(method: method, url: url, headers: body == nil ? [:] : ["Content-Type": "application/json"],
                                        body: body.map { JSONWriter().bytes($0) })
        let response = try await http.execute(request)
        return (response.status.code, (try? JSONParser.parse(response.body)) ?? .null)
    }

    @Test("patient and therapist lists, reads, PUTs and PDFs")
    func people() async throws {
        let peers = try await FakePeers(), http = HTTPClient()
        defer { http.shutdown() }
        peers.addPatient(["id": 2, "plz": "10115", "status": "auf_der_Suche"])
        peers.addPatient(["id": 1, "plz": "20095", "status": "offen"])
        peers.addTherapist(["id": 7, "vorname": "Anna", "nachname": "Zettel", "plz": "10117", "status": "aktiv"])
        let list = try await Self.call(http, .get, peers.patientURL + "/api/patients?ids=1,2,3&limit=1000")
        #expect(list.status == 200 && list.json["data"]?.arrayValue?.map { $0["id"]?.intValue } == [1, 2])
        #expect(list.json["page"] == 1 && list.json["limit"] == 1000 && list.json["total"] == 2)
        let prefix = try await Self.call(http, .get, peers.patientURL + "/api/patients?plz_prefix=%201%20&status=auf_der_Suche")
        #expect(prefix.json["data"]?.arrayValue?.map { $0["id"]?.intValue } == [2])
        #expect(try await Self.call(http, .get, peers.patientURL + "/api/patients?ids=x").json["message"]
                    == "Invalid ids parameter. Use comma-separated integers.")
        #expect(try await Self.call(http, .get, peers.patientURL + "/api/patients/9").json == ["message": "Patient not found"])
        let put = try await Self.call(http, .put, peers.patientURL + "/api/patients/1", ["status": "in_Therapie"])
        #expect(put.status == 200 && put.json == ["id": 1, "plz": "20095", "status": "in_Therapie"])
        #expect(peers.patient(1)?["status"] == "in_Therapie")
        let therapists = try await Self.call(http, .get, peers.therapistURL + "/api/therapists?status=aktiv&plz_prefix=10&ids=7")
        #expect(therapists.json["data"]?.arrayValue?.count == 1 && therapists.json["total"] == 1)
        #expect(try await Self.call(http, .get, peers.therapistURL + "/api/therapists/7").json["nachname"] == "Zettel")
        _ = try await Self.call(http, .put, peers.therapistURL + "/api/therapists/7", ["status": "gesperrt"])
        #expect(peers.therapist(7)?["status"] == "gesperrt")
        peers.setPDFs(therapist: 7, [(filename: "b.pdf", path: "/nowhere/b.pdf"), (filename: "a.pdf", path: "/nowhere/a.pdf")])
        let pdfs = try await Self.call(http, .get, peers.therapistURL + "/api/therapists/7/pdfs")
        #expect(pdfs.json["therapist_name"] == "Anna Zettel" && pdfs.json["pdf_count"] == 2)
        #expect(pdfs.json["pdfs"]?.arrayValue?.first?.objectValue?.keys
                    == ["filename", "path", "size", "size_mb", "modified", "modified_datetime"])
        #expect(try await Self.call(http, .get, peers.therapistURL + "/api/therapists/8/pdfs").status == 404)
        peers.failing(.patient, with: .internalServerError)
        #expect(try await Self.call(http, .get, peers.patientURL + "/api/patients/1").status == 500)
        #expect(peers.requests.filter { $0.peer == .patient }.count == 6)
        await peers.stop()
    }

    @Test("distances decode the query; emails and phone calls get ids from 1000")
    func distanceAndCommunication() async throws {
        let peers = try await FakePeers(), http = HTTPClient()
        defer { http.shutdown() }
        peers.setDistance(from: "Berlin Mitte", to: "10115 Berlin", km: 3.5)
        let url = peers.geocodingURL + "/api/calculate-distance?origin=Berlin+Mitte&destination=10115%20Berlin&travel_mode=transit"
        let known = try await Self.call(http, .get, url)
        #expect(known.json == ["distance_km": 3.5, "status": "success", "source": "fake", "travel_mode": "transit",
                               "route_available": true])
        #expect(try await Self.call(http, .get, peers.geocodingURL + "/api/calculate-distance?origin=a&destination=b")
                    .json["distance_km"] == 1.0)
        peers.setDefaultDistance(nil)
        let unknown = try await Self.call(http, .get, peers.geocodingURL + "/api/calculate-distance?origin=a&destination=b")
        #expect(unknown.status == 400 && unknown.json["message"] != nil && peers.distanceRequests == 3)
        let email = try await Self.call(http, .post, peers.communicationURL + "/api/emails", ["betreff": "Hallo"])
        #expect(email.status == 201 && email.json == ["id": 1000, "betreff": "Hallo"] && peers.emails == [email.json])
        let update = try await Self.call(http, .put, peers.communicationURL + "/api/emails/1000", ["status": "Gesendet"])
        #expect(update.status == 200 && update.json["status"] == "Gesendet" && peers.emailUpdates.first?.id == 1000)
        let call = try await Self.call(http, .post, peers.communicationURL + "/api/phone-calls", ["therapist_id": 7])
        #expect(call.status == 201 && call.json["id"] == 1001 && peers.phoneCalls.count == 1)
        await peers.stop()
    }
}
