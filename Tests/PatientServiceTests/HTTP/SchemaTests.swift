import Foundation
import Testing
import Shared
import TestSupport
@testable import PatientService

@Suite("patient_service schema (patient.md §3)")
struct SchemaTests {
    /// Column → (type, nullable) as information_schema reports them.
    static let columns: [String: (String, Bool)] = [
        "id": ("integer", false), "anrede": ("anrede", false), "geschlecht": ("geschlecht", false),
        "vorname": ("character varying(100)", false), "nachname": ("character varying(100)", false),
        "strasse": ("character varying(255)", true), "plz": ("character varying(10)", true),
        "ort": ("character varying(100)", true), "email": ("character varying(255)", true),
        "telefon": ("character varying(50)", true), "hausarzt": ("character varying(255)", true),
        "krankenkasse": ("character varying(100)", true), "krankenversicherungsnummer": ("character varying(50)", true),
        "geburtsdatum": ("date", true), "symptome": ("jsonb", true), "erfahrung_mit_psychotherapie": ("boolean", true),
        "letzte_sitzung_vorherige_psychotherapie": ("date", true), "vertraege_unterschrieben": ("boolean", true),
        "startdatum": ("date", true), "erster_therapieplatz_am": ("date", true),
        "funktionierender_therapieplatz_am": ("date", true), "status": ("patientenstatus", true),
        "empfehler_der_unterstuetzung": ("text", true), "zeitliche_verfuegbarkeit": ("jsonb", true),
        "raeumliche_verfuegbarkeit": ("jsonb", true), "verkehrsmittel": ("character varying(50)", true),
        "offen_fuer_gruppentherapie": ("boolean", true), "offen_fuer_diga": ("boolean", true),
        "letzter_kontakt": ("date", true), "ausgeschlossene_therapeuten": ("jsonb", true),
        "bevorzugtes_therapeutengeschlecht": ("therapeutgeschlechtspraeferenz", true),
        "bevorzugtes_therapieverfahren": ("therapieverfahren", true), "created_at": ("date", true),
        "updated_at": ("date", true), "zahlungsreferenz": ("character varying(8)", true),
        "zahlung_eingegangen": ("boolean", false),
    ]

    static func pool() throws -> PostgresPool {
        var reader = ConfigReader(Environment(TestDatabase.serviceEnvironment))
        let config = DatabaseConfig(reading: &reader, applicationName: "patient-schema-test")
        try reader.finish()
        return PostgresPool(config: config, endpoint: config.direct, metrics: MetricsRegistry(),
                            logger: Logger(service: "schema-test", level: .critical))
    }

    @Test("patienten has exactly the spec's columns, types, nullability and key defaults; no removed columns")
    func columnsMatch() async throws {
        try await TestDatabase.migrate(PatientApp.self, environment: TestDatabase.serviceEnvironment)
        let pool = try Self.pool()
        let rows = try await pool.query("""
            SELECT a.attname, format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable,
                   pg_get_expr(d.adbin, d.adrelid) AS fallback
              FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
             WHERE a.attrelid = 'patient_service.patienten'::regclass AND a.attnum > 0 AND NOT a.attisdropped
            """)
        var found: [String: (String, Bool)] = [:], defaults: [String: String] = [:]
        for row in rows {
            let name: String = try row.decode("attname")
            let type: String = try row.decode("type")
            found[name] = (type.replacingOccurrences(of: "patient_service.", with: ""), try row.decode("nullable"))
            if let fallback = try row.decode("fallback", as: String?.self) { defaults[name] = fallback }
        }
        #expect(Set(found.keys) == Set(Self.columns.keys))
        for (name, expected) in Self.columns {
            #expect(found[name]?.0 == expected.0 && found[name]?.1 == expected.1, "\(name): \(String(describing: found[name]))")
        }
        #expect(defaults["status"]?.hasPrefix("'offen'") == true)
        #expect(defaults["zahlung_eingegangen"] == "false")
        #expect(defaults["ausgeschlossene_therapeuten"]?.hasPrefix("'[]'") == true)
        #expect(defaults["bevorzugtes_therapeutengeschlecht"]?.hasPrefix("'Egal'") == true)
        for removed in ["diagnose", "psychotherapeutische_sprechstunde", "psychotherapieerfahrung", "therapieziele"] {
            #expect(found[removed] == nil)
        }
        let tables = try await pool.query("""
            SELECT table_name FROM information_schema.tables WHERE table_schema = 'patient_service' ORDER BY table_name
            """).map { try $0.decode(at: 0, as: String.self) }
        #expect(!tables.contains("patients") && tables.contains("patienten"))
        let index = try await pool.query("""
            SELECT 1 FROM pg_indexes WHERE schemaname = 'patient_service' AND indexname = 'ix_patient_service_patienten_id'
            """)
        #expect(index.count == 1)
        let foreign = try await pool.query("""
            SELECT 1 FROM pg_constraint c JOIN pg_class t ON t.oid = c.confrelid JOIN pg_namespace n ON n.oid = t.relnamespace
             WHERE c.contype = 'f' AND c.conrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'patient_service'::regnamespace)
               AND n.nspname <> 'patient_service'
            """)
        #expect(foreign.isEmpty, "no foreign key may leave the schema (decisions.md 3)")
        await pool.shutdown(until: .now + .seconds(5))
    }
}
