internal import Shared

/// The rows of a centroid file after the filters of geocoding.md §5.1: German, a 5-digit PLZ
/// (after trimming), non-zero coordinates, one row per PLZ (the first wins). Every row read is
/// either kept or counted as skipped, so `read == centroids.count + skipped`.
public struct CentroidRows: Sendable, Equatable {
    /// The kept centroids in file order, each PLZ once.
    public private(set) var centroids: [Centroid] = []
    /// Data rows read (blank lines are not rows).
    public private(set) var read = 0
    /// Rows dropped: another country, bad PLZ, zero or unparsable coordinates, no place name,
    /// a malformed row, or a PLZ already seen.
    public private(set) var skipped = 0
    private var seen: Set<String> = []

    /// No rows yet.
    public init() {}

    /// Counts one row and keeps its centroid when it passes the filters and its PLZ is new.
    mutating func add(_ row: CentroidRow?) {
        read += 1
        guard let centroid = row?.centroid, seen.insert(centroid.plz).inserted else {
            skipped += 1
            return
        }
        centroids.append(centroid)
    }
}

/// One row's fields as text, as both file formats deliver them.
struct CentroidRow {
    var country: String
    var zipcode: String
    var place: String?
    var state: String?
    var stateCode: String?
    var latitude: String
    var longitude: String

    /// The centroid, or nil when a filter drops the row. Text that does not fit the columns
    /// (`ort` varchar(255), `bundesland` varchar(100), `bundesland_code` varchar(2)) is
    /// dropped too: a missing place drops the row, an oversized state becomes NULL.
    var centroid: Centroid? {
        guard country == "DE" else { return nil }
        let plz = zipcode.trimmingWhitespace()
        guard PLZ.isValid(plz),
              let latitude = Double(latitude.trimmingWhitespace()), let longitude = Double(longitude.trimmingWhitespace()),
              latitude != 0, longitude != 0, abs(latitude) <= 90, abs(longitude) <= 180,
              let place = place?.trimmingWhitespace(), !place.isEmpty, place.unicodeScalars.count <= 255
        else { return nil }
        return Centroid(plz: plz, ort: place, bundesland: CentroidRow.fitting(state, 100),
                        bundeslandCode: CentroidRow.fitting(stateCode, 2),
                        coordinates: Coordinates(latitude: latitude, longitude: longitude))
    }

    /// Trimmed, or nil when empty or longer than `limit` characters.
    static func fitting(_ text: String?, _ limit: Int) -> String? {
        guard let text = text?.trimmingWhitespace(), !text.isEmpty, text.unicodeScalars.count <= limit else { return nil }
        return text
    }
}

/// German postal codes.
public enum PLZ {
    /// Exactly five ASCII digits.
    public static func isValid(_ text: String) -> Bool {
        text.utf8.count == 5 && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// `text` without surrounding white space (the API trims both PLZ parameters).
    public static func trimmed(_ text: String) -> String { text.trimmingWhitespace() }
}
