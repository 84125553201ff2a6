/// Issues and caches Keystone v3 tokens for an OpenStack application credential
/// (`POST <authURL>/auth/tokens`, token in `X-Subject-Token`).
///
/// One authentication runs at a time: callers that arrive meanwhile await the same attempt
/// instead of starting another. A failed attempt is not cached, so the next call tries again.
/// Tokens are kept as `Secret` so they cannot end up in a log line by accident.
actor KeystoneTokens {
    private let tokensURL: String
    private let applicationID: Secret
    private let applicationSecret: Secret
    private let transport: any ObjectStorageTransport
    private var token: Secret?
    private var pending: Task<Result<Secret, ObjectStorageError>, Never>?

    init(authURL: String, applicationID: Secret, applicationSecret: Secret, transport: any ObjectStorageTransport) {
        tokensURL = (authURL.hasSuffix("/") ? String(authURL.dropLast()) : authURL) + "/auth/tokens"
        (self.applicationID, self.applicationSecret, self.transport) = (applicationID, applicationSecret, transport)
    }

    /// The cached token, or a fresh one (joining an authentication already under way).
    func current() async throws(ObjectStorageError) -> Secret {
        if let token { return token }
        let task = pending ?? Task { [tokensURL, applicationID, applicationSecret, transport] in
            await Self.authenticate(tokensURL, applicationID, applicationSecret, transport)
        }
        pending = task
        let result = await task.value
        if pending == task {   // the first caller to resume publishes the outcome
            pending = nil
            if case .success(let fresh) = result { token = fresh }
        }
        return try result.get()
    }

    /// Forgets `stale` after the storage rejected it, unless another caller already replaced it.
    func invalidate(_ stale: Secret) {
        if token?.value == stale.value { token = nil }
    }

    private static func authenticate(
        _ url: String, _ id: Secret, _ secret: Secret, _ transport: any ObjectStorageTransport
    ) async -> Result<Secret, ObjectStorageError> {
        let request = ObjectStorageRequest(
            method: .post, url: url, headers: ["Content-Type": "application/json", "Accept": "application/json"],
            body: requestBody(id: id, secret: secret))
        do {
            let response = try await transport.send(request)
            guard response.status == 201 || response.status == 200 else {
                return .failure(.authenticationFailed(status: response.status))
            }
            guard let token = response.headers["X-Subject-Token"], !token.isEmpty else {
                return .failure(.invalidResponse("Keystone answered without X-Subject-Token"))
            }
            return .success(Secret(token))
        } catch {
            return .failure(error)
        }
    }

    /// `{"auth":{"identity":{"methods":["application_credential"],"application_credential":{"id":…,"secret":…}}}}`.
    static func requestBody(id: Secret, secret: Secret) -> [UInt8] {
        var credential = JSONBuilder()
        credential.member("id", string: id.value)
        credential.member("secret", string: secret.value)
        var identity = JSONBuilder()
        identity.member("methods", strings: ["application_credential"])
        identity.member("application_credential", rawBytes: credential.finish())
        var auth = JSONBuilder()
        auth.member("identity", rawBytes: identity.finish())
        var body = JSONBuilder()
        body.member("auth", rawBytes: auth.finish())
        return body.finish()
    }
}
