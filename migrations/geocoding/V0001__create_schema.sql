-- migrations/geocoding/V0001__create_schema.sql
-- owner: geocoding-service · reversible: yes (DROP SCHEMA geocoding_service, only while empty) · transaction: yes
-- why: the geocoding service owns exactly one schema and migrates it itself (decisions.md 3);
--      the runner creates it before reading history; this file records the ownership. Nothing
--      here references another schema: cross-service references are plain ids (no foreign keys).
CREATE SCHEMA IF NOT EXISTS geocoding_service;
