internal import Shared

/// Writes patients in the wire shape of patient.md §1: every key, in order, null when unset.
enum PatientJSON {
    static func object(_ p: Patient) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        append(p, to: &out)
        return out
    }

    static func append(_ p: Patient, to out: inout [UInt8]) {
        var w = Writer(out: out)
        out = []
        w.int("id", p.id, first: true)
        w.text("anrede", p.anrede.rawValue)
        w.text("geschlecht", p.geschlecht.rawValue)
        w.text("vorname", p.vorname)
        w.text("nachname", p.nachname)
        w.text("strasse", p.strasse)
        w.text("plz", p.plz)
        w.text("ort", p.ort)
        w.text("email", p.email)
        w.text("telefon", p.telefon)
        w.text("hausarzt", p.hausarzt)
        w.text("krankenkasse", p.krankenkasse)
        w.text("krankenversicherungsnummer", p.krankenversicherungsnummer)
        w.text("geburtsdatum", p.geburtsdatum?.description)
        w.json("symptome", p.symptome)
        w.bool("erfahrung_mit_psychotherapie", p.erfahrungMitPsychotherapie)
        w.text("letzte_sitzung_vorherige_psychotherapie", p.letzteSitzungVorherigePsychotherapie?.description)
        w.bool("vertraege_unterschrieben", p.vertraegeUnterschrieben)
        w.text("startdatum", p.startdatum?.description)
        w.text("erster_therapieplatz_am", p.ersterTherapieplatzAm?.description)
        w.text("funktionierender_therapieplatz_am", p.funktionierenderTherapieplatzAm?.description)
        w.text("status", p.status?.rawValue)
        w.text("empfehler_der_unterstuetzung", p.empfehlerDerUnterstuetzung)
        w.text("zahlungsreferenz", p.zahlungsreferenz)
        w.bool("zahlung_eingegangen", p.zahlungEingegangen)
        w.json("zeitliche_verfuegbarkeit", p.zeitlicheVerfuegbarkeit)
        w.json("raeumliche_verfuegbarkeit", p.raeumlicheVerfuegbarkeit)
        w.text("verkehrsmittel", p.verkehrsmittel)
        w.bool("offen_fuer_gruppentherapie", p.offenFuerGruppentherapie)
        w.bool("offen_fuer_diga", p.offenFuerDiga)
        w.text("letzter_kontakt", p.letzterKontakt?.description)
        w.json("ausgeschlossene_therapeuten", p.ausgeschlosseneTherapeuten)
        w.text("bevorzugtes_therapeutengeschlecht", p.bevorzugtesTherapeutengeschlecht?.rawValue)
        w.text("bevorzugtes_therapieverfahren", p.bevorzugtesTherapieverfahren?.rawValue)
        w.text("created_at", p.createdAt?.description)
        w.text("updated_at", p.updatedAt?.description)
        w.out.append(UInt8(ascii: "}"))
        out = w.out
    }

    /// Appends `"key":value` members; the first one opens the object.
    struct Writer {
        var out: [UInt8]

        mutating func key(_ name: StaticString, first: Bool = false) {
            out.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out += #"":"#.utf8
        }

        mutating func int(_ name: StaticString, _ value: Int, first: Bool = false) {
            key(name, first: first)
            out += String(value).utf8
        }

        mutating func text(_ name: StaticString, _ value: String?) {
            key(name)
            if let value { JSONString.append(value, to: &out) } else { out += "null".utf8 }
        }

        mutating func bool(_ name: StaticString, _ value: Bool?) {
            key(name)
            out += (value.map { $0 ? "true" : "false" } ?? "null").utf8
        }

        mutating func json(_ name: StaticString, _ value: JSONValue?) {
            key(name)
            if let value { JSONWriter().write(value, to: &out) } else { out += "null".utf8 }
        }
    }
}
