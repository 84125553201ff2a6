-- migrations/communication/V0001__create_schema.sql
-- owner: communication-service · reversible: yes (DROP SCHEMA communication_service, only while empty) · transaction: yes
-- why: the communication service owns exactly one schema and migrates it itself (decisions.md 3);
--      the runner creates it before reading history; this file records the ownership. Nothing
--      here references another schema: cross-service references are plain ids (no foreign keys).
CREATE SCHEMA IF NOT EXISTS communication_service;
