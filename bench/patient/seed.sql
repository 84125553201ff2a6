-- 10,000 (psql variable :n) realistic patients for bench/patient.sh: varied names and places,
-- 1–6 symptoms from the 30 of spec README §7.1 as a jsonb array, every third patient with a
-- zeitliche_verfuegbarkeit object (§7.2), statuses across the whole enum. Ids are 1..:n
-- (the table is emptied and its sequence reset first).
\set ON_ERROR_STOP on
TRUNCATE patient_service.patienten, patient_service.registration_imports RESTART IDENTITY;
WITH v AS (
  SELECT ARRAY['Anna','Maria','Julia','Laura','Sarah','Lena','Katharina','Sophie','Lisa','Hannah',
               'Johanna','Elena','Miriam','Franziska','Sabine','Petra','Monika','Claudia','Nicole','Aylin'] AS female,
         ARRAY['Lukas','Jonas','Felix','Maximilian','Paul','David','Tobias','Florian','Simon','Moritz',
               'Thomas','Michael','Andreas','Stefan','Markus','Christian','Daniel','Jan','Emre','Mehmet'] AS male,
         ARRAY['Müller','Schmidt','Schneider','Fischer','Weber','Meyer','Wagner','Becker','Schulz','Hoffmann',
               'Schäfer','Koch','Bauer','Richter','Klein','Wolf','Schröder','Neumann','Schwarz','Zimmermann',
               'Braun','Krüger','Hofmann','Hartmann','Lange','Schmitt','Werner','Schmitz','Krause','Meier',
               'Lehmann','Schmid','Schulze','Maier','Köhler','Herrmann','König','Walter','Yılmaz','Kaya'] AS last,
         ARRAY['Berlin','Hamburg','München','Köln','Frankfurt am Main','Stuttgart','Düsseldorf','Leipzig',
               'Dortmund','Essen','Bremen','Dresden','Hannover','Nürnberg','Freiburg im Breisgau','Heidelberg'] AS city,
         ARRAY['Hauptstraße','Schulstraße','Gartenstraße','Bahnhofstraße','Dorfstraße','Bergstraße',
               'Lindenstraße','Kirchstraße','Waldstraße','Ringstraße'] AS street,
         ARRAY['Techniker Krankenkasse','AOK Bayern','BARMER','DAK-Gesundheit','IKK classic','KKH',
               'AOK Nordost','hkk','BKK firmus','AOK Rheinland/Hamburg'] AS kasse,
         ARRAY['Depression / Niedergeschlagenheit','Ängste / Panikattacken','Burnout / Erschöpfung',
               'Schlafstörungen','Stress / Überforderung','Trauer / Verlust','Reizbarkeit / Wutausbrüche',
               'Stimmungsschwankungen','Innere Leere','Einsamkeit','Sorgen / Grübeln','Selbstzweifel',
               'Konzentrationsprobleme','Negative Gedanken','Entscheidungsschwierigkeiten',
               'Psychosomatische Beschwerden','Chronische Schmerzen','Essstörungen',
               'Suchtprobleme (Alkohol/Drogen)','Sexuelle Probleme','Beziehungsprobleme','Familienkonflikte',
               'Sozialer Rückzug','Mobbing','Trennungsschmerz','Traumatische Erlebnisse','Zwänge',
               'Selbstverletzung','Suizidgedanken','Identitätskrise'] AS symptom,
         ARRAY['offen','auf_der_Suche','auf_der_Suche','auf_der_Suche','in_Therapie','in_Therapie',
               'Therapie_abgeschlossen','Suche_abgebrochen','Therapie_abgebrochen','offen'] AS status
), p AS (
  SELECT g, v.*, g % 2 = 0 AS is_female, (g * 7919) % 1000003 AS h FROM generate_series(1, :n) g, v
), n AS (
  SELECT p.*, CASE WHEN is_female THEN female[1 + h % 20] ELSE male[1 + h % 20] END AS vn,
         last[1 + (h / 20) % 40] AS nn, status[1 + (g * 31) % 10]::patient_service.patientenstatus AS st
    FROM p
)
INSERT INTO patient_service.patienten (
  anrede, geschlecht, vorname, nachname, strasse, plz, ort, email, telefon, hausarzt, krankenkasse,
  krankenversicherungsnummer, geburtsdatum, symptome, erfahrung_mit_psychotherapie,
  letzte_sitzung_vorherige_psychotherapie, vertraege_unterschrieben, startdatum, status,
  empfehler_der_unterstuetzung, zahlungsreferenz, zahlung_eingegangen, zeitliche_verfuegbarkeit,
  raeumliche_verfuegbarkeit, verkehrsmittel, offen_fuer_gruppentherapie, offen_fuer_diga, letzter_kontakt,
  ausgeschlossene_therapeuten, bevorzugtes_therapeutengeschlecht, bevorzugtes_therapieverfahren, created_at,
  updated_at)
SELECT
  CASE WHEN is_female THEN 'Frau' ELSE 'Herr' END::patient_service.anrede,
  CASE WHEN g % 50 = 7 THEN 'divers' WHEN is_female THEN 'weiblich' ELSE 'männlich' END::patient_service.geschlecht,
  vn, nn,
  street[1 + h % 10] || ' ' || (1 + h % 120),
  lpad((1067 + (h * 13) % 98000)::text, 5, '0'),
  city[1 + h % 16],
  lower(translate(vn || '.' || nn, 'äöüßı', 'aousi')) || g || '@example.org',
  '+49 1' || (50 + h % 30) || ' ' || lpad((h % 10000000)::text, 7, '0'),
  CASE WHEN g % 4 <> 0 THEN 'Dr. med. ' || last[1 + (h / 7) % 40] END,
  kasse[1 + h % 10],
  chr(65 + h % 26) || lpad((h % 1000000000)::text, 9, '0'),
  date '1955-01-01' + (h % 18000),
  (SELECT jsonb_agg(symptom[1 + (g * 11 + k * 7) % 30] ORDER BY k) FROM generate_series(1, 1 + g % 6) k),
  g % 3 = 0,
  CASE WHEN g % 3 = 0 THEN date '2015-01-01' + (h % 3000) END,
  st <> 'offen',
  CASE WHEN st <> 'offen' THEN date '2025-01-01' + (g % 300) END,
  st,
  CASE WHEN g % 5 = 0 THEN 'Hausarzt' WHEN g % 5 = 1 THEN 'Internetsuche' END,
  upper(substr(md5(g::text), 1, 8)),
  st <> 'offen',
  CASE WHEN g % 3 = 0 THEN jsonb_build_object(
         'montag', jsonb_build_array('08:00-12:00', '14:00-18:00'),
         'mittwoch', jsonb_build_array('09:00-13:00'),
         'freitag', jsonb_build_array(lpad((8 + g % 8)::text, 2, '0') || ':00-' || lpad((12 + g % 8)::text, 2, '0') || ':00'))
  END,
  jsonb_build_object('max_km', 5 + h % 46),
  CASE WHEN g % 2 = 0 THEN 'Auto' ELSE 'ÖPNV' END,
  g % 4 = 0,
  g % 6 = 0,
  CASE WHEN g % 2 = 0 THEN date '2025-06-01' + (g % 120) END,
  CASE WHEN g % 10 = 0 THEN jsonb_build_array(1 + h % 500, 1 + h % 700) ELSE '[]'::jsonb END,
  (ARRAY['Männlich','Weiblich','Egal','Egal'])[1 + g % 4]::patient_service.therapeutgeschlechtspraeferenz,
  (ARRAY['egal','Verhaltenstherapie','tiefenpsychologisch_fundierte_Psychotherapie'])[1 + g % 3]::patient_service.therapieverfahren,
  date '2024-01-01' + (g % 700),
  CASE WHEN g % 3 = 1 THEN date '2025-09-01' + (g % 60) END
FROM n ORDER BY g;
ANALYZE patient_service.patienten;
