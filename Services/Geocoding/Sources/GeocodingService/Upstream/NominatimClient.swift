internal import Shared

/// Nominatim's `/search` and `/reverse` (geocoding.md §2.1, §2.2; external.md §4.1).
struct NominatimClient: Sendable {
    let base: UpstreamBase
    let client: UpstreamClient

    /// `GET /search?q=<address>&format=json&limit=1&addressdetails=1` → the first hit, or nil
    /// (empty array, failure, or a hit without valid coordinates). `address` is sent as given.
    func search(_ address: String) async -> Place? {
        let url = base.url(path: "/search", route: "/search",
                           query: ["q": address, "format": "json", "limit": "1", "addressdetails": "1"])
        guard let hit = await client.getJSON(url)?.arrayValue?.first, hit.objectValue != nil,
              let latitude = Self.degrees(hit["lat"], limit: 90), let longitude = Self.degrees(hit["lon"], limit: 180) else {
            return nil
        }
        return Self.place(hit, at: Coordinates(latitude: latitude, longitude: longitude))
    }

    /// `GET /reverse?lat=<lat>&lon=<lon>&format=json&addressdetails=1` for the point rounded to
    /// 6 decimals → a Place at those rounded coordinates; nil on failure, on an answer with
    /// `error` and on an empty or non-object answer (the original tested `not response`).
    func reverse(_ point: Coordinates) async -> Place? {
        let point = point.rounded
        guard let lat = UpstreamEncoding.number(point.latitude), let lon = UpstreamEncoding.number(point.longitude) else {
            return nil
        }
        let url = base.url(path: "/reverse", route: "/reverse",
                           query: ["lat": lat, "lon": lon, "format": "json", "addressdetails": "1"])
        guard let answer = await client.getJSON(url), let object = answer.objectValue,
              object.count > 0, !object.contains("error") else {
            return nil
        }
        return Self.place(answer, at: point)
    }

    /// `display_name` (empty when absent) and `address` (`{}` when absent or not an object).
    private static func place(_ object: JSONValue, at coordinates: Coordinates) -> Place {
        let address = object["address"].flatMap { $0.objectValue != nil ? $0 : nil } ?? .object(JSONObject())
        return Place(coordinates: coordinates, displayName: object["display_name"]?.stringValue ?? "",
                     addressComponents: address)
    }

    /// Nominatim writes `lat`/`lon` as strings (`"52.5170365"`); numbers are accepted too.
    /// NaN, infinities and values beyond ±`limit` are rejected.
    static func degrees(_ value: JSONValue?, limit: Double) -> Double? {
        let parsed: Double? = switch value {
        case .string(let text)?: Double(text.trimmingASCIISpaces)
        case .number(let text)?: Double(text)
        default: nil
        }
        guard let parsed, parsed.isFinite, abs(parsed) <= limit else { return nil }
        return parsed
    }
}

private extension String {
    /// Python's `float()` ignores surrounding whitespace.
    var trimmingASCIISpaces: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return self[start...end]
    }
}
