import Foundation
import Testing
import Shared
import TestSupport
@testable import CommunicationService

@Suite("communication_service schema (communication.md §8)")
struct SchemaTests {
    static let timestamp = "timestamp without time zone"

    /// `emails`: column → (type, nullable) as PostgreSQL reports them; the spec's columns plus the
    /// queue worker's `naechster_versuch_am`, `versand_gestartet_am`, `versand_durch` (V0002).
    static let emailColumns: [String: (String, Bool)] = [
        "id": ("integer", false), "therapist_id": ("integer", true), "patient_id": ("integer", true),
        "betreff": ("character varying(255)", false), "inhalt_html": ("text", false), "inhalt_text": ("text", false),
        "empfaenger_email": ("character varying(255)", false), "empfaenger_name": ("character varying(255)", false),
        "absender_email": ("character varying(255)", false), "absender_name": ("character varying(255)", false),
        "antwort_erhalten": ("boolean", false), "antwortdatum": (timestamp, true), "antwortinhalt": ("text", true),
        "status": ("emailstatus", true), "in_warteschlange_am": (timestamp, true), "gesendet_am": (timestamp, true),
        "fehlermeldung": ("text", true), "wiederholungsanzahl": ("integer", true), "created_at": (timestamp, true),
        "updated_at": (timestamp, true), "attachments": ("jsonb", true),
        "naechster_versuch_am": (timestamp, true), "versand_gestartet_am": (timestamp, true),
        "versand_durch": ("character varying(255)", true),
    ]

    /// `telefonanrufe`: column → (type, nullable).
    static let phoneCallColumns: [String: (String, Bool)] = [
        "id": ("integer", false), "therapist_id": ("integer", true), "patient_id": ("integer", true),
        "geplantes_datum": ("date", false), "geplante_zeit": ("time without time zone", false),
        "dauer_minuten": ("integer", true), "tatsaechliches_datum": ("date", true),
        "tatsaechliche_zeit": ("time without time zone", true), "status": ("telefonanrufstatus", false),
        "ergebnis": ("text", true), "notizen": ("text", true), "created_at": (timestamp, true),
        "updated_at": (timestamp, true), "therapeutenanfrage_id": ("integer", true),
    ]

    static func pool() throws -> PostgresPool {
        var reader = ConfigReader(Environment(TestDatabase.serviceEnvironment))
        let config = DatabaseConfig(reading: &reader, applicationName: "communication-schema-test")
        try reader.finish()
        return PostgresPool(config: config, endpoint: config.direct, metrics: MetricsRegistry(),
                            logger: Logger(service: "schema-test", level: .critical))
    }

    /// Column → (type without the schema prefix, nullable) and column → default expression.
    static func columns(of table: String, _ pool: PostgresPool) async throws -> (columns: [String: (String, Bool)], defaults: [String: String]) {
        let rows = try await pool.query("""
            SELECT a.attname, format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable,
                   pg_get_expr(d.adbin, d.adrelid) AS fallback
              FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
             WHERE a.attrelid = \(table)::text::regclass AND a.attnum > 0 AND NOT a.attisdropped
            """)
        var found: [String: (String, Bool)] = [:], defaults: [String: String] = [:]
        for row in rows {
            let name: String = try row.decode("attname")
            let type: String = try row.decode("type")
            found[name] = (type.replacingOccurrences(of: "communication_service.", with: ""), try row.decode("nullable"))
            if let fallback = try row.decode("fallback", as: String?.self) { defaults[name] = fallback }
        }
        return (found, defaults)
    }

    static func expectColumns(_ found: [String: (String, Bool)], _ expected: [String: (String, Bool)], table: String) {
        #expect(Set(found.keys) == Set(expected.keys), "\(table) columns")
        for (name, column) in expected {
            #expect(found[name]?.0 == column.0 && found[name]?.1 == column.1, "\(table).\(name): \(String(describing: found[name]))")
        }
    }

    @Test("emails and telefonanrufe have exactly the spec's columns, types, nullability, defaults, indexes and checks; nothing forbidden exists")
    func columnsMatch() async throws {
        try await TestDatabase.migrate(CommunicationApp.self, environment: TestDatabase.serviceEnvironment)
        let pool = try Self.pool()

        let emails = try await Self.columns(of: "communication_service.emails", pool)
        Self.expectColumns(emails.columns, Self.emailColumns, table: "emails")
        #expect(emails.defaults["id"]?.hasPrefix("nextval(") == true)
        #expect(emails.defaults["antwort_erhalten"] == "false")
        #expect(emails.defaults["status"]?.hasPrefix("'Entwurf'") == true)
        #expect(emails.defaults["wiederholungsanzahl"] == "0")
        for forbidden in ["nachverfolgung_erforderlich", "nachverfolgung_notizen", "placement_request_ids", "batch_id",
                          "body_html", "body_text", "queued_at", "sent_at"] {
            #expect(emails.columns[forbidden] == nil, "emails.\(forbidden) must not exist")
        }

        let calls = try await Self.columns(of: "communication_service.telefonanrufe", pool)
        Self.expectColumns(calls.columns, Self.phoneCallColumns, table: "telefonanrufe")
        #expect(calls.defaults["id"]?.hasPrefix("nextval(") == true)
        #expect(calls.defaults["dauer_minuten"] == "5")
        #expect(calls.defaults["status"]?.hasPrefix("'geplant'") == true)
        #expect(calls.defaults["created_at"]?.contains("now()") == true)
        #expect(calls.columns["wiederholen_nach"] == nil)

        let enums = try await pool.query("""
            SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
              FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
             WHERE t.typnamespace = 'communication_service'::regnamespace GROUP BY t.typname
            """)
        var labels: [String: String] = [:]
        for row in enums { labels[try row.decode(at: 0, as: String.self)] = try row.decode(at: 1, as: String.self) }
        #expect(labels["emailstatus"] == "Entwurf,In_Warteschlange,Wird_gesendet,Gesendet,Fehlgeschlagen")
        #expect(labels["telefonanrufstatus"] == "geplant,abgeschlossen,fehlgeschlagen,abgebrochen")

        let tables = try await pool.query("""
            SELECT table_name FROM information_schema.tables WHERE table_schema = 'communication_service'
            """).map { try $0.decode(at: 0, as: String.self) }
        #expect(tables.contains("emails") && tables.contains("telefonanrufe"))
        for forbidden in ["email_batches", "phone_call_batches", "phone_calls"] {
            #expect(!tables.contains(forbidden), "table \(forbidden) must not exist")
        }

        let indexRows = try await pool.query("""
            SELECT i.indexname, am.amname FROM pg_indexes i
              JOIN pg_class c ON c.relname = i.indexname AND c.relnamespace = 'communication_service'::regnamespace
              JOIN pg_am am ON am.oid = c.relam
             WHERE i.schemaname = 'communication_service'
            """)
        var indexes: [String: String] = [:]
        for row in indexRows { indexes[try row.decode(at: 0, as: String.self)] = try row.decode(at: 1, as: String.self) }
        for name in ["ix_communication_service_emails_id", "ix_communication_service_emails_therapist_id",
                     "ix_communication_service_emails_patient_id", "idx_phone_calls_therapist_id",
                     "idx_phone_calls_patient_id", "idx_phone_calls_scheduled_date", "idx_phone_calls_status",
                     "ix_communication_service_telefonanrufe_therapeutenanfrage_id"] {
            #expect(indexes[name] != nil, "index \(name) must exist")
        }
        #expect(indexes["ix_communication_service_emails_attachments"] == "gin")

        let checks = try await pool.query("""
            SELECT c.conname, t.relname, pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
             WHERE c.contype = 'c' AND t.relnamespace = 'communication_service'::regnamespace
            """)
        var constraints: [String: (table: String, definition: String)] = [:]
        for row in checks {
            constraints[try row.decode(at: 0, as: String.self)] = (try row.decode(at: 1, as: String.self), try row.decode(at: 2, as: String.self))
        }
        for (name, table) in [("email_recipient_check", "emails"), ("phone_call_recipient_check", "telefonanrufe")] {
            let constraint = constraints[name]
            #expect(constraint?.table == table, "CHECK \(name) must exist on \(table)")
            #expect(constraint?.definition.contains("therapist_id IS NOT NULL") == true
                    && constraint?.definition.contains("patient_id IS NULL") == true
                    && constraint?.definition.contains("therapist_id IS NULL") == true
                    && constraint?.definition.contains("patient_id IS NOT NULL") == true, "\(name): \(constraint?.definition ?? "-")")
        }

        let foreign = try await pool.query("""
            SELECT 1 FROM pg_constraint c JOIN pg_class t ON t.oid = c.confrelid JOIN pg_namespace n ON n.oid = t.relnamespace
             WHERE c.contype = 'f' AND c.conrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'communication_service'::regnamespace)
               AND n.nspname <> 'communication_service'
            """)
        #expect(foreign.isEmpty, "no foreign key may leave the schema (decisions.md 3)")
        await pool.shutdown(until: .now + .seconds(5))
    }
}
