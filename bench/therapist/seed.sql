-- 2,000 (psql variable :n) realistic therapists for bench/therapist.sh, placed on real German
-- postal codes: psql variable :plz_file names the PLZ list of ../shared/data
-- (plz-centroids-de.json: zipcode, place, …). Every 50th therapist sits in the Aachen/Düren
-- region (PLZ 52…, 43 of the 8,159 codes), so prefix 52 holds 2 % of the therapists (Aachen
-- is a university town with many practices); the others spread evenly over the remaining
-- codes. Statuses by hash: 80 % aktiv, 9 % inaktiv, 10 % gesperrt (with sperrgrund, sperrdatum).
-- Phone hours `telefonische_erreichbarkeit` use the production format of spec README §7.2
-- (keys Mo…Fr, arrays of "8:00-9:00" ranges, some days empty), `fremdsprachen` and
-- `bevorzugte_diagnosen` are arrays, `arbeitszeiten` an object. Ids are 1..:n (the table is
-- emptied and its sequence reset first). Deterministic: the same rows on every run.
\set ON_ERROR_STOP on
\set plzjson `cat :'plz_file'`
BEGIN;
TRUNCATE therapist_service.therapeuten RESTART IDENTITY;
CREATE TEMP TABLE plz_pick ON COMMIT DROP AS
  SELECT aachen, row_number() OVER (PARTITION BY aachen ORDER BY plz)::integer AS i, plz, ort
    FROM (SELECT e->>'zipcode' AS plz, e->>'place' AS ort, e->>'zipcode' LIKE '52%' AS aachen
            FROM jsonb_array_elements(:'plzjson'::jsonb) e) x;
WITH v AS (
  SELECT ARRAY['Anna','Maria','Julia','Katharina','Sabine','Petra','Claudia','Susanne','Andrea','Birgit',
               'Christine','Stefanie','Nicole','Miriam','Franziska','Johanna','Lena','Carolin','Elif','Natalia'] AS female,
         ARRAY['Thomas','Michael','Andreas','Stefan','Markus','Christian','Frank','Jörg','Matthias','Peter',
               'Tobias','Florian','Jan','Daniel','Martin','Ralf','Uwe','Alexander','Murat','Piotr'] AS male,
         ARRAY['Müller','Schmidt','Schneider','Fischer','Weber','Meyer','Wagner','Becker','Schulz','Hoffmann',
               'Schäfer','Koch','Bauer','Richter','Klein','Wolf','Schröder','Neumann','Schwarz','Zimmermann',
               'Braun','Krüger','Hofmann','Hartmann','Lange','Schmitt','Werner','Schmitz','Krause','Meier',
               'Lehmann','Schmid','Schulze','Maier','Köhler','Herrmann','König','Walter','Özdemir','Nowak'] AS last,
         ARRAY['Hauptstraße','Bahnhofstraße','Kaiserstraße','Goethestraße','Lindenstraße','Schillerstraße',
               'Marktplatz','Kirchstraße','Friedrichstraße','Theaterstraße','Am Stadtpark','Rathausplatz'] AS street,
         ARRAY['Englisch','Französisch','Spanisch','Türkisch','Russisch','Arabisch','Italienisch','Polnisch','Persisch'] AS lang,
         ARRAY['F32','F33','F41','F43','F40','F42','F45','F50','F60','F10'] AS icd,
         ARRAY['8:00-9:00','8:00-8:50','9:00-9:30','12:00-12:50','12:30-13:00','13:00-14:00','14:00-14:30','17:00-17:30'] AS slot,
         ARRAY['Mo','Di','Mi','Do','Fr'] AS day,
         ARRAY['EMDR','Traumatherapie','Schematherapie','Hypnotherapie','DBT','Paartherapie','Gruppentherapie',
               'Kinder- und Jugendlichenpsychotherapie','Suchttherapie','Achtsamkeitsbasierte Verfahren'] AS quali
), t AS (
  SELECT g, v.*, hashint4(g) & 2147483647 AS h, hashint4(g + 7919) & 2147483647 AS h2,
         hashint4(g + 104729) & 2147483647 AS h3
    FROM generate_series(1, :n) g, v
), p AS (
  SELECT t.*, h % 100 < 72 AS is_female,
         CASE WHEN h2 % 20 < 16 THEN 'aktiv' WHEN h2 % 20 < 18 THEN 'inaktiv' ELSE 'gesperrt' END AS st,
         (SELECT count(*)::integer FROM plz_pick WHERE aachen = (g % 50 = 25)) AS pool
    FROM t
), q AS (
  SELECT p.*, x.plz, x.ort,
         CASE WHEN is_female THEN female[1 + h3 % 20] ELSE male[1 + h3 % 20] END AS vn,
         last[1 + (h / 100) % 40] AS nn
    FROM p JOIN plz_pick x ON x.aachen = (p.g % 50 = 25) AND x.i = 1 + (p.h / 7) % p.pool
)
INSERT INTO therapist_service.therapeuten (
  anrede, geschlecht, titel, vorname, nachname, strasse, plz, ort, telefon, fax, email, webseite,
  kassensitz, telefonische_erreichbarkeit, fremdsprachen, psychotherapieverfahren, zusatzqualifikationen,
  besondere_leistungsangebote, letzter_kontakt_email, letzter_kontakt_telefon, letztes_persoenliches_gespraech,
  potenziell_verfuegbar, potenziell_verfuegbar_notizen, ueber_curavani_informiert, naechster_kontakt_moeglich,
  bevorzugte_diagnosen, alter_min, alter_max, geschlechtspraeferenz, arbeitszeiten, bevorzugt_gruppentherapie,
  status, sperrgrund, sperrdatum, created_at, updated_at)
SELECT
  CASE WHEN is_female THEN 'Frau' ELSE 'Herr' END::therapist_service.anrede,
  CASE WHEN g % 97 = 13 THEN 'divers' WHEN is_female THEN 'weiblich' ELSE 'männlich' END::therapist_service.geschlecht,
  (ARRAY['Dr.', 'Dipl.-Psych.', 'Dipl.-Psych.', 'M.Sc.', 'Dr. phil.', NULL, NULL, NULL])[1 + h2 % 8],
  vn, nn,
  street[1 + h % 12] || ' ' || (1 + h3 % 140),
  plz, ort,
  '0' || (201 + h % 780) || ' ' || lpad((h3 % 10000000)::text, 7, '0'),
  CASE WHEN h % 5 < 2 THEN '0' || (201 + h % 780) || ' ' || lpad((h3 % 10000000 + 1)::text, 7, '0') END,
  CASE WHEN h3 % 20 < 17 THEN (ARRAY['praxis.', 'kontakt.', '', 'info.'])[1 + h % 4]
         || lower(translate(CASE WHEN h % 4 = 2 THEN vn || '.' || nn ELSE nn END, 'äöüßÖ', 'aouso')) || g || '@example.org' END,
  CASE WHEN h2 % 2 = 0 THEN 'https://www.psychotherapie-' || lower(translate(nn, 'äöüßÖ', 'aouso')) || '-' || g || '.example.org' END,
  h % 10 <> 0,
  CASE WHEN h3 % 10 = 0 THEN '{}'::jsonb ELSE
    (SELECT jsonb_object_agg(day[d],
              CASE WHEN (h3 / (d * 3)) % 3 = 0 THEN '[]'::jsonb
                   WHEN (h3 / d) % 4 = 0 THEN jsonb_build_array(slot[1 + least((h + d) % 8, (h + d + 4) % 8)],
                                                                  slot[1 + greatest((h + d) % 8, (h + d + 4) % 8)])
                   ELSE jsonb_build_array(slot[1 + (h + d) % 8]) END)
       FROM generate_series(1, 5) d) END,
  (SELECT coalesce(jsonb_agg(lang[1 + (h + k * 4) % 9] ORDER BY k), '[]'::jsonb)
     FROM generate_series(1, (h2 / 3) % 4 - 1) k),
  (ARRAY['Verhaltenstherapie', 'tiefenpsychologisch_fundierte_Psychotherapie', 'Verhaltenstherapie',
         'tiefenpsychologisch_fundierte_Psychotherapie', 'Verhaltenstherapie', 'Verhaltenstherapie',
         'tiefenpsychologisch_fundierte_Psychotherapie', 'Verhaltenstherapie', 'tiefenpsychologisch_fundierte_Psychotherapie',
         'Verhaltenstherapie', 'tiefenpsychologisch_fundierte_Psychotherapie', 'Verhaltenstherapie',
         'tiefenpsychologisch_fundierte_Psychotherapie', 'Verhaltenstherapie', 'tiefenpsychologisch_fundierte_Psychotherapie',
         'Verhaltenstherapie', 'Verhaltenstherapie', 'tiefenpsychologisch_fundierte_Psychotherapie', 'egal',
         'Verhaltenstherapie'])[1 + h3 % 20]::therapist_service.therapieverfahren,
  CASE WHEN h % 2 = 0 THEN quali[1 + h2 % 10] || ', ' || quali[1 + (h2 / 10) % 10] END,
  CASE WHEN h2 % 10 < 3 THEN (ARRAY['Videosprechstunde', 'Abendtermine nach Vereinbarung',
         'Barrierefreie Praxis', 'Akutsprechstunde innerhalb von 2 Wochen'])[1 + h % 4] END,
  CASE WHEN h % 3 = 0 THEN date '2026-11-20' - (h3 % 400)::integer END,
  CASE WHEN h % 4 = 0 THEN date '2026-11-20' - (h2 % 300)::integer END,
  CASE WHEN h % 25 = 0 THEN date '2026-11-20' - (h % 700)::integer END,
  h3 % 4 = 0,
  CASE WHEN h3 % 8 = 0 THEN 'Ab ' || (ARRAY['Januar', 'Februar', 'März', 'April'])[1 + h % 4] || ' wieder Plätze frei' END,
  h2 % 5 < 2,
  CASE WHEN h % 10 < 3 THEN date '2026-11-23' + (h3 % 120)::integer - 30 END,
  CASE WHEN h2 % 2 = 0 THEN '[]'::jsonb ELSE
    (SELECT jsonb_agg(icd[1 + (h + k * 3) % 10] ORDER BY k) FROM generate_series(1, 1 + h % 3) k) END,
  CASE WHEN h % 10 < 7 THEN (ARRAY[18, 18, 21, 16])[1 + h2 % 4] END,
  CASE WHEN h % 10 < 7 THEN (ARRAY[99, 65, 80, 99])[1 + h3 % 4] END,
  (ARRAY['Egal', 'Egal', 'Egal', 'Weiblich', 'Männlich', NULL])[1 + h % 6],
  CASE WHEN h3 % 2 = 0 THEN '{}'::jsonb ELSE
    jsonb_build_object('Mo', jsonb_build_array('8:00-13:00', '14:00-18:00'), 'Di', jsonb_build_array('8:00-16:00'),
                       'Mi', jsonb_build_array('9:00-13:00'), 'Do', jsonb_build_array('12:00-20:00'),
                       'Fr', CASE WHEN h % 2 = 0 THEN jsonb_build_array('8:00-12:00') ELSE '[]'::jsonb END) END,
  h2 % 7 = 0,
  st::therapist_service.therapeutstatus,
  CASE WHEN st = 'gesperrt' THEN (ARRAY['Wünscht keine Anfragen mehr', 'Praxis vorübergehend geschlossen',
                                        'Elternzeit', 'Mehrfach nicht erreichbar'])[1 + h % 4] END,
  CASE WHEN st = 'gesperrt' THEN date '2026-11-20' - (h % 200)::integer END,
  date '2023-11-01' + (h2 % 1080)::integer,
  CASE WHEN h % 2 = 0 THEN least(date '2026-11-20', date '2023-11-01' + (h2 % 1080)::integer + (h3 % 300)::integer) END
FROM q ORDER BY g;
COMMIT;
