import Foundation
import Testing
import Shared
import TestSupport
@testable import TherapistService

@Suite("therapist_service schema (therapist.md §3)")
struct SchemaTests {
    /// Column → (type, nullable) as PostgreSQL reports them.
    static let columns: [String: (String, Bool)] = [
        "id": ("integer", false), "anrede": ("anrede", false), "geschlecht": ("geschlecht", false),
        "titel": ("character varying(20)", true), "vorname": ("character varying(100)", false),
        "nachname": ("character varying(100)", false), "strasse": ("character varying(255)", true),
        "plz": ("character varying(10)", true), "ort": ("character varying(100)", true),
        "telefon": ("character varying(50)", true), "fax": ("character varying(50)", true),
        "email": ("character varying(255)", true), "webseite": ("character varying(255)", true),
        "kassensitz": ("boolean", true), "telefonische_erreichbarkeit": ("jsonb", true), "fremdsprachen": ("jsonb", true),
        "psychotherapieverfahren": ("therapieverfahren", true), "zusatzqualifikationen": ("text", true),
        "besondere_leistungsangebote": ("text", true), "letzter_kontakt_email": ("date", true),
        "letzter_kontakt_telefon": ("date", true), "letztes_persoenliches_gespraech": ("date", true),
        "potenziell_verfuegbar": ("boolean", true), "potenziell_verfuegbar_notizen": ("text", true),
        "ueber_curavani_informiert": ("boolean", true), "naechster_kontakt_moeglich": ("date", true),
        "bevorzugte_diagnosen": ("jsonb", true), "alter_min": ("integer", true), "alter_max": ("integer", true),
        "geschlechtspraeferenz": ("character varying(50)", true), "arbeitszeiten": ("jsonb", true),
        "bevorzugt_gruppentherapie": ("boolean", true), "status": ("therapeutstatus", true), "sperrgrund": ("text", true),
        "sperrdatum": ("date", true), "created_at": ("date", true), "updated_at": ("date", true),
    ]

    static func pool() throws -> PostgresPool {
        var reader = ConfigReader(Environment(TestDatabase.serviceEnvironment))
        let config = DatabaseConfig(reading: &reader, applicationName: "therapist-schema-test")
        try reader.finish()
        return PostgresPool(config: config, endpoint: config.direct, metrics: MetricsRegistry(),
                            logger: Logger(service: "schema-test", level: .critical))
    }

    @Test("therapeuten has exactly the spec's columns, types, nullability, defaults and indexes; nothing forbidden exists")
    func columnsMatch() async throws {
        try await TestDatabase.migrate(TherapistApp.self, environment: TestDatabase.serviceEnvironment)
        let pool = try Self.pool()
        let rows = try await pool.query("""
            SELECT a.attname, format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable,
                   pg_get_expr(d.adbin, d.adrelid) AS fallback
              FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
             WHERE a.attrelid = 'therapist_service.therapeuten'::regclass AND a.attnum > 0 AND NOT a.attisdropped
            """)
        var found: [String: (String, Bool)] = [:], defaults: [String: String] = [:]
        for row in rows {
            let name: String = try row.decode("attname")
            let type: String = try row.decode("type")
            found[name] = (type.replacingOccurrences(of: "therapist_service.", with: ""), try row.decode("nullable"))
            if let fallback = try row.decode("fallback", as: String?.self) { defaults[name] = fallback }
        }
        #expect(Set(found.keys) == Set(Self.columns.keys))
        for (name, expected) in Self.columns {
            #expect(found[name]?.0 == expected.0 && found[name]?.1 == expected.1, "\(name): \(String(describing: found[name]))")
        }
        #expect(defaults["status"]?.hasPrefix("'aktiv'") == true && defaults["psychotherapieverfahren"]?.hasPrefix("'egal'") == true)
        #expect(defaults["telefonische_erreichbarkeit"]?.hasPrefix("'{}'") == true && defaults["fremdsprachen"]?.hasPrefix("'[]'") == true)
        #expect(found["freie_einzeltherapieplaetze_ab"] == nil && found["freie_gruppentherapieplaetze_ab"] == nil)
        let tables = try await pool.query("""
            SELECT table_name FROM information_schema.tables WHERE table_schema = 'therapist_service'
            """).map { try $0.decode(at: 0, as: String.self) }
        #expect(!tables.contains("therapists") && tables.contains("therapeuten"))
        let indexes = try await pool.query("""
            SELECT indexname FROM pg_indexes WHERE schemaname = 'therapist_service'
            """).map { try $0.decode(at: 0, as: String.self) }
        #expect(indexes.contains("ix_therapist_service_therapeuten_id") && indexes.contains("idx_therapists_naechster_kontakt_moeglich"))
        let foreign = try await pool.query("""
            SELECT 1 FROM pg_constraint c JOIN pg_class t ON t.oid = c.confrelid JOIN pg_namespace n ON n.oid = t.relnamespace
             WHERE c.contype = 'f' AND c.conrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'therapist_service'::regnamespace)
               AND n.nspname <> 'therapist_service'
            """)
        #expect(foreign.isEmpty, "no foreign key may leave the schema (decisions.md 3)")
        await pool.shutdown(until: .now + .seconds(5))
    }
}
