internal import Shared

/// A phone call as the texts of the wire object (communication.md §3.1), in its key order.
/// The read model takes these texts from SQL, `init(_:)` from a `PhoneCall`; both render the
/// same bytes: ids 0 or null → null, `geplante_zeit` `HH:MM`, `dauer_minuten` 0 when null,
/// timestamps in RFC 822 (`Mon, 09 Jun 2025 10:30:00 -0000`).
struct PhoneCallRecord: Sendable, Equatable {
    static let layout = TextRecordLayout([
        ("id", .number), ("therapist_id", .number), ("patient_id", .number), ("therapeutenanfrage_id", .number),
        ("geplantes_datum", .text), ("geplante_zeit", .text), ("dauer_minuten", .numberOrZero),
        ("tatsaechliches_datum", .text), ("tatsaechliche_zeit", .text), ("status", .text), ("ergebnis", .text),
        ("notizen", .text), ("created_at", .text), ("updated_at", .text),
    ])

    /// One text per `layout` key (nil: null).
    let values: [String?]

    init(values: [String?]) {
        precondition(values.count == Self.layout.keys.count, "a phone-call record has one value per key")
        self.values = values
    }

    init(_ c: PhoneCall) {
        func id(_ value: Int?) -> String? { value.flatMap { $0 == 0 ? nil : String($0) } }
        self.init(values: [
            String(c.id), id(c.recipient.therapistID), id(c.recipient.patientID), id(c.therapeutenanfrageID),
            c.geplantesDatum.description, c.geplanteZeit.description, c.dauerMinuten.map(String.init),
            c.tatsaechlichesDatum?.description, c.tatsaechlicheZeit?.description, c.status.rawValue, c.ergebnis,
            c.notizen, c.createdAt.map(PhoneCallCalendar.rfc822), c.updatedAt.map(PhoneCallCalendar.rfc822),
        ])
    }

    /// The wire object.
    var json: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(384)
        Self.layout.append(values, to: &out)
        return out
    }
}
