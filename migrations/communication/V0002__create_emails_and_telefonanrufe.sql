-- migrations/communication/V0002__create_emails_and_telefonanrufe.sql
-- owner: communication-service · reversible: no (roll forward; dropping would lose emails and calls) · transaction: yes
-- why: the tables of spec communication.md §8 in their final state. Enum types live in the owning
--      schema (decisions.md 3). therapist_id / patient_id are plain ids: no foreign keys reach the
--      patient or therapist schema; the rows of a deleted patient or therapist are removed on its
--      `*.deleted` event instead of by ON DELETE CASCADE. `attachments` is always a JSON array (or
--      NULL); older double-encoded strings are still read. Columns added for the crash-safe queue
--      worker (communication.md §6, README "Queue worker"):
--        naechster_versuch_am  earliest next attempt after a temporary SMTP failure (backoff);
--        versand_gestartet_am  when a worker claimed the row (`Wird_gesendet`), for lease expiry;
--        versand_durch         which worker claimed it, so a restarted worker reclaims its own rows.
--      Not created, as the spec demands: nachverfolgung_*, placement_request_ids, batch_id,
--      body_html, body_text, queued_at, sent_at, wiederholen_nach; tables email_batches,
--      phone_call_batches, phone_calls.
CREATE TYPE communication_service.emailstatus AS ENUM (
    'Entwurf', 'In_Warteschlange', 'Wird_gesendet', 'Gesendet', 'Fehlgeschlagen');
CREATE TYPE communication_service.telefonanrufstatus AS ENUM (
    'geplant', 'abgeschlossen', 'fehlgeschlagen', 'abgebrochen');

CREATE TABLE communication_service.emails (
    id                   serial PRIMARY KEY,
    therapist_id         integer,
    patient_id           integer,
    betreff              varchar(255) NOT NULL,
    inhalt_html          text NOT NULL,
    inhalt_text          text NOT NULL,
    empfaenger_email     varchar(255) NOT NULL,
    empfaenger_name      varchar(255) NOT NULL,
    absender_email       varchar(255) NOT NULL,
    absender_name        varchar(255) NOT NULL,
    antwort_erhalten     boolean NOT NULL DEFAULT false,
    antwortdatum         timestamp,
    antwortinhalt        text,
    status               communication_service.emailstatus DEFAULT 'Entwurf',
    in_warteschlange_am  timestamp,
    gesendet_am          timestamp,
    fehlermeldung        text,
    wiederholungsanzahl  integer DEFAULT 0,
    created_at           timestamp,
    updated_at           timestamp,
    attachments          jsonb,
    naechster_versuch_am timestamp,
    versand_gestartet_am timestamp,
    versand_durch        varchar(255),
    CONSTRAINT email_recipient_check CHECK (
        (therapist_id IS NOT NULL AND patient_id IS NULL) OR (therapist_id IS NULL AND patient_id IS NOT NULL))
);
CREATE INDEX ix_communication_service_emails_id ON communication_service.emails (id);
CREATE INDEX ix_communication_service_emails_therapist_id ON communication_service.emails (therapist_id);
CREATE INDEX ix_communication_service_emails_patient_id ON communication_service.emails (patient_id);
CREATE INDEX ix_communication_service_emails_attachments ON communication_service.emails USING gin (attachments);
-- The list endpoint: newest first, per patient or therapist.
CREATE INDEX ix_communication_service_emails_patient_created
    ON communication_service.emails (patient_id, created_at DESC, id DESC) WHERE patient_id IS NOT NULL;
CREATE INDEX ix_communication_service_emails_therapist_created
    ON communication_service.emails (therapist_id, created_at DESC, id DESC) WHERE therapist_id IS NOT NULL;
CREATE INDEX ix_communication_service_emails_created ON communication_service.emails (created_at DESC, id DESC);
-- The queue worker's claim: only queued and in-flight rows, oldest first.
CREATE INDEX ix_communication_service_emails_queue
    ON communication_service.emails (in_warteschlange_am, id)
    WHERE status IN ('In_Warteschlange', 'Wird_gesendet');

CREATE TABLE communication_service.telefonanrufe (
    id                    serial PRIMARY KEY,
    therapist_id          integer,
    patient_id            integer,
    geplantes_datum       date NOT NULL,
    geplante_zeit         time NOT NULL,
    dauer_minuten         integer DEFAULT 5,
    tatsaechliches_datum  date,
    tatsaechliche_zeit    time,
    status                communication_service.telefonanrufstatus NOT NULL DEFAULT 'geplant',
    ergebnis              text,
    notizen               text,
    created_at            timestamp DEFAULT (now() AT TIME ZONE 'utc'),
    updated_at            timestamp,
    therapeutenanfrage_id integer,
    CONSTRAINT phone_call_recipient_check CHECK (
        (therapist_id IS NOT NULL AND patient_id IS NULL) OR (therapist_id IS NULL AND patient_id IS NOT NULL))
);
CREATE INDEX idx_phone_calls_therapist_id ON communication_service.telefonanrufe (therapist_id);
CREATE INDEX idx_phone_calls_patient_id ON communication_service.telefonanrufe (patient_id);
CREATE INDEX idx_phone_calls_scheduled_date ON communication_service.telefonanrufe (geplantes_datum);
CREATE INDEX idx_phone_calls_status ON communication_service.telefonanrufe (status);
CREATE INDEX ix_communication_service_telefonanrufe_therapeutenanfrage_id
    ON communication_service.telefonanrufe (therapeutenanfrage_id);
