#!/usr/bin/env python3
"""End-to-end check of the matching service against the real services of a running native
environment (default: test, 8011-8015): patient and therapist created in their services, a
Platzsuche, the selection list, a bundle sent at once (the inquiry email appears in the
communication service), the therapist's answer (placement, cooling period on the therapist),
the success email with the patient's status `in_Therapie`. Everything it creates is deleted
again, also after a failure. Prints one line per step; exit 1 on the first failure.
usage: scripts/matching-e2e.py [base port 8010]"""
import datetime, json, random, sys, urllib.request, urllib.error

BASE = int(sys.argv[1]) if len(sys.argv) > 1 else 8010
PATIENT, THERAPIST, MATCHING, COMMUNICATION = (f"http://127.0.0.1:{BASE + n}" for n in (1, 2, 3, 4))
created = []  # (url) to DELETE afterwards, in reverse order


def call(method, url, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def step(name, condition, detail=""):
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else f": {detail}"))
    if not condition:
        raise SystemExit(1)


def journey():
    prefix = f"{random.randint(10, 99)}"
    marker = f"e2e{random.randint(100000, 999999)}"
    status, patient = call("POST", f"{PATIENT}/api/patients", {
        "anrede": "Frau", "geschlecht": "weiblich", "vorname": "Erika", "nachname": marker,
        "plz": prefix + "100", "ort": "Teststadt", "strasse": "Hauptstraße 1", "email": f"{marker}@example.org",
        "geburtsdatum": "1990-05-17", "symptome": ["Schlafstörungen"], "krankenkasse": "TK",
        "erfahrung_mit_psychotherapie": False, "offen_fuer_gruppentherapie": True,
        "zeitliche_verfuegbarkeit": {"montag": ["09:00-12:00"]}, "raeumliche_verfuegbarkeit": {"max_km": 50}})
    step("patient created in the patient service", status == 201, patient)
    created.append(f"{PATIENT}/api/patients/{patient['id']}")
    status, therapist = call("POST", f"{THERAPIST}/api/therapists", {
        "anrede": "Herr", "geschlecht": "männlich", "titel": "Dr.", "vorname": "Max", "nachname": marker,
        "plz": prefix + "101", "ort": "Teststadt", "strasse": "Bahnhofstraße 2", "email": f"praxis.{marker}@example.org",
        "status": "aktiv", "potenziell_verfuegbar": True})
    step("therapist created in the therapist service", status == 201, therapist)
    created.append(f"{THERAPIST}/api/therapists/{therapist['id']}")
    status, search = call("POST", f"{MATCHING}/api/platzsuchen", {"patient_id": patient["id"], "notizen": marker})
    step("Platzsuche created", status == 201 and search.get("status") == "aktiv", search)
    created.append(f"{MATCHING}/api/platzsuchen/{search['id']}")
    status, selection = call("GET", f"{MATCHING}/api/therapeuten-zur-auswahl?plz_prefix={prefix}")
    step("therapist offered for selection", status == 200 and therapist["id"] in [t["id"] for t in selection["data"]], selection)
    status, bundle = call("POST", f"{MATCHING}/api/therapeutenanfragen/erstellen-fuer-therapeut",
                          {"therapist_id": therapist["id"], "plz_prefix": prefix, "sofort_senden": True})
    step("bundle created and sent", status == 201 and bundle.get("gesendet") is True and patient["id"] in bundle["patient_ids"], bundle)
    anfrage_url = f"{MATCHING}/api/therapeutenanfragen/{bundle['anfrage_id']}"
    created.insert(2, anfrage_url)  # deleted before the searches and the therapist
    status, anfrage = call("GET", anfrage_url)
    status, email = call("GET", f"{COMMUNICATION}/api/emails/{anfrage['email_id']}")
    step("inquiry email in the communication service", status == 200
         and email["betreff"] == f"Suche Psychotherapieplätze - Ref: A{bundle['anfrage_id']}"
         and email["empfaenger_email"] == f"praxis.{marker}@example.org", email)
    status, selection = call("GET", f"{MATCHING}/api/therapeuten-zur-auswahl?plz_prefix={prefix}")
    step("a pending therapist is no longer offered", therapist["id"] not in [t["id"] for t in selection["data"]], selection)
    responses = {str(pid): ("angenommen" if pid == patient["id"] else "abgelehnt_Kapazitaet") for pid in bundle["patient_ids"]}
    status, answer = call("PUT", f"{anfrage_url}/antwort", {"patient_responses": responses})
    step("answer recorded", status == 200 and {"patient_id": patient["id"], "platzsuche_id": search["id"]} in answer["angenommene_patienten"], answer)
    status, now = call("GET", f"{THERAPIST}/api/therapists/{therapist['id']}")
    expected = (datetime.datetime.now(datetime.timezone.utc).date() + datetime.timedelta(days=28)).isoformat()
    step("cooling period set on the therapist", now.get("naechster_kontakt_moeglich") == expected, now.get("naechster_kontakt_moeglich"))
    status, body = call("PUT", f"{MATCHING}/api/platzsuchen/{search['id']}", {"status": "erfolgreich"})
    step("search marked erfolgreich", status == 200, body)
    status, details = call("GET", f"{MATCHING}/api/platzsuchen/{search['id']}")
    step("success email sent and noted", "Success email sent to patient" in (details.get("notizen") or ""), details.get("notizen"))
    status, now = call("GET", f"{PATIENT}/api/patients/{patient['id']}")
    step("patient is in_Therapie", now.get("status") == "in_Therapie", now.get("status"))


try:
    journey()
finally:
    for url in reversed(created):
        call("DELETE", url)
print("matching end-to-end journey passed")
