-- migrations/patient/V0003__create_registration_imports.sql
-- owner: patient-service · reversible: yes (DROP TABLE; only duplicate detection is lost) · transaction: yes
-- why: a registration file must create at most one patient, even when the same registration
--      arrives twice (a double submit on the website, or a re-delivery after a crash between
--      the insert and the deletion of the object). The importer inserts the patient and this
--      row in one transaction; the key is a hash of the registration token (or the file's
--      signature when there is no token), never the token itself.
CREATE TABLE patient_service.registration_imports (
    registration_key text PRIMARY KEY,
    patient_id       integer REFERENCES patient_service.patienten (id) ON DELETE SET NULL,
    file_name        text NOT NULL,
    imported_at      timestamptz NOT NULL DEFAULT now()
);
