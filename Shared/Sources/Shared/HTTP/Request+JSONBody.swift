extension Request {
    /// The body as a JSON object; an empty (or all-whitespace) body is an empty object. Not JSON,
    /// or JSON that is not an object → 400 with a message saying which.
    public func jsonObject() throws(Problem) -> JSONObject {
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return JSONObject() }
        let value: JSONValue
        do { value = try JSONParser.parse(body) } catch {
            throw Problem(.badRequest, "Invalid JSON body: \(error)", code: "request.malformed_body")
        }
        guard let object = value.objectValue else {
            throw Problem(.badRequest, "Request body must be a JSON object", code: "request.malformed_body")
        }
        return object
    }
}
