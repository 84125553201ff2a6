internal import Shared

/// The two centroid file formats and their parsers. Both are pure: bad rows are counted as
/// skipped, never thrown; only a JSON file that is not a list of rows fails as a whole.
public enum CentroidFileFormat: String, Sendable {
    /// A JSON list of objects (geocoding.md §5.1): `country_code`, `zipcode`, `place`, `state`,
    /// `state_code`, `latitude`, `longitude` (numbers or numeric strings).
    case jsonList = "json"
    /// GeoNames' postal-code dump (`DE.txt`): tab-separated country code, postal code, place
    /// name, admin name1 (state), admin code1, admin name2, admin code2, admin name3, admin
    /// code3, latitude, longitude, accuracy.
    case geoNamesTSV = "geonames-tsv"

    /// JSON when the first character after white space (and a byte-order mark) is `[`, else TSV.
    public static func detect(_ bytes: [UInt8]) -> CentroidFileFormat {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        return start < bytes.count && bytes[start] == UInt8(ascii: "[") ? .jsonList : .geoNamesTSV
    }

    /// Detects the format and parses `bytes`.
    public static func parse(_ bytes: [UInt8]) throws(CentroidImportError) -> CentroidRows {
        switch detect(bytes) {
        case .jsonList: try parseJSONList(bytes)
        case .geoNamesTSV: parseTSV(bytes)
        }
    }

    /// The JSON list format; an element that is not an object, or lacks a field, is a skipped row.
    public static func parseJSONList(_ bytes: [UInt8]) throws(CentroidImportError) -> CentroidRows {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        let list: [JSONValue]
        do { list = try JSONParser.parse(body).arrayValue ?? [] } catch { throw .malformedFile("not valid JSON") }
        var rows = CentroidRows()
        for element in list {
            guard case .object(let object) = element,
                  let country = object["country_code"]?.stringValue,
                  let zipcode = text(object["zipcode"]), let latitude = text(object["latitude"]),
                  let longitude = text(object["longitude"]) else { rows.add(nil); continue }
            rows.add(CentroidRow(country: country, zipcode: zipcode, place: text(object["place"]), state: text(object["state"]),
                                 stateCode: text(object["state_code"]), latitude: latitude, longitude: longitude))
        }
        return rows
    }

    /// The GeoNames TSV; blank lines are ignored, a line with fewer than 11 fields is a skipped row.
    public static func parseTSV(_ bytes: [UInt8]) -> CentroidRows {
        var rows = CentroidRows()
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            let content = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
            if content.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let fields = content.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
            guard fields.count >= 11 else { rows.add(nil); continue }
            rows.add(CentroidRow(country: fields[0], zipcode: fields[1], place: fields[2], state: fields[3],
                                 stateCode: fields[4], latitude: fields[9], longitude: fields[10]))
        }
        return rows
    }

    /// A string as is, a number in its JSON spelling; anything else nil.
    private static func text(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?, .number(let text)?: text
        default: nil
        }
    }
}
