-- migrations/therapist/V0002__create_therapeuten.sql
-- owner: therapist-service · reversible: no (roll forward; dropping would lose therapists) · transaction: yes
-- why: the therapist master data of spec therapist.md §3 in its final state. Enum types live in
--      the owning schema (decisions.md 3). No foreign keys reach other schemas: matching and
--      communication refer to therapists by plain id and clean up on `therapist.deleted`
--      events. Length limits are also checked by the service, which answers 400 instead of a 500.
--      Not created, as the spec demands: columns freie_*_ab and a table named `therapists`.
CREATE TYPE therapist_service.anrede AS ENUM ('Herr', 'Frau');
CREATE TYPE therapist_service.geschlecht AS ENUM ('männlich', 'weiblich', 'divers', 'keine_Angabe');
CREATE TYPE therapist_service.therapieverfahren AS ENUM (
    'egal', 'Verhaltenstherapie', 'tiefenpsychologisch_fundierte_Psychotherapie');
CREATE TYPE therapist_service.therapeutstatus AS ENUM ('aktiv', 'gesperrt', 'inaktiv');

CREATE TABLE therapist_service.therapeuten (
    id                              serial PRIMARY KEY,
    anrede                          therapist_service.anrede NOT NULL,
    geschlecht                      therapist_service.geschlecht NOT NULL,
    titel                           varchar(20),
    vorname                         varchar(100) NOT NULL,
    nachname                        varchar(100) NOT NULL,
    strasse                         varchar(255),
    plz                             varchar(10),
    ort                             varchar(100),
    telefon                         varchar(50),
    fax                             varchar(50),
    email                           varchar(255),
    webseite                        varchar(255),
    kassensitz                      boolean DEFAULT true,
    telefonische_erreichbarkeit     jsonb DEFAULT '{}'::jsonb,
    fremdsprachen                   jsonb DEFAULT '[]'::jsonb,
    psychotherapieverfahren         therapist_service.therapieverfahren DEFAULT 'egal',
    zusatzqualifikationen           text,
    besondere_leistungsangebote     text,
    letzter_kontakt_email           date,
    letzter_kontakt_telefon         date,
    letztes_persoenliches_gespraech date,
    potenziell_verfuegbar           boolean DEFAULT false,
    potenziell_verfuegbar_notizen   text,
    ueber_curavani_informiert       boolean DEFAULT false,
    naechster_kontakt_moeglich      date,
    bevorzugte_diagnosen            jsonb DEFAULT '[]'::jsonb,
    alter_min                       integer,
    alter_max                       integer,
    geschlechtspraeferenz           varchar(50),
    arbeitszeiten                   jsonb DEFAULT '{}'::jsonb,
    bevorzugt_gruppentherapie       boolean DEFAULT false,
    status                          therapist_service.therapeutstatus DEFAULT 'aktiv',
    sperrgrund                      text,
    sperrdatum                      date,
    created_at                      date DEFAULT CURRENT_DATE,
    updated_at                      date
);

-- The spec's index names (the original declared them explicitly).
CREATE INDEX ix_therapist_service_therapeuten_id ON therapist_service.therapeuten (id);
CREATE INDEX idx_therapists_naechster_kontakt_moeglich ON therapist_service.therapeuten (naechster_kontakt_moeglich);
-- The matching service's selection list: status + PLZ prefix (text_pattern_ops serves LIKE 'nn%').
CREATE INDEX ix_therapist_service_therapeuten_status_plz
    ON therapist_service.therapeuten (status, plz text_pattern_ops);
-- The importer's duplicate lookups (primary: vorname, nachname, plz; secondary: vorname, plz, …).
CREATE INDEX ix_therapist_service_therapeuten_import_match
    ON therapist_service.therapeuten (vorname, plz, nachname);

COMMENT ON TABLE therapist_service.therapeuten IS 'Therapist master data (business contact data; no patient data).';
