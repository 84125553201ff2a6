import Foundation
import Shared

/// The list, PDF and distance answers, shaped like the real services' (patient.md §2.1,
/// therapist.md §2.1/§2.8, geocoding.md `calculate-distance`).
extension FakePeers {
    /// `{"data","page","limit","total"}` ordered by id, filtered by `ids`, `status` and
    /// `plz_prefix` with the real services' rules (`ids` errors included).
    static func list(_ rows: [Int: JSONValue], _ request: Request, plzFilter: Bool) throws -> Response {
        let ids: Set<Int>?
        do { ids = try request.query.idList().map(Set.init) } catch { return message(error.message, status: .badRequest) }
        let status = request.query["status"].flatMap { $0.isEmpty ? nil : $0 }
        let prefix = request.query["plz_prefix"]?.trimmingWhitespace() ?? ""
        let matches = rows.sorted { $0.key < $1.key }.map(\.value).filter { row in
            (ids?.contains(row["id"]?.intValue ?? -1) ?? true)
                && (status == nil || row["status"]?.stringValue == status)
                && (prefix.isEmpty || row["plz"]?.stringValue?.hasPrefix(prefix) == true)
        }
        let paging = PageRequest(page: request.query.get("page"), limit: request.query.get("limit"))
        let page = matches.dropFirst(min(paging.offset, matches.count)).prefix(paging.limit)
        return .json(bytes: paging.json(data: JSONWriter().bytes(.array(Array(page))), total: matches.count))
    }

    static func pdfs(_ id: Int, _ world: World) throws -> Response {
        guard let therapist = world.therapists[id] else { return message("Therapist not found", status: .notFound) }
        let name = ["titel", "vorname", "nachname"].compactMap { therapist[$0]?.stringValue }.joined(separator: " ")
        let forms = (world.pdfs[id] ?? []).sorted { $0.filename < $1.filename }.map { form -> JSONValue in
            let size = ((try? FileManager.default.attributesOfItem(atPath: form.path))?[.size] as? Int) ?? 0
            return ["filename": .string(form.filename), "path": .string(form.path), "size": .number(String(size)),
                    "size_mb": .number(String((Double(size) / 1_048_576 * 100).rounded() / 100)),
                    "modified": 1_700_000_000.0, "modified_datetime": "2023-11-14T22:13:20"]
        }
        let body: JSONValue = ["therapist_id": .number(String(id)), "therapist_name": .string(name.trimmingWhitespace()),
                               "pdf_count": .number(String(forms.count)), "pdfs": .array(forms)]
        return .json(bytes: JSONWriter().bytes(body))
    }

    /// 200 `{"distance_km","status":"success","source":"fake","travel_mode","route_available":true}`;
    /// an unknown pair without a default distance is 400 `{"message": "Could not resolve coordinates"}`.
    static func distance(_ request: Request, _ world: World) -> Response {
        let origin = request.query["origin"] ?? "", destination = request.query["destination"] ?? ""
        let mode = request.query["travel_mode"].flatMap { $0.isEmpty ? nil : $0 } ?? "car"
        guard mode == "car" || mode == "transit" else {
            return message("Mode of transport (car or transit)", status: .badRequest)
        }
        guard let km = world.distances[World.distanceKey(origin, destination)] ?? world.defaultDistanceKm else {
            return message("Could not resolve coordinates", status: .badRequest)
        }
        let body: JSONValue = ["distance_km": .number(String(km)), "status": "success", "source": "fake",
                               "travel_mode": .string(mode), "route_available": true]
        return .json(bytes: JSONWriter().bytes(body))
    }
}
