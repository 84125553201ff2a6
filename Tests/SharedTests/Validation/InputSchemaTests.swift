import Testing
import Shared

@Suite("InputSchema")
struct InputSchemaTests {
    enum Colour: String, Vocabulary {
        case rot, grün
        static let label = "colour"
    }

    static let schema = InputSchema([
        .vocabulary("colour", Colour.self, emptyIsAbsent: false, requiredHelp: "Colour is required"),
        InputField("name", .text(maxLength: 5), requiredHelp: "Name is required"),
        InputField("day", .date),
        InputField("flag", .bool),
        InputField("age", .integer(0...150)),
        InputField("tags", .array),
        InputField("hours", .object),
        InputField("even", .custom(problem: { ($0.intValue ?? 1) % 2 == 0 ? nil : "even: must be even" })),
        .vocabulary("mood", Colour.self, emptyIsAbsent: true),
    ])

    static func object(_ text: String) throws -> JSONObject { try #require(try JSONParser.parse(text).objectValue) }

    @Test("valid values come back in declaration order with their kinds; unknown members and nulls are skipped")
    func valid() throws {
        let values = try Self.schema.values(from: try Self.object("""
            {"hours":{"Mo":[]},"x":1,"name":12,"colour":"gru\\u0308n","day":"2025-02-28","flag":false,"age":" 42 ","tags":[1],"even":4,"mood":"","flag2":null}
            """), mode: .create)
        #expect(values.map(\.field) == [0, 1, 2, 3, 4, 5, 6, 7])
        #expect(values.map(\.value) == [.text("grün"), .text("12"), .date(LocalDate(year: 2025, month: 2, day: 28)!), .bool(false),
                                         .int(42), .json([1]), .json(["Mo": []]), .json(4)])
        guard case .text(let colour) = values[0].value else { Issue.record("not text"); return }
        #expect(Array(colour.utf8) == Array("gr\u{FC}n".utf8), "stored in the exact spelling")
    }

    @Test("create: required fields (missing or null) and type errors are flattened '<field>: <text>'", arguments: [
        (#"{"name":"a"}"#, "colour: Colour is required"),
        (#"{"colour":null,"name":"a"}"#, "colour: Colour is required"),
        (#"{"colour":"rot"}"#, "name: Name is required"),
        (#"{"colour":"rot","name":true}"#, "name: Must be a string"),
        (#"{"colour":"rot","name":"a","flag":"false"}"#, "flag: Must be a boolean (true or false)"),
        (#"{"colour":"rot","name":"a","age":"x1"}"#, "age: invalid literal for int() with base 10: 'x1'"),
        (#"{"colour":"rot","name":"a","age":1.5}"#, "age: Must be an integer"),
        (#"{"colour":"rot","name":"a","tags":{}}"#, "tags: Must be a JSON array"),
        (#"{"colour":"rot","name":"a","hours":[]}"#, "hours: Must be a JSON object"),
    ])
    func createParserErrors(body: String, message: String) throws {
        #expect(throws: InputError.invalid(message)) { try Self.schema.values(from: try Self.object(body), mode: .create) }
    }

    @Test("update: nothing is required and type errors name the field")
    func updateParserErrors() throws {
        #expect(try Self.schema.values(from: try Self.object("{}"), mode: .update).isEmpty)
        #expect(throws: InputError.invalidField(field: "age", text: "Must be an integer")) {
            try Self.schema.parse(try Self.object(#"{"colour":"blau","age":true}"#), mode: .update)
        }
    }

    @Test("the validation pass runs after the whole parser pass, in declaration order", arguments: [
        (#"{"colour":"blau","name":"toolong","day":"x"}"#, "Invalid colour 'blau'. Valid values: rot, grün"),
        (#"{"colour":"","name":"a"}"#, "Colour is required"),
        (#"{"colour":"rot","name":"toolong","day":"x"}"#, "name: must be at most 5 characters"),
        (#"{"colour":"rot","name":"a\u0000","day":"x"}"#, "name: must not contain NUL characters"),
        (#"{"colour":"rot","name":"a","day":"2025-02-30"}"#, "Invalid date format for day. Use YYYY-MM-DD"),
        (#"{"colour":"rot","name":"a","day":20250101}"#, "Invalid date format for day. Use YYYY-MM-DD"),
        (#"{"colour":"rot","name":"a","age":151}"#, "age: must be between 0 and 150"),
        (#"{"colour":"rot","name":"a","age":"-1"}"#, "age: must be between 0 and 150"),
        (#"{"colour":"rot","name":"a","tags":["a\u0000"]}"#, "tags: must not contain NUL characters"),
        (#"{"colour":"rot","name":"a","tags":[1e999]}"#, "tags: contains a number out of range"),
        (#"{"colour":"rot","name":"a","even":3}"#, "even: must be even"),
        (#"{"colour":"rot","name":"a","mood":"blau"}"#, "Invalid colour 'blau'. Valid values: rot, grün"),
    ])
    func validationErrors(body: String, message: String) throws {
        let parsed = try Self.schema.parse(try Self.object(body), mode: .update)
        #expect(throws: InputError.invalid(message)) { try parsed.validated() }
    }

    @Test("an empty date and an empty optional vocabulary count as not provided")
    func emptyIsAbsent() throws {
        #expect(try Self.schema.values(from: try Self.object(#"{"day":"","mood":""}"#), mode: .update).isEmpty)
    }
}
