internal import Shared

/// The fields of `POST /api/phone-calls` (communication.md §3.3) and their parser: JSON types
/// first (per-field messages, 400 `{"message": {"<field>": "<text>"}}`), then the spec's rules
/// in its order.
enum PhoneCallFields {
    /// Ids must fit the `integer` columns; 0 counts as absent (the original tested truthiness).
    static let idRange = 0...Int(Int32.max)

    static let create = InputSchema([
        InputField("therapist_id", .integer(idRange)),
        InputField("patient_id", .integer(idRange)),
        InputField("therapeutenanfrage_id", .integer(idRange)),
        InputField("geplantes_datum", .text(maxLength: nil)),
        InputField("geplante_zeit", .text(maxLength: nil)),
        InputField("dauer_minuten", .integer(idRange)),
        InputField("status", .text(maxLength: nil)),
        InputField("notizen", .text(maxLength: nil)),
    ])

    static let update = InputSchema([
        InputField("geplantes_datum", .text(maxLength: nil)),
        InputField("geplante_zeit", .text(maxLength: nil)),
        InputField("dauer_minuten", .integer(idRange)),
        InputField("tatsaechliches_datum", .text(maxLength: nil)),
        InputField("tatsaechliche_zeit", .text(maxLength: nil)),
        InputField("status", .text(maxLength: nil)),
        InputField("ergebnis", .text(maxLength: nil)),
        InputField("notizen", .text(maxLength: nil)),
        InputField("therapeutenanfrage_id", .integer(idRange)),
    ])

    /// Both passes of `schema` as name → value, with the input errors as `PhoneCallError`s.
    static func values(_ schema: InputSchema, _ body: JSONObject) throws(PhoneCallError) -> [String: InputValue] {
        try values(schema, parsed: parse(schema, body))
    }

    /// The parser pass alone (type errors).
    static func parse(_ schema: InputSchema, _ body: JSONObject) throws(PhoneCallError) -> ParsedInput {
        do { return try schema.parse(body, mode: .update) } catch { throw PhoneCallError(error) }
    }

    /// The validation pass of `parsed` as name → value.
    static func values(_ schema: InputSchema, parsed: ParsedInput) throws(PhoneCallError) -> [String: InputValue] {
        let list: [(field: Int, value: InputValue)]
        do { list = try parsed.validated() } catch { throw PhoneCallError(error) }
        var byName: [String: InputValue] = [:]
        for (index, value) in list { byName[schema.fields[index].name] = value }
        return byName
    }
}

extension PhoneCallError {
    init(_ error: InputError) {
        switch error {
        case .invalid(let message): self = .invalid(message)
        case .invalidField(let field, let text): self = .invalidField(field: field, text: text)
        }
    }
}

extension [String: InputValue] {
    /// A non-empty text value.
    func text(_ name: String) -> String? {
        guard case .text(let text)? = self[name], !text.isEmpty else { return nil }
        return text
    }

    /// A text value, empty ones included.
    func anyText(_ name: String) -> String? {
        guard case .text(let text)? = self[name] else { return nil }
        return text
    }

    func int(_ name: String) -> Int? {
        guard case .int(let value)? = self[name] else { return nil }
        return value
    }
}

/// A validated `POST /api/phone-calls` body (communication.md §3.3 steps 1–6; step 4's slot
/// finder needs the database and runs in the workflow when `call.geplanteZeit` is nil and
/// the call is with a therapist).
struct PhoneCallCreation: Sendable, Equatable {
    var call: NewPhoneCall

    /// `today` is the server's local date; the default date is the day after it.
    init(from body: JSONObject, today: LocalDate) throws(PhoneCallError) {
        let values = try PhoneCallFields.values(PhoneCallFields.create, body)
        // 1. Exactly one recipient; 0 counts as absent.
        let therapist = values.int("therapist_id").flatMap { $0 == 0 ? nil : $0 }
        let patient = values.int("patient_id").flatMap { $0 == 0 ? nil : $0 }
        let recipient: PhoneCallRecipient
        switch (therapist, patient) {
        case (nil, nil): throw .invalid("Either therapist_id or patient_id is required")
        case (.some, .some): throw .invalid("Cannot specify both therapist_id and patient_id")
        case (let id?, nil): recipient = .therapist(id)
        case (nil, let id?): recipient = .patient(id)
        }
        // 2. Duration: a patient's 5 minutes (default or explicit) become 10.
        var duration = values.int("dauer_minuten") ?? 5
        if case .patient = recipient, duration == 5 { duration = 10 }
        // 3. Date: ISO date or datetime; default tomorrow.
        let date: LocalDate
        if let text = values.text("geplantes_datum") {
            guard let parsed = PhoneCallCalendar.isoDate(text) else { throw .invalid("Invalid date format: \(text)") }
            date = parsed
        } else {
            date = today.nextDay()
        }
        // 4./5. A given time must be `H:MM`; a missing one is 10:00 for patients and the slot
        // finder's choice for therapists.
        var time: PhoneCallTime?
        if let text = values.text("geplante_zeit") {
            guard let parsed = PhoneCallTime(request: text) else { throw .invalid("Invalid time format: \(text)") }
            time = parsed
        } else if case .patient = recipient {
            time = PhoneCallSlotFinder.candidates[0]
        }
        // 6. Status: ⚠ fixed, validated like on PUT (the original let the database reject it: 500).
        var status = PhoneCallStatus.geplant
        if let text = values.text("status") {
            guard let parsed = PhoneCallStatus(rawValue: text) else { throw .invalid(PhoneCallStatus.invalidValueMessage(text)) }
            status = parsed
        }
        let inquiry = values.int("therapeutenanfrage_id").flatMap { $0 == 0 ? nil : $0 }
        call = NewPhoneCall(recipient: recipient, therapeutenanfrageID: inquiry, geplantesDatum: date, geplanteZeit: time,
                            dauerMinuten: duration, status: status, notizen: values.anyText("notizen"))
    }
}

/// A validated `PUT /api/phone-calls/{id}` body (communication.md §3.5). Nulls and empty
/// dates, times and statuses count as not provided; `ergebnis`/`notizen` may be set to `""`.
struct PhoneCallChanges: Sendable, Equatable {
    var geplantesDatum: LocalDate?
    var geplanteZeit: PhoneCallTime?
    var dauerMinuten: Int?
    var tatsaechlichesDatum: LocalDate?
    var tatsaechlicheZeit: PhoneCallTime?
    var status: PhoneCallStatus?
    var ergebnis: String?
    var notizen: String?
    /// Set (non-nil) when the body carries the field; `.some(nil)` for `0`, which the original
    /// stored and showed as null.
    var therapeutenanfrageID: Int??

    /// The parser pass runs before the existence check (type errors are 400 even for an
    /// unknown id); the value checks after it, in the spec's order: status, dates, times.
    static func parse(_ body: JSONObject) throws(PhoneCallError) -> ParsedInput {
        try PhoneCallFields.parse(PhoneCallFields.update, body)
    }

    init(_ parsed: ParsedInput) throws(PhoneCallError) {
        let values = try PhoneCallFields.values(PhoneCallFields.update, parsed: parsed)
        if let text = values.text("status") {
            guard let status = PhoneCallStatus(rawValue: text) else { throw .invalid(PhoneCallStatus.invalidValueMessage(text)) }
            self.status = status
        }
        for name in ["geplantes_datum", "tatsaechliches_datum"] {
            guard let text = values.text(name) else { continue }
            guard let date = PhoneCallCalendar.isoDate(text) else { throw .invalid("Invalid date format for \(name): \(text)") }
            if name == "geplantes_datum" { geplantesDatum = date } else { tatsaechlichesDatum = date }
        }
        for name in ["geplante_zeit", "tatsaechliche_zeit"] {
            guard let text = values.text(name) else { continue }
            guard let time = PhoneCallTime(request: text) else { throw .invalid("Invalid time format for \(name): \(text)") }
            if name == "geplante_zeit" { geplanteZeit = time } else { tatsaechlicheZeit = time }
        }
        dauerMinuten = values.int("dauer_minuten")
        ergebnis = values.anyText("ergebnis")
        notizen = values.anyText("notizen")
        if let inquiry = values.int("therapeutenanfrage_id") { therapeutenanfrageID = .some(inquiry == 0 ? nil : inquiry) }
    }

    /// `call` with the changes applied (`updated_at` is set by the store).
    func applied(to call: PhoneCall) -> PhoneCall {
        var next = call
        if let geplantesDatum { next.geplantesDatum = geplantesDatum }
        if let geplanteZeit { next.geplanteZeit = geplanteZeit }
        if let dauerMinuten { next.dauerMinuten = dauerMinuten }
        if let tatsaechlichesDatum { next.tatsaechlichesDatum = tatsaechlichesDatum }
        if let tatsaechlicheZeit { next.tatsaechlicheZeit = tatsaechlicheZeit }
        if let status { next.status = status }
        if let ergebnis { next.ergebnis = ergebnis }
        if let notizen { next.notizen = notizen }
        if let therapeutenanfrageID { next.therapeutenanfrageID = therapeutenanfrageID }
        return next
    }
}
