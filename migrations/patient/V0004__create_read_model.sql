-- migrations/patient/V0004__create_read_model.sql
-- owner: patient-service · reversible: yes (DROP the functions, triggers and table; the API falls
--        back to nothing: the service needs them, so only together with older code) · transaction: yes
-- why: the two hot read endpoints (GET /api/patients/{id}, GET /api/patients) were bound by
--      PostgreSQL re-parsing and re-planning a 36-column statement on every call (PgBouncer in
--      transaction mode allows no prepared statements, decisions.md 4) and by counting the
--      whole table for `total`. PL/pgSQL functions keep their plans per backend, and totals come
--      from counters maintained by triggers in the same transaction as every insert, delete and
--      status change. (Building the JSON in PostgreSQL was measured too: json_build_object and
--      json_agg cost more per row than the service writing it from the column texts.)

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

-- GET /api/patients/{id}: the patient's row (table column order), none when there is no such patient.
CREATE FUNCTION patient_service.patient_by_id(p_id integer) RETURNS SETOF patient_service.patienten
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN QUERY SELECT * FROM patient_service.patienten WHERE id = p_id;
END $$;

-- GET /api/patients, the total before paging: counters without a search, a count with one.
-- p_pattern is an ILIKE pattern with the search text's wildcards already escaped, or NULL.
CREATE FUNCTION patient_service.patient_total(p_status text, p_pattern text) RETURNS bigint
LANGUAGE plpgsql STABLE AS $$
DECLARE
    total bigint;
BEGIN
    IF p_pattern IS NULL AND p_status IS NULL THEN
        SELECT coalesce(sum(n), 0) INTO total FROM patient_service.patient_counts;
    ELSIF p_pattern IS NULL THEN
        SELECT coalesce(sum(n), 0) INTO total FROM patient_service.patient_counts WHERE status = p_status;
    ELSE
        SELECT count(*) INTO total FROM patient_service.patienten
         WHERE (p_status IS NULL OR status = p_status::patient_service.patientenstatus)
           AND (vorname ILIKE p_pattern OR nachname ILIKE p_pattern OR email ILIKE p_pattern);
    END IF;
    RETURN total;
END $$;

-- GET /api/patients, one page ordered by id (each filter combination has its own cached plan).
CREATE FUNCTION patient_service.patient_page(p_status text, p_pattern text, p_limit integer, p_offset bigint)
RETURNS SETOF patient_service.patienten
LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF p_pattern IS NULL AND p_status IS NULL THEN
        RETURN QUERY SELECT * FROM patient_service.patienten ORDER BY id LIMIT p_limit OFFSET p_offset;
    ELSIF p_pattern IS NULL THEN
        RETURN QUERY SELECT * FROM patient_service.patienten WHERE status = p_status::patient_service.patientenstatus
                      ORDER BY id LIMIT p_limit OFFSET p_offset;
    ELSE
        RETURN QUERY SELECT * FROM patient_service.patienten
                      WHERE (p_status IS NULL OR status = p_status::patient_service.patientenstatus)
                        AND (vorname ILIKE p_pattern OR nachname ILIKE p_pattern OR email ILIKE p_pattern)
                      ORDER BY id LIMIT p_limit OFFSET p_offset;
    END IF;
END $$;
