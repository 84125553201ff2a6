-- migrations/patient/V0004__create_read_model.sql
-- owner: patient-service · reversible: yes (DROP the functions, triggers and table; the API falls
--        back to nothing: the service needs them, so only together with older code) · transaction: yes
-- why: the two hot read endpoints (GET /api/patients/{id}, GET /api/patients) were bound by
--      PostgreSQL re-parsing and re-planning a 36-column statement on every call (PgBouncer in
--      transaction mode allows no prepared statements, decisions.md 4) and by counting the
--      whole table for `total`. PL/pgSQL functions keep their plans per backend, build the
--      wire JSON of patient.md §1 in one pass (json, so key order is kept), and totals come from
--      counters maintained by triggers in the same transaction as every insert, delete and
--      status change. The Swift writer (PatientJSON) and patient_json must stay identical:
--      the HTTP tests compare both for every field.

-- Exact totals per status without scanning: one row per (status, slot); writers update the
-- slot of their backend, so concurrent inserts rarely wait on the same row.
CREATE TABLE patient_service.patient_counts (
    status text     NOT NULL,            -- '' counts patients whose status is NULL
    slot   smallint NOT NULL,
    n      bigint   NOT NULL DEFAULT 0,
    PRIMARY KEY (status, slot)
);

INSERT INTO patient_service.patient_counts (status, slot, n)
SELECT coalesce(status::text, ''), 0, count(*) FROM patient_service.patienten GROUP BY 1;

CREATE FUNCTION patient_service.count_patient(p_status text, p_delta integer) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO patient_service.patient_counts AS c (status, slot, n)
    VALUES (coalesce(p_status, ''), pg_backend_pid() % 8, p_delta)
    ON CONFLICT (status, slot) DO UPDATE SET n = c.n + excluded.n;
$$;

CREATE FUNCTION patient_service.patienten_counted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM patient_service.count_patient(OLD.status::text, -1); END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM patient_service.count_patient(NEW.status::text, 1); END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION patient_service.patienten_truncated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM patient_service.patient_counts;
    RETURN NULL;
END $$;

CREATE TRIGGER patienten_count_rows AFTER INSERT OR DELETE ON patient_service.patienten
    FOR EACH ROW EXECUTE FUNCTION patient_service.patienten_counted();
CREATE TRIGGER patienten_count_status AFTER UPDATE OF status ON patient_service.patienten
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION patient_service.patienten_counted();
CREATE TRIGGER patienten_count_truncate AFTER TRUNCATE ON patient_service.patienten
    FOR EACH STATEMENT EXECUTE FUNCTION patient_service.patienten_truncated();

-- The patient object of patient.md §1: every key, in order, null when unset.
CREATE FUNCTION patient_service.patient_json(p patient_service.patienten) RETURNS json
LANGUAGE sql IMMUTABLE AS $$
    SELECT json_build_object(
        'id', p.id, 'anrede', p.anrede, 'geschlecht', p.geschlecht, 'vorname', p.vorname, 'nachname', p.nachname,
        'strasse', p.strasse, 'plz', p.plz, 'ort', p.ort, 'email', p.email, 'telefon', p.telefon,
        'hausarzt', p.hausarzt, 'krankenkasse', p.krankenkasse, 'krankenversicherungsnummer', p.krankenversicherungsnummer,
        'geburtsdatum', p.geburtsdatum, 'symptome', p.symptome, 'erfahrung_mit_psychotherapie', p.erfahrung_mit_psychotherapie,
        'letzte_sitzung_vorherige_psychotherapie', p.letzte_sitzung_vorherige_psychotherapie,
        'vertraege_unterschrieben', p.vertraege_unterschrieben, 'startdatum', p.startdatum,
        'erster_therapieplatz_am', p.erster_therapieplatz_am,
        'funktionierender_therapieplatz_am', p.funktionierender_therapieplatz_am, 'status', p.status,
        'empfehler_der_unterstuetzung', p.empfehler_der_unterstuetzung, 'zahlungsreferenz', p.zahlungsreferenz,
        'zahlung_eingegangen', p.zahlung_eingegangen, 'zeitliche_verfuegbarkeit', p.zeitliche_verfuegbarkeit,
        'raeumliche_verfuegbarkeit', p.raeumliche_verfuegbarkeit, 'verkehrsmittel', p.verkehrsmittel,
        'offen_fuer_gruppentherapie', p.offen_fuer_gruppentherapie, 'offen_fuer_diga', p.offen_fuer_diga,
        'letzter_kontakt', p.letzter_kontakt, 'ausgeschlossene_therapeuten', p.ausgeschlossene_therapeuten,
        'bevorzugtes_therapeutengeschlecht', p.bevorzugtes_therapeutengeschlecht,
        'bevorzugtes_therapieverfahren', p.bevorzugtes_therapieverfahren,
        'created_at', p.created_at, 'updated_at', p.updated_at)
$$;

-- GET /api/patients/{id}: the object as text, NULL when there is no such patient.
CREATE FUNCTION patient_service.patient_document(p_id integer) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    document text;
BEGIN
    SELECT patient_service.patient_json(p)::text INTO document FROM patient_service.patienten p WHERE p.id = p_id;
    RETURN document;
END $$;

-- GET /api/patients: one page as a JSON array (ordered by id) and the total before paging.
-- p_pattern is an ILIKE pattern (wildcards in the search text already escaped) or NULL.
CREATE FUNCTION patient_service.patient_page(p_status text, p_pattern text, p_limit integer, p_offset bigint,
                                             OUT data text, OUT total bigint)
LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF p_pattern IS NULL AND p_status IS NULL THEN
        SELECT coalesce(json_agg(patient_service.patient_json(p) ORDER BY p.id), '[]')::text INTO data
          FROM (SELECT * FROM patient_service.patienten ORDER BY id LIMIT p_limit OFFSET p_offset) p;
        SELECT coalesce(sum(n), 0) INTO total FROM patient_service.patient_counts;
    ELSIF p_pattern IS NULL THEN
        SELECT coalesce(json_agg(patient_service.patient_json(p) ORDER BY p.id), '[]')::text INTO data
          FROM (SELECT * FROM patient_service.patienten WHERE status = p_status::patient_service.patientenstatus
                 ORDER BY id LIMIT p_limit OFFSET p_offset) p;
        SELECT coalesce(sum(n), 0) INTO total FROM patient_service.patient_counts WHERE status = p_status;
    ELSE
        SELECT coalesce(json_agg(patient_service.patient_json(p) ORDER BY p.id), '[]')::text INTO data
          FROM (SELECT * FROM patient_service.patienten
                 WHERE (p_status IS NULL OR status = p_status::patient_service.patientenstatus)
                   AND (vorname ILIKE p_pattern OR nachname ILIKE p_pattern OR email ILIKE p_pattern)
                 ORDER BY id LIMIT p_limit OFFSET p_offset) p;
        SELECT count(*) INTO total FROM patient_service.patienten
         WHERE (p_status IS NULL OR status = p_status::patient_service.patientenstatus)
           AND (vorname ILIKE p_pattern OR nachname ILIKE p_pattern OR email ILIKE p_pattern);
    END IF;
END $$;
