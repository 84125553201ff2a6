#!/usr/bin/env python3
"""Writes scraped-directory files for the therapist import benchmark.

usage: generate.py OUT_DIR [COUNT=5000] [DATE=20261120] [VARIANT=0]
COUNT therapists spread over ~COUNT/10 ZIP files (5–15 per file) below OUT_DIR/DATE/<plz>.json;
~10 % of them without an adult method (skipped). VARIANT > 0 changes the phone number of every
7th therapist (the "third import with changes" run); the same seed gives the same therapists.
"""
import json, os, random, sys

out = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
date = sys.argv[3] if len(sys.argv) > 3 else "20261120"
variant = int(sys.argv[4]) if len(sys.argv) > 4 else 0
rng = random.Random(42)
first = ["Anna", "Berta", "Clara", "Dora", "Eva", "Frank", "Georg", "Hanna", "Ingo", "Jana", "Klaus", "Lena", "Maria",
         "Nils", "Olga", "Paul", "Rita", "Stefan", "Tina", "Uwe", "Vera", "Werner", "Yvonne", "Zora"]
last = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
        "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Braun", "Zimmermann", "Krüger"]
streets = ["Pontstraße", "Markt", "Hauptstraße", "Bahnhofstraße", "Lindenweg", "Kirchgasse", "Goethestraße"]
methods = [["Verhaltenstherapie (Erwachsene)"], ["Tiefenpsychologisch fundierte Psychotherapie (Erwachsene)"],
           ["Verhaltenstherapie (Erwachsene)", "Tiefenpsychologisch fundierte Psychotherapie (Erwachsene)"],
           ["Verhaltenstherapie (Kinder und Jugendliche)"]]
os.makedirs(os.path.join(out, date), exist_ok=True)
n, plz = 0, 10000
while n < count:
    plz += 7
    size = min(rng.randint(5, 15), count - n)
    therapists = []
    for _ in range(size):
        n += 1
        m = methods[3] if rng.random() < 0.1 else methods[rng.randint(0, 2)]
        phone = f"0{plz} {n:06d}" + ("-1" if variant and n % 7 == 0 else "")
        therapists.append({
            "basic_info": {"salutation": rng.choice(["Herr", "Frau", ""]), "title": rng.choice(["", "", "Dr.", "Dipl.-Psych."]),
                           "first_name": rng.choice(first), "last_name": f"{rng.choice(last)}-{n}"},
            "location": {"street": rng.choice(streets), "house_number": str(rng.randint(1, 120)), "postal_code": str(plz),
                         "city": "Beispielstadt"},
            "contact": {"phone": phone, "email": rng.choice(["", f"praxis{n}@example.org"]), "fax": ""},
            "therapy_methods": m, "languages": rng.choice([[], ["Englisch"], ["Englisch", "Türkisch"]]),
            "telephone_hours": {"Mo": ["09:00-10:00"], "Mi": ["14:00-15:00"]}})
    with open(os.path.join(out, date, f"{plz}.json"), "w") as f:
        json.dump({"therapists": therapists}, f, ensure_ascii=False)
print(f"{n} therapists in {(plz - 10000) // 7} files below {out}/{date}", file=sys.stderr)
