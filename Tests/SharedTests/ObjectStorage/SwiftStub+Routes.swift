import Foundation
import Synchronization
@testable import Shared

extension SwiftStub {
    func router() -> Router {
        var router = Router()
        router.post("/identity/v3/auth/tokens") { request, _ in self.authenticate(request) }
        router.get("/object/v1/AUTH_test") { request, _ in
            self.storage(request) { state in
                let names = state.objects.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                return Self.jsonArray(names.map { name in var o = JSONBuilder(); o.member("name", string: name); return o.finish() })
            }
        }
        router.get("/object/v1/AUTH_test/{container}") { request, context in
            self.storage(request) { state in
                guard let objects = state.objects[context.parameters["container"]!] else { return Response(status: .notFound) }
                return self.listing(objects, request.query, &state)
            }
        }
        for template in ["/{a}", "/{a}/{b}", "/{a}/{b}/{c}"] {
            let path = "/object/v1/AUTH_test/{container}" + template
            router.get(path) { request, context in
                self.storage(request) { state in
                    let (container, name) = Self.object(context)
                    guard let bytes = state.objects[container]?[name] else { return Response(status: .notFound) }
                    return Response(body: bytes)
                }
            }
            router.put(path) { request, context in
                self.storage(request) { state in
                    let (container, name) = Self.object(context)
                    guard state.objects[container] != nil else { return Response(status: .notFound) }
                    state.objects[container]![name] = request.body
                    return Response(status: .created)
                }
            }
            router.delete(path) { request, context in
                self.storage(request) { state in
                    let (container, name) = Self.object(context)
                    guard state.objects[container]?.removeValue(forKey: name) != nil else { return Response(status: .notFound) }
                    return Response(status: .noContent)
                }
            }
        }
        return router
    }

    private func authenticate(_ request: Request) -> Response {
        state.withLock { state in
            state.authRequests.append(Recorded(method: "POST", target: request.target, headers: request.headers, body: request.body))
            if let status = state.authStatus { return Response(status: HTTPStatus(code: status)) }
            let json = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any]
            let identity = (json?["auth"] as? [String: Any])?["identity"] as? [String: Any]
            let credential = identity?["application_credential"] as? [String: Any]
            guard identity?["methods"] as? [String] == ["application_credential"],
                  credential?["id"] as? String == Self.applicationID,
                  credential?["secret"] as? String == Self.applicationSecret else { return Response(status: .unauthorized) }
            state.issued += 1
            let token = "tok-\(state.issued)"
            state.validTokens.insert(token)
            return Response(status: .created, headers: ["X-Subject-Token": token, "Content-Type": "application/json"],
                            body: Array(#"{"token":{"methods":["application_credential"]}}"#.utf8))
        }
    }

    /// Records the request, checks the token and runs `body` under the lock.
    private func storage(_ request: Request, _ body: (inout State) -> Response) -> Response {
        state.withLock { state in
            state.storageRequests.append(Recorded(method: request.method.rawValue, target: request.target,
                                                  headers: request.headers, body: request.body))
            guard !state.rejectAllTokens, let token = request.headers["X-Auth-Token"],
                  state.validTokens.contains(token) else { return Response(status: .unauthorized) }
            if let (status, text) = state.storageOverride { return Response(status: HTTPStatus(code: status), body: Array(text.utf8)) }
            return body(&state)
        }
    }

    private static func object(_ context: RequestContext) -> (String, String) {
        let parts = ["a", "b", "c"].compactMap { context.parameters[$0] }
        return (context.parameters["container"]!, parts.joined(separator: "/"))
    }

    static func jsonArray(_ items: [[UInt8]]) -> Response {
        Response.json(bytes: [UInt8]("[".utf8) + Array(items.joined(separator: [UInt8(ascii: ",")])) + [UInt8]("]".utf8))
    }
}
