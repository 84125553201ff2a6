import Testing
import Shared

@Suite("TextRecordLayout")
struct TextRecordLayoutTests {
    static let layout = TextRecordLayout([
        ("n", .number), ("t", .text), ("b", .bool), ("j", .json), ("o", .object), ("a", .array), ("z", .numberOrZero),
    ])

    static func render(_ values: [String?]) -> String {
        var out: [UInt8] = []
        layout.append(values, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test("values are written by kind, keys in order")
    func kinds() {
        #expect(Self.render(["5", "a\"b", "t", #"{"x":[1]}"#, #"{"k":1}"#, "[1,2]", "7"])
                == #"{"n":5,"t":"a\"b","b":true,"j":{"x":[1]},"o":{"k":1},"a":[1,2],"z":7}"#)
    }

    @Test("nulls: null, except objects ({}), arrays ([]) and numberOrZero (0)")
    func nulls() {
        #expect(Self.render([nil, nil, nil, nil, nil, nil, nil]) == #"{"n":null,"t":null,"b":null,"j":null,"o":{},"a":[],"z":0}"#)
    }

    @Test("an object column holding another JSON value reads as {}; an array column wraps a scalar")
    func normalisation() {
        #expect(Self.render(["1", "x", "f", "1", "[1]", #""Englisch""#, "0"])
                == #"{"n":1,"t":"x","b":false,"j":1,"o":{},"a":["Englisch"],"z":0}"#)
        #expect(Self.render(["1", "x", "f", "1", "3", #"{"k":1}"#, "0"]).contains(#""o":{},"a":[{"k":1}]"#))
    }

    @Test("an array of records")
    func array() {
        let small = TextRecordLayout([("id", .number)])
        #expect(String(decoding: small.array([["1"], ["2"]]), as: UTF8.self) == #"[{"id":1},{"id":2}]"#)
        #expect(String(decoding: small.array([]), as: UTF8.self) == "[]")
    }
}
