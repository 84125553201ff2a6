import Shared
import Synchronization

/// The routes of each fake: every request is recorded, then answered with the status set by
/// `failing(_:with:)` or by the fake's handler, all under the world's lock.
extension FakePeers {
    typealias FakeHandler = @Sendable (Request, RequestContext, inout World) throws -> Response

    static func router(for peer: Peer, box: Box) -> Router {
        var router = Router()
        func on(_ method: HTTPMethod, _ template: String, _ handler: @escaping FakeHandler) {
            router.on(method, template) { request, context in
                try box.world.withLock { world in
                    let json = request.body.isEmpty ? nil : try? JSONParser.parse(request.body)
                    world.requests.append(Recorded(method: request.method, path: String(request.path),
                                                   query: request.query, json: json, peer: peer))
                    if peer == .geocoding { world.distanceRequests += 1 }
                    if let status = world.failing[peer] { return message("Fake \(peer) failing", status: status) }
                    return try handler(request, context, &world)
                }
            }
        }
        switch peer {
        case .patient:
            on(.get, "/api/patients") { request, _, world in try list(world.patients, request, plzFilter: true) }
            on(.get, "/api/patients/{id}") { _, context, world in
                try show(world.patients[try context.rowID()], notFound: "Patient not found")
            }
            on(.put, "/api/patients/{id}") { request, context, world in
                try merge(&world.patients, try context.rowID(), request, notFound: "Patient not found")
            }
        case .therapist:
            on(.get, "/api/therapists") { request, _, world in try list(world.therapists, request, plzFilter: true) }
            on(.get, "/api/therapists/{id}") { _, context, world in
                try show(world.therapists[try context.rowID()], notFound: "Therapist not found")
            }
            on(.put, "/api/therapists/{id}") { request, context, world in
                try merge(&world.therapists, try context.rowID(), request, notFound: "Therapist not found")
            }
            on(.get, "/api/therapists/{id}/pdfs") { _, context, world in try pdfs(try context.rowID(), world) }
        case .geocoding:
            on(.get, "/api/calculate-distance") { request, _, world in distance(request, world) }
        case .communication:
            on(.post, "/api/emails") { request, _, world in try created(request, &world, into: \.emails) }
            on(.put, "/api/emails/{id}") { request, context, world in
                let id = try context.rowID(), body = JSONValue.object(try request.jsonObject())
                world.emailUpdates.append((id: id, body: body))
                var object = (world.emails.last { $0["id"]?.intValue == id })?.objectValue ?? ["id": .number(String(id))]
                for (key, value) in body.objectValue ?? JSONObject() { object[key] = value }
                return .json(bytes: JSONWriter().bytes(.object(object)))
            }
            on(.post, "/api/phone-calls") { request, _, world in try created(request, &world, into: \.phoneCalls) }
        }
        return router
    }

    /// `{"message": text}` with `status`.
    static func message(_ text: String, status: HTTPStatus) -> Response {
        .json(bytes: JSONWriter().bytes(["message": .string(text)]), status: status)
    }

    static func show(_ row: JSONValue?, notFound: String) throws -> Response {
        guard let row else { return message(notFound, status: .notFound) }
        return .json(bytes: JSONWriter().bytes(row))
    }

    /// PUT: the body's keys replace the stored ones; 200 with the whole object.
    static func merge(_ rows: inout [Int: JSONValue], _ id: Int, _ request: Request, notFound: String) throws -> Response {
        guard var object = rows[id]?.objectValue else { return message(notFound, status: .notFound) }
        for (key, value) in try request.jsonObject() { object[key] = value }
        rows[id] = .object(object)
        return .json(bytes: JSONWriter().bytes(.object(object)))
    }

    /// POST: 201 with the body plus the next id (from 1000).
    static func created(_ request: Request, _ world: inout World, into list: WritableKeyPath<World, [JSONValue]>) throws -> Response {
        var object = JSONObject([(key: "id", value: .number(String(world.nextCommunicationID)))])
        world.nextCommunicationID += 1
        for (key, value) in try request.jsonObject() where key != "id" { object[key] = value }
        world[keyPath: list].append(.object(object))
        return .json(bytes: JSONWriter().bytes(.object(object)), status: .created)
    }
}
