-- migrations/patient/V0002__create_patienten.sql
-- owner: patient-service · reversible: no (roll forward; dropping would lose patients) · transaction: yes
-- why: the patient master data of spec patient.md §3 in its final state. Enum types live in the
--      owning schema (decisions.md 3). No foreign keys reach other schemas: matching and
--      communication refer to patients by plain id and clean up on `patient.deleted` events.
--      Length limits are also checked by the service, which answers 400 instead of the old 500.
CREATE TYPE patient_service.anrede AS ENUM ('Herr', 'Frau');
CREATE TYPE patient_service.geschlecht AS ENUM ('männlich', 'weiblich', 'divers', 'keine_Angabe');
CREATE TYPE patient_service.patientenstatus AS ENUM (
    'offen', 'auf_der_Suche', 'in_Therapie', 'Therapie_abgeschlossen', 'Suche_abgebrochen', 'Therapie_abgebrochen');
CREATE TYPE patient_service.therapeutgeschlechtspraeferenz AS ENUM ('Männlich', 'Weiblich', 'Egal');
CREATE TYPE patient_service.therapieverfahren AS ENUM (
    'egal', 'Verhaltenstherapie', 'tiefenpsychologisch_fundierte_Psychotherapie');

CREATE TABLE patient_service.patienten (
    id                                      serial PRIMARY KEY,
    anrede                                  patient_service.anrede NOT NULL,
    geschlecht                              patient_service.geschlecht NOT NULL,
    vorname                                 varchar(100) NOT NULL,
    nachname                                varchar(100) NOT NULL,
    strasse                                 varchar(255),
    plz                                     varchar(10),
    ort                                     varchar(100),
    email                                   varchar(255),
    telefon                                 varchar(50),
    hausarzt                                varchar(255),
    krankenkasse                            varchar(100),
    krankenversicherungsnummer              varchar(50),
    geburtsdatum                            date,
    symptome                                jsonb,
    erfahrung_mit_psychotherapie            boolean,
    letzte_sitzung_vorherige_psychotherapie date,
    vertraege_unterschrieben                boolean DEFAULT false,
    startdatum                              date,
    erster_therapieplatz_am                 date,
    funktionierender_therapieplatz_am       date,
    status                                  patient_service.patientenstatus DEFAULT 'offen',
    empfehler_der_unterstuetzung            text,
    zeitliche_verfuegbarkeit                jsonb,
    raeumliche_verfuegbarkeit               jsonb,
    verkehrsmittel                          varchar(50),
    offen_fuer_gruppentherapie              boolean DEFAULT false,
    offen_fuer_diga                         boolean DEFAULT false,
    letzter_kontakt                         date,
    ausgeschlossene_therapeuten             jsonb DEFAULT '[]'::jsonb,
    bevorzugtes_therapeutengeschlecht       patient_service.therapeutgeschlechtspraeferenz DEFAULT 'Egal',
    bevorzugtes_therapieverfahren           patient_service.therapieverfahren DEFAULT 'egal',
    created_at                              date DEFAULT CURRENT_DATE,
    updated_at                              date,
    zahlungsreferenz                        varchar(8),
    zahlung_eingegangen                     boolean NOT NULL DEFAULT false
);

-- The spec's index name on the primary key column (the original declared it explicitly).
CREATE INDEX ix_patient_service_patienten_id ON patient_service.patienten (id);
-- List filter by status (ordered by id within a status).
CREATE INDEX ix_patient_service_patienten_status ON patient_service.patienten (status, id);

COMMENT ON TABLE patient_service.patienten IS 'Patient master data (Art. 9 GDPR health data: symptome, therapy history).';
