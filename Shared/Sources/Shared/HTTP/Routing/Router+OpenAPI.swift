extension Router {
    /// `GET /openapi.yaml`: the service's OpenAPI document (compiled into the binary as a
    /// resource), served byte for byte.
    public mutating func serveOpenAPI(_ document: [UInt8]) {
        get("/openapi.yaml") { _, _ in
            Response(headers: ["Content-Type": "application/yaml; charset=utf-8"], body: document)
        }
    }
}
