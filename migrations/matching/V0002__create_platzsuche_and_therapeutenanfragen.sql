-- migrations/matching/V0002__create_platzsuche_and_therapeutenanfragen.sql
-- owner: matching-service · reversible: no (roll forward; dropping would lose searches and inquiries) · transaction: yes
-- why: the tables of spec matching.md §1 in their final state. Enum types live in the owning schema
--      (decisions.md 3). patient_id / therapist_id / email_id / phone_call_id are plain ids: no
--      foreign keys reach another service's schema; rows of a deleted patient or therapist are
--      removed on its `*.deleted` event (issue 9) instead of by ON DELETE CASCADE. Within the
--      schema the cascades of the spec hold (entries go with their search or anfrage).
--      Added beyond the spec: `uq_platzsuche_one_active_per_patient` (a partial unique index), so
--      two concurrent creates cannot give one patient two active searches; the app answers the
--      spec's 400 "Patient already has an active search" when it fires.
--      Not created, as the spec demands: gesamt_angeforderte_kontakte, buendelgroesse,
--      created_date, sent_date, response_date, position_im_buendel, bundle_size_check,
--      uq_therapeut_anfrage_patient_bundle_search, placement_requests.
CREATE TYPE matching_service.suchstatus AS ENUM ('aktiv', 'erfolgreich', 'pausiert', 'abgebrochen');
CREATE TYPE matching_service.antworttyp AS ENUM (
    'vollstaendige_Annahme', 'teilweise_Annahme', 'vollstaendige_Ablehnung', 'keine_Antwort');
CREATE TYPE matching_service.patientenergebnis AS ENUM (
    'angenommen', 'abgelehnt_Kapazitaet', 'abgelehnt_nicht_geeignet', 'abgelehnt_sonstiges',
    'nicht_erschienen', 'in_Sitzungen');
CREATE TYPE matching_service.anfrage_patient_status AS ENUM ('anstehend', 'angenommen', 'abgelehnt', 'keine_antwort');

CREATE TABLE matching_service.platzsuche (
    id                              serial PRIMARY KEY,
    patient_id                      integer NOT NULL,
    status                          matching_service.suchstatus NOT NULL DEFAULT 'aktiv',
    created_at                      timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    updated_at                      timestamp,
    ausgeschlossene_therapeuten     jsonb NOT NULL DEFAULT '[]'::jsonb,
    erfolgreiche_vermittlung_datum  timestamp,
    notizen                         text,
    vermittelter_therapeut_id       integer
);
CREATE INDEX idx_platzsuche_patient_id ON matching_service.platzsuche (patient_id);
CREATE INDEX idx_platzsuche_status ON matching_service.platzsuche (status);
CREATE INDEX ix_matching_service_platzsuche_vermittelter_therapeut_id
    ON matching_service.platzsuche (vermittelter_therapeut_id);
CREATE INDEX idx_platzsuche_active_created ON matching_service.platzsuche (created_at, id) WHERE status = 'aktiv';
CREATE UNIQUE INDEX uq_platzsuche_one_active_per_patient ON matching_service.platzsuche (patient_id)
    WHERE status = 'aktiv';

CREATE TABLE matching_service.therapeutenanfrage (
    id                    serial PRIMARY KEY,
    therapist_id          integer NOT NULL,
    erstellt_datum        timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    gesendet_datum        timestamp,
    antwort_datum         timestamp,
    antworttyp            matching_service.antworttyp,
    anfragegroesse        integer NOT NULL,
    angenommen_anzahl     integer NOT NULL DEFAULT 0 CONSTRAINT accepted_count_check CHECK (angenommen_anzahl >= 0),
    abgelehnt_anzahl      integer NOT NULL DEFAULT 0 CONSTRAINT rejected_count_check CHECK (abgelehnt_anzahl >= 0),
    keine_antwort_anzahl  integer NOT NULL DEFAULT 0 CONSTRAINT no_response_count_check CHECK (keine_antwort_anzahl >= 0),
    notizen               text,
    email_id              integer,
    phone_call_id         integer,
    reminder_email_id     integer
);
CREATE INDEX idx_therapeutenanfrage_therapist_id ON matching_service.therapeutenanfrage (therapist_id);
CREATE INDEX idx_therapeutenanfrage_sent_date ON matching_service.therapeutenanfrage (gesendet_datum);
CREATE INDEX idx_therapeutenanfrage_response_type ON matching_service.therapeutenanfrage (antworttyp);
CREATE INDEX idx_therapeutenanfrage_email_id ON matching_service.therapeutenanfrage (email_id);
CREATE INDEX idx_therapeutenanfrage_phone_call_id ON matching_service.therapeutenanfrage (phone_call_id);
CREATE INDEX ix_matching_service_therapeutenanfrage_reminder_email_id
    ON matching_service.therapeutenanfrage (reminder_email_id);
CREATE INDEX idx_therapeutenanfrage_open ON matching_service.therapeutenanfrage (therapist_id)
    WHERE gesendet_datum IS NULL OR antwort_datum IS NULL;

CREATE TABLE matching_service.therapeut_anfrage_patient (
    id                     serial PRIMARY KEY,
    therapeutenanfrage_id  integer NOT NULL REFERENCES matching_service.therapeutenanfrage (id) ON DELETE CASCADE,
    platzsuche_id          integer NOT NULL REFERENCES matching_service.platzsuche (id) ON DELETE CASCADE,
    patient_id             integer NOT NULL,
    position_in_anfrage    integer NOT NULL,
    status                 matching_service.anfrage_patient_status NOT NULL DEFAULT 'anstehend',
    antwortergebnis        matching_service.patientenergebnis,
    antwortnotizen         text,
    created_at             timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    CONSTRAINT uq_therapeut_anfrage_patient_anfrage_search UNIQUE (therapeutenanfrage_id, platzsuche_id)
);
CREATE INDEX idx_therapeut_anfrage_patient_therapeutenanfrage_id
    ON matching_service.therapeut_anfrage_patient (therapeutenanfrage_id);
CREATE INDEX idx_therapeut_anfrage_patient_platzsuche_id ON matching_service.therapeut_anfrage_patient (platzsuche_id);
CREATE INDEX idx_therapeut_anfrage_patient_patient_id ON matching_service.therapeut_anfrage_patient (patient_id);
CREATE INDEX idx_therapeut_anfrage_patient_status ON matching_service.therapeut_anfrage_patient (status);
