-- migrations/therapist/V0001__create_schema.sql
-- owner: therapist-service · reversible: yes (DROP SCHEMA therapist_service, only while empty) · transaction: yes
-- why: the therapist service owns exactly one schema and migrates it itself (decisions.md 3);
--      the runner creates it before reading history; this file records the ownership. Nothing
--      here references another schema: cross-service references are plain ids (no foreign keys).
CREATE SCHEMA IF NOT EXISTS therapist_service;
