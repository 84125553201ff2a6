import Testing
import Shared
import TestSupport
@testable import TherapistService

@Suite("PUT /api/therapists/{id}")
struct UpdateTherapistTests {
    @Test("a subset of fields changes; null leaves a value alone; updated_at becomes today")
    func partial() async throws {
        try await TherapistFixture.with { fixture in
            let therapist = try await fixture.createTherapist(["telefon": "0241 1", "email": "a@example.com"])
            let response = try await fixture.api.call(.put, "/api/therapists/\(therapist.id)",
                                                      #"{"telefon":"0241 2","email":null,"alter_max":"70","unknown":1}"#)
            #expect(response.status == 200)
            #expect(response.json["telefon"] == "0241 2" && response.json["email"] == "a@example.com")
            #expect(response.json["alter_max"] == 70 && response.json["alter_min"] == 0)
            #expect(response.json["updated_at"] == .string(LocalDate.today().description))
            #expect(response.json["created_at"] == therapist["created_at"])
            #expect(try await fixture.api.call(.get, "/api/therapists/\(therapist.id)").json == response.json)
        }
    }

    @Test("blocking and unblocking only change the row (no cascade, no peer call)")
    func statusWithoutCascade() async throws {
        try await TherapistFixture.with { fixture in
            let therapist = try await fixture.createTherapist()
            let blocked = try await fixture.api.call(.put, "/api/therapists/\(therapist.id)",
                                                     #"{"status":"gesperrt","sperrgrund":"Keine Kapazität","sperrdatum":"2025-06-01"}"#)
            #expect(blocked.json["status"] == "gesperrt" && blocked.json["sperrgrund"] == "Keine Kapazität")
            #expect(blocked.json["sperrdatum"] == "2025-06-01")
            let active = try await fixture.api.call(.put, "/api/therapists/\(therapist.id)", #"{"status":"aktiv"}"#)
            #expect(active.json["status"] == "aktiv" && active.json["sperrgrund"] == "Keine Kapazität")
            let inactive = try await fixture.api.call(.put, "/api/therapists/\(therapist.id)", #"{"status":"inaktiv","status_extra":""}"#)
            #expect(inactive.json["status"] == "inaktiv")
            #expect(fixture.matching.received.isEmpty && fixture.communication.received.isEmpty)
        }
    }

    @Test("the cooling period can be set and edited freely, as the matching service does")
    func coolingPeriod() async throws {
        try await TherapistFixture.with { fixture in
            let therapist = try await fixture.createTherapist()
            let set = try await fixture.api.call(.put, "/api/therapists/\(therapist.id)", #"{"naechster_kontakt_moeglich":"2031-01-31"}"#)
            #expect(set.json["naechster_kontakt_moeglich"] == "2031-01-31")
            let earlier = try await fixture.api.call(.put, "/api/therapists/\(therapist.id)", #"{"naechster_kontakt_moeglich":"2020-01-01"}"#)
            #expect(earlier.json["naechster_kontakt_moeglich"] == "2020-01-01")
        }
    }

    @Test("type errors come first as an object message, then 404, then value rules")
    func order() async throws {
        try await TherapistFixture.with { fixture in
            let typeError = try await fixture.api.call(.put, "/api/therapists/2147483000", #"{"alter_min":"x","status":"weg"}"#)
            #expect(typeError.status == 400)
            #expect(typeError.json["message"] == ["alter_min": "invalid literal for int() with base 10: 'x'"])
            let boolError = try await fixture.api.call(.put, "/api/therapists/2147483000", #"{"kassensitz":"nein"}"#)
            #expect(boolError.json["message"] == ["kassensitz": "Must be a boolean (true or false)"])
            let missing = try await fixture.api.call(.put, "/api/therapists/2147483000", #"{"status":"weg"}"#)
            #expect(missing.status == 404 && missing.message == "Therapist not found")
            let therapist = try await fixture.createTherapist()
            let invalid = try await fixture.api.call(.put, "/api/therapists/\(therapist.id)", #"{"status":"weg"}"#)
            #expect(invalid.status == 400 && invalid.message == "Invalid status 'weg'. Valid values: aktiv, gesperrt, inaktiv")
            let date = try await fixture.api.call(.put, "/api/therapists/\(therapist.id)", #"{"letzter_kontakt_email":"2025/01/01"}"#)
            #expect(date.message == "Invalid date format for letzter_kontakt_email. Use YYYY-MM-DD")
            #expect(try await fixture.api.call(.get, "/api/therapists/\(therapist.id)").json == therapist, "nothing was applied")
        }
    }

    @Test("empty status or therapy method on PUT count as not provided")
    func emptyIsAbsent() async throws {
        try await TherapistFixture.with { fixture in
            let therapist = try await fixture.createTherapist(["status": "gesperrt", "psychotherapieverfahren": "Verhaltenstherapie"])
            let response = try await fixture.api.call(.put, "/api/therapists/\(therapist.id)", #"{"status":"","psychotherapieverfahren":""}"#)
            #expect(response.json["status"] == "gesperrt" && response.json["psychotherapieverfahren"] == "Verhaltenstherapie")
        }
    }
}
