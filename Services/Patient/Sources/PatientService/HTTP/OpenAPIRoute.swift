internal import Shared

/// `GET /openapi.yaml`: the service's OpenAPI 3.1 document, compiled into the binary.
enum OpenAPIRoute {
    static func register(on router: inout Router) {
        let document = PackageResources.openapi_yaml
        router.get("/openapi.yaml") { _, _ in
            Response(headers: ["Content-Type": "application/yaml; charset=utf-8"], body: document)
        }
    }
}
