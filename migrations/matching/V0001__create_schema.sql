-- migrations/matching/V0001__create_schema.sql
-- owner: matching-service · reversible: yes (DROP SCHEMA matching_service, only while empty) · transaction: yes
-- why: the matching service owns exactly one schema and migrates it itself (decisions.md 3);
--      the runner creates it before reading history; this file records the ownership. Nothing
--      here references another schema: cross-service references are plain ids (no foreign keys).
CREATE SCHEMA IF NOT EXISTS matching_service;
