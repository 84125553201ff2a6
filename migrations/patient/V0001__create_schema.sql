-- migrations/patient/V0001__create_schema.sql
-- owner: patient-service · reversible: yes (DROP SCHEMA patient_service, only while empty) · transaction: yes
-- why: the patient service owns exactly one schema and migrates it itself (decisions.md 3);
--      the runner creates it before reading history; this file records the ownership. Nothing
--      here references another schema: cross-service references are plain ids (no foreign keys).
CREATE SCHEMA IF NOT EXISTS patient_service;
