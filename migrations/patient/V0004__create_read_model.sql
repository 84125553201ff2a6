-- migrations/patient/V0004__create_read_model.sql
-- owner: patient-service · reversible: yes (DROP the functions, triggers and table; the API falls
--        back to nothing: the service needs them, so only together with older code) · transaction: yes
-- why: the list endpoint counted the whole filtered table for `total` on every request
--      (`count(*) OVER ()`: 120 requests/s with 10,000 patients). Totals now come from counters
--      maintained by triggers in the same transaction as every insert, delete and status change;
--      only searches still count. `patient_total` keeps its plans per backend (PgBouncer in
--      transaction mode allows no prepared statements, decisions.md 4). Measured and rejected:
--      building the JSON in PostgreSQL (json_build_object/json_agg cost more per row than the
--      service writing it from the column texts) and reading through set-returning functions
--      (their result is materialised; a plain `SELECT *` is as fast).

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
