import Testing
import Shared

@Suite("Request.jsonObject")
struct RequestJSONBodyTests {
    static func request(_ body: String) throws -> Request {
        try Request(method: .post, target: "/x", headers: ["Content-Type": "application/json"], body: Array(body.utf8))
    }

    @Test("an empty or blank body is an empty object", arguments: ["", "  \r\n\t"])
    func empty(body: String) throws {
        #expect(try Self.request(body).jsonObject().count == 0)
    }

    @Test("an object is returned with its members in order")
    func object() throws {
        let object = try Self.request(#"{"b":1,"a":"x"}"#).jsonObject()
        #expect(object.members.map(\.key) == ["b", "a"])
    }

    @Test("JSON that is not an object is a 400 naming the problem", arguments: ["[1]", "\"text\"", "5", "null"])
    func notObject(body: String) {
        #expect(throws: Problem(.badRequest, "Request body must be a JSON object", code: "request.malformed_body")) {
            try Self.request(body).jsonObject()
        }
    }

    @Test("text that is not JSON is a 400 starting 'Invalid JSON body: '")
    func notJSON() throws {
        let error = #expect(throws: Problem.self) { try Self.request("{nope").jsonObject() }
        #expect(error?.status == .badRequest)
        #expect(error?.message.hasPrefix("Invalid JSON body: ") == true)
    }
}
