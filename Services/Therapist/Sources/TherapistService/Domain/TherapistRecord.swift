public import Shared

/// A therapist as the texts of the wire object (therapist.md §1), in its key order: what a
/// stored row holds in PostgreSQL's text format and what a `Therapist` turns into. Both are
/// rendered by `layout`, which also applies the wire normalisations: JSON objects are always
/// objects, lists always arrays, and unset age limits are `0`.
public struct TherapistRecord: Sendable, Equatable {
    /// Every key of the wire object, in order. The keys are also the column names of
    /// `therapist_service.therapeuten`.
    public static let layout = TextRecordLayout([
        ("id", .number), ("anrede", .text), ("geschlecht", .text), ("titel", .text), ("vorname", .text),
        ("nachname", .text), ("strasse", .text), ("plz", .text), ("ort", .text), ("telefon", .text), ("fax", .text),
        ("email", .text), ("webseite", .text), ("kassensitz", .bool), ("telefonische_erreichbarkeit", .object),
        ("fremdsprachen", .array), ("psychotherapieverfahren", .text), ("zusatzqualifikationen", .text),
        ("besondere_leistungsangebote", .text), ("letzter_kontakt_email", .text), ("letzter_kontakt_telefon", .text),
        ("letztes_persoenliches_gespraech", .text), ("potenziell_verfuegbar", .bool),
        ("potenziell_verfuegbar_notizen", .text), ("ueber_curavani_informiert", .bool),
        ("naechster_kontakt_moeglich", .text), ("bevorzugte_diagnosen", .array), ("alter_min", .numberOrZero),
        ("alter_max", .numberOrZero), ("geschlechtspraeferenz", .text), ("arbeitszeiten", .object),
        ("bevorzugt_gruppentherapie", .bool), ("status", .text), ("sperrgrund", .text), ("sperrdatum", .text),
        ("created_at", .text), ("updated_at", .text),
    ])

    /// One text per `layout` key (nil: null); booleans as `t`/`f`, dates as `YYYY-MM-DD`.
    public let values: [String?]

    /// A record from texts in `layout` order.
    public init(values: [String?]) {
        precondition(values.count == Self.layout.keys.count, "a therapist record has one value per key")
        self.values = values
    }

    /// The record of a therapist.
    public init(_ t: Therapist) {
        func flag(_ value: Bool?) -> String? { value.map { $0 ? "t" : "f" } }
        func json(_ value: JSONValue?) -> String? { value.map { JSONWriter().string($0) } }
        self.init(values: [
            String(t.id), t.anrede.rawValue, t.geschlecht.rawValue, t.titel, t.vorname, t.nachname, t.strasse, t.plz,
            t.ort, t.telefon, t.fax, t.email, t.webseite, flag(t.kassensitz), json(t.telefonischeErreichbarkeit),
            json(t.fremdsprachen), t.psychotherapieverfahren?.rawValue, t.zusatzqualifikationen,
            t.besondereLeistungsangebote, t.letzterKontaktEmail?.description, t.letzterKontaktTelefon?.description,
            t.letztesPersoenlichesGespraech?.description, flag(t.potenziellVerfuegbar), t.potenziellVerfuegbarNotizen,
            flag(t.ueberCuravaniInformiert), t.naechsterKontaktMoeglich?.description, json(t.bevorzugteDiagnosen),
            t.alterMin.map(String.init), t.alterMax.map(String.init), t.geschlechtspraeferenz, json(t.arbeitszeiten),
            flag(t.bevorzugtGruppentherapie), t.status?.rawValue, t.sperrgrund, t.sperrdatum?.description,
            t.createdAt?.description, t.updatedAt?.description,
        ])
    }

    /// The wire object.
    public var json: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        Self.layout.append(values, to: &out)
        return out
    }
}
