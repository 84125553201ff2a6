import Testing
import Shared
@testable import PatientService

extension PatientUnit {
    /// patient.md §2.2 step 3 and §4.2.
    @Suite("PaymentTransition") struct Payment {
        static let today = date("2025-06-07")
        static let otherStatuses: [Patientenstatus] = [.aufDerSuche, .inTherapie, .therapieAbgeschlossen, .sucheAbgebrochen, .therapieAbgebrochen]

        /// What POST stores for the required fields plus `extra` (validation, defaults, automatic start).
        static func created(_ extra: JSONValue) throws -> Patient {
            var patient = Patient(creating: try changes(adding: extra, .create), today: today)
            PaymentTransition.applyOnCreate(&patient, today: today)
            return patient
        }

        /// What PUT computes for `stored` and `body`.
        static func updated(_ stored: Patient, _ body: JSONValue) throws -> (Patient, PaymentTransition.Outcome) {
            let changes = try PatientInput.changes(from: Fixture.body(body, required: false), mode: .update)
            var next = changes.applied(to: stored)
            let outcome = PaymentTransition.applyOnUpdate(before: stored, after: &next, today: today)
            return (next, outcome)
        }

        // MARK: Create

        @Test("create with contracts and payment: startdatum today and offen → auf_der_Suche, also without an explicit status",
              arguments: [[:], ["status": "offen"], ["status": ""], ["status": .null]] as [JSONValue])
        func createStarts(statusMember: JSONValue) throws {
            var extra = statusMember.objectValue ?? JSONObject()
            extra["vertraege_unterschrieben"] = true
            extra["zahlung_eingegangen"] = true
            let patient = try Self.created(.object(extra))
            #expect(patient.startdatum == Self.today)
            #expect(patient.status == .aufDerSuche)
        }

        @Test("create with both flags keeps an explicit status other than offen, but sets startdatum", arguments: otherStatuses)
        func createKeepsOtherStatus(status: Patientenstatus) throws {
            let patient = try Self.created(["status": .string(status.rawValue), "vertraege_unterschrieben": true, "zahlung_eingegangen": true])
            #expect(patient.status == status)
            #expect(patient.startdatum == Self.today)
        }

        @Test("create with only one flag (or neither) changes nothing",
              arguments: [["vertraege_unterschrieben": true], ["zahlung_eingegangen": true],
                          ["vertraege_unterschrieben": false, "zahlung_eingegangen": true],
                          ["vertraege_unterschrieben": true, "zahlung_eingegangen": false], [:]] as [JSONValue])
        func createOneFlag(flags: JSONValue) throws {
            let patient = try Self.created(flags)
            #expect(patient.startdatum == nil)
            #expect(patient.status == .offen)
        }

        @Test("a startdatum in the create body is ignored; the automatic one is today")
        func createIgnoresStartdatum() throws {
            let patient = try Self.created(["startdatum": "2020-01-01", "vertraege_unterschrieben": true, "zahlung_eingegangen": true])
            #expect(patient.startdatum == Self.today)
            #expect(try Self.created(["startdatum": "2020-01-01"]).startdatum == nil)
        }

        // MARK: Update

        static let signedUnpaid = Fixture.patient { $0.vertraegeUnterschrieben = true; $0.zahlungsreferenz = "AB12CD34" }

        @Test("payment false → true with signed contracts starts the search and asks for the confirmation email")
        func updateStarts() throws {
            let (patient, outcome) = try Self.updated(Self.signedUnpaid, ["zahlung_eingegangen": true])
            #expect(outcome == .searchStarted(confirmationDue: true))
            #expect(patient.startdatum == Self.today)
            #expect(patient.status == .aufDerSuche)
            #expect(patient.zahlungEingegangen)
        }

        @Test("contracts and payment in the same update also start the search")
        func updateBothAtOnce() throws {
            let (patient, outcome) = try Self.updated(Fixture.patient(), ["vertraege_unterschrieben": true, "zahlung_eingegangen": true])
            #expect(outcome == .searchStarted(confirmationDue: true))
            #expect(patient.status == .aufDerSuche)
        }

        @Test("a voucher booking (zahlungsreferenz V_…) starts the search without a confirmation email",
              arguments: ["V_ABC123", "V_NOREF", "V_"])
        func updateVoucher(reference: String) throws {
            let stored = Fixture.patient { $0.vertraegeUnterschrieben = true; $0.zahlungsreferenz = reference }
            let (patient, outcome) = try Self.updated(stored, ["zahlung_eingegangen": true])
            #expect(outcome == .searchStarted(confirmationDue: false))
            #expect(patient.startdatum == Self.today)
            #expect(patient.status == .aufDerSuche)
        }

        @Test("the voucher check uses the reference after the update")
        func voucherSetInSameUpdate() throws {
            let (_, voucher) = try Self.updated(Self.signedUnpaid, ["zahlungsreferenz": "V_XY", "zahlung_eingegangen": true])
            #expect(voucher == .searchStarted(confirmationDue: false))
            let stored = Fixture.patient { $0.vertraegeUnterschrieben = true; $0.zahlungsreferenz = "V_XY" }
            let (_, regular) = try Self.updated(stored, ["zahlungsreferenz": "AB12CD34", "zahlung_eingegangen": true])
            #expect(regular == .searchStarted(confirmationDue: true))
        }

        @Test("only an upper-case V_ prefix marks a voucher", arguments: ["v_ABC123", "VABC1234", "XV_ABC12"])
        func notAVoucher(reference: String) throws {
            let stored = Fixture.patient { $0.vertraegeUnterschrieben = true; $0.zahlungsreferenz = reference }
            #expect(try Self.updated(stored, ["zahlung_eingegangen": true]).1 == .searchStarted(confirmationDue: true))
        }

        @Test("no reference at all is a regular booking")
        func noReference() throws {
            let stored = Fixture.patient { $0.vertraegeUnterschrieben = true }
            #expect(try Self.updated(stored, ["zahlung_eingegangen": true]).1 == .searchStarted(confirmationDue: true))
        }

        @Test("payment without signed contracts is recorded, nothing else changes, no email",
              arguments: [false, nil] as [Bool?])
        func unsignedContracts(signed: Bool?) throws {
            let stored = Fixture.patient { $0.vertraegeUnterschrieben = signed }
            let (patient, outcome) = try Self.updated(stored, ["zahlung_eingegangen": true])
            #expect(outcome == .paymentRecorded)
            #expect(patient.zahlungEingegangen)
            #expect(patient.startdatum == nil)
            #expect(patient.status == .offen)
        }

        @Test("an already recorded payment does not trigger again (idempotent), even for an offen patient")
        func alreadyPaid() throws {
            let stored = Fixture.patient { $0.vertraegeUnterschrieben = true; $0.zahlungEingegangen = true; $0.startdatum = date("2025-05-01"); $0.status = .offen }
            let (patient, outcome) = try Self.updated(stored, ["zahlung_eingegangen": true])
            #expect(outcome == PaymentTransition.Outcome.none)
            #expect(patient.startdatum == date("2025-05-01"))
            #expect(patient.status == .offen)
        }

        @Test("signing the contracts after the payment was recorded does not start the search")
        func contractsLater() throws {
            let paidUnsigned = Fixture.patient { $0.vertraegeUnterschrieben = false; $0.zahlungEingegangen = true }
            let (patient, outcome) = try Self.updated(paidUnsigned, ["vertraege_unterschrieben": true])
            #expect(outcome == PaymentTransition.Outcome.none)
            #expect(patient.startdatum == nil)
            #expect(patient.status == .offen)
            // Sending the payment flag again with the contracts does not help either.
            let (again, secondOutcome) = try Self.updated(paidUnsigned, ["vertraege_unterschrieben": true, "zahlung_eingegangen": true])
            #expect(secondOutcome == PaymentTransition.Outcome.none)
            #expect(again.status == .offen)
        }

        @Test("an update without the payment flag, or setting it false, changes nothing",
              arguments: [["ort": "Köln"], ["zahlung_eingegangen": false], ["zahlung_eingegangen": .null]] as [JSONValue])
        func noPayment(body: JSONValue) throws {
            let (patient, outcome) = try Self.updated(Self.signedUnpaid, body)
            #expect(outcome == PaymentTransition.Outcome.none)
            #expect(patient.startdatum == nil)
            #expect(patient.status == .offen)
        }

        @Test("an existing startdatum is kept when the search starts")
        func keepsStartdatum() throws {
            let stored = Fixture.patient { $0.vertraegeUnterschrieben = true; $0.startdatum = date("2024-12-24") }
            let (patient, outcome) = try Self.updated(stored, ["zahlung_eingegangen": true])
            #expect(outcome == .searchStarted(confirmationDue: true))
            #expect(patient.startdatum == date("2024-12-24"))
            #expect(patient.status == .aufDerSuche)
        }

        @Test("a status other than offen is left untouched (startdatum is still set)", arguments: otherStatuses)
        func otherStatusUntouched(status: Patientenstatus) throws {
            let stored = Fixture.patient { $0.vertraegeUnterschrieben = true; $0.status = status }
            let (patient, outcome) = try Self.updated(stored, ["zahlung_eingegangen": true])
            #expect(outcome == .searchStarted(confirmationDue: true))
            #expect(patient.status == status)
            #expect(patient.startdatum == Self.today)
        }

        @Test("a status changed in the same update is what the transition sees")
        func statusInSameUpdate() throws {
            let (patient, _) = try Self.updated(Self.signedUnpaid, ["status": "in_Therapie", "zahlung_eingegangen": true])
            #expect(patient.status == .inTherapie)
            let (reopened, _) = try Self.updated(Fixture.patient { $0.vertraegeUnterschrieben = true; $0.status = .sucheAbgebrochen },
                                                 ["status": "offen", "zahlung_eingegangen": true])
            #expect(reopened.status == .aufDerSuche)
        }

        @Test("a null status column is left null")
        func nullStatus() throws {
            let stored = Fixture.patient { $0.vertraegeUnterschrieben = true; $0.status = nil }
            let (patient, _) = try Self.updated(stored, ["zahlung_eingegangen": true])
            #expect(patient.status == nil)
            #expect(patient.startdatum == Self.today)
        }
    }

    /// patient.md §1 defaults and `created_at`.
    @Suite("Patient(creating:today:) defaults") struct CreateDefaults {
        @Test("a patient created from the required fields has the documented defaults")
        func defaults() throws {
            let patient = Patient(creating: try changes(adding: [:]), today: date("2025-06-07"))
            #expect(patient.id == 0)
            #expect(patient.anrede == .herr)
            #expect(patient.geschlecht == .maennlich)
            #expect(patient.vorname == "Max")
            #expect(patient.nachname == "Mustermann")
            #expect(patient.status == .offen)
            #expect(patient.vertraegeUnterschrieben == false)
            #expect(patient.zahlungEingegangen == false)
            #expect(patient.offenFuerGruppentherapie == false)
            #expect(patient.offenFuerDiga == false)
            #expect(patient.ausgeschlosseneTherapeuten == .array([]))
            #expect(patient.bevorzugtesTherapeutengeschlecht == .egal)
            #expect(patient.bevorzugtesTherapieverfahren == .egal)
            #expect(patient.createdAt == date("2025-06-07"))
            #expect(patient.updatedAt == nil)
            #expect(patient.startdatum == nil)
            #expect(patient.letzterKontakt == nil)
            #expect(patient.erfahrungMitPsychotherapie == nil)
            #expect(patient.symptome == nil)
            #expect(patient.zeitlicheVerfuegbarkeit == nil)
            #expect(patient.raeumlicheVerfuegbarkeit == nil)
            #expect(patient.zahlungsreferenz == nil)
            #expect([patient.strasse, patient.plz, patient.ort, patient.email, patient.telefon, patient.hausarzt,
                     patient.krankenkasse, patient.krankenversicherungsnummer, patient.empfehlerDerUnterstuetzung,
                     patient.verkehrsmittel].allSatisfy { $0 == nil })
            #expect([patient.geburtsdatum, patient.letzteSitzungVorherigePsychotherapie, patient.ersterTherapieplatzAm,
                     patient.funktionierenderTherapieplatzAm].allSatisfy { $0 == nil })
        }

        @Test("given values replace the defaults; every field lands in its property")
        func givenValues() throws {
            let body = try #require(PatientUnit.Order.everyField.objectValue)
            let patient = Patient(creating: try PatientInput.changes(from: body, mode: .create), today: date("2025-06-07"))
            #expect(patient.anrede == .frau)
            #expect(patient.geschlecht == .weiblich)
            #expect(patient.vorname == "Erika")
            #expect(patient.strasse == "Hauptstraße 1")
            #expect(patient.plz == "10115")
            #expect(patient.ort == "Berlin")
            #expect(patient.email == "erika@example.org")
            #expect(patient.telefon == "+49 30 1234567")
            #expect(patient.hausarzt == "Dr. Who")
            #expect(patient.krankenkasse == "AOK")
            #expect(patient.krankenversicherungsnummer == "A123456789")
            #expect(patient.geburtsdatum == date("1990-01-31"))
            #expect(patient.symptome == ["Mobbing", "Einsamkeit"])
            #expect(patient.erfahrungMitPsychotherapie == true)
            #expect(patient.letzteSitzungVorherigePsychotherapie == date("2020-05-06"))
            #expect(patient.vertraegeUnterschrieben == true)
            #expect(patient.ersterTherapieplatzAm == date("2025-08-01"))
            #expect(patient.funktionierenderTherapieplatzAm == date("2025-09-01"))
            #expect(patient.status == .offen)
            #expect(patient.empfehlerDerUnterstuetzung == "Hausärztin")
            #expect(patient.zahlungsreferenz == "AB12CD34")
            #expect(patient.zahlungEingegangen == false)
            #expect(patient.zeitlicheVerfuegbarkeit == ["montag": ["09:00-12:00"]])
            #expect(patient.raeumlicheVerfuegbarkeit == ["max_km": 25])
            #expect(patient.verkehrsmittel == "ÖPNV")
            #expect(patient.offenFuerGruppentherapie == false)
            #expect(patient.offenFuerDiga == true)
            #expect(patient.ausgeschlosseneTherapeuten == [12, 13])
            #expect(patient.bevorzugtesTherapeutengeschlecht == .weiblich)
            #expect(patient.bevorzugtesTherapieverfahren == .verhaltenstherapie)
            #expect(patient.createdAt == date("2025-06-07"))
            #expect(patient.updatedAt == nil)
        }

        @Test("applying update changes keeps every field not named in the body")
        func updateKeepsOthers() throws {
            let stored = Fixture.patient { $0.ort = "Berlin"; $0.symptome = ["Mobbing"]; $0.letzterKontakt = date("2025-05-05") }
            let next = try PatientInput.changes(from: Fixture.parse(#"{"plz": "10115", "ort": null}"#), mode: .update).applied(to: stored)
            #expect(next.plz == "10115")
            #expect(next.ort == "Berlin")
            #expect(next.symptome == ["Mobbing"])
            #expect(next.letzterKontakt == date("2025-05-05"))
            #expect(next.createdAt == stored.createdAt)
        }
    }
}
