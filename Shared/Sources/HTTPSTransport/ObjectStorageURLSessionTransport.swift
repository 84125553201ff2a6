// The one file that needs FoundationNetworking (URLSession, libcurl) for `https`. It is a target
// of its own so that only the binaries that call https endpoints carry Foundation's networking
// stack (≈ 50 MB and a libcurl dependency); the others stay small.
public import Shared
import Foundation
import Synchronization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `ObjectStorageTransport` over `URLSession` for `https://` URLs (Keystone and Swift at
/// Infomaniak). An ephemeral session: no cookies, no cache, no stored credentials. The session
/// (and with it libcurl and Foundation's networking state, ~10 MB) is created on the first
/// request, so a process that never calls https never pays for it.
public struct ObjectStorageURLSessionTransport: ObjectStorageTransport {
    private final class LazySession: Sendable {
        let seconds: Double
        let session = Mutex<URLSession?>(nil)
        init(seconds: Double) { self.seconds = seconds }

        var value: URLSession {
            session.withLock { session in
                if let session { return session }
                let configuration = URLSessionConfiguration.ephemeral
                configuration.timeoutIntervalForRequest = seconds
                configuration.timeoutIntervalForResource = seconds
                configuration.httpCookieStorage = nil
                configuration.urlCache = nil
                let created = URLSession(configuration: configuration)
                session = created
                return created
            }
        }
    }

    private let lazySession: LazySession

    /// A transport whose requests may take at most `timeout` in total.
    public init(timeout: Duration = .seconds(30)) {
        lazySession = LazySession(seconds: Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18)
    }

    /// Sends `request`; failures become `.transport` naming the URL error code and the host.
    public func send(_ request: ObjectStorageRequest) async throws(ObjectStorageError) -> ObjectStorageResponse {
        guard let url = URL(string: request.url), let host = url.host else {
            throw .transport("invalid URL")
        }
        var outgoing = URLRequest(url: url)
        outgoing.httpMethod = request.method.rawValue
        for field in request.headers { outgoing.addValue(field.value, forHTTPHeaderField: field.name) }
        if let body = request.body { outgoing.httpBody = Data(body) }
        let endpoint = "\(host):\(url.port ?? (url.scheme?.lowercased() == "https" ? 443 : 80))"
        do {
            let (data, response) = try await lazySession.value.data(for: outgoing)
            guard let response = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
            var headers = HTTPHeaders()
            for (name, value) in response.allHeaderFields {
                if let name = name as? String, let value = value as? String { headers.add(name, value) }
            }
            return ObjectStorageResponse(status: response.statusCode, headers: headers, body: [UInt8](data))
        } catch let error as URLError where error.code == .cancelled {
            throw .cancelled
        } catch is CancellationError {
            throw .cancelled
        } catch let error as URLError {
            throw .transport("\(Self.phrase(error.code)) (\(endpoint))")
        } catch {
            throw .transport("URLSession failure (\(endpoint))")
        }
    }

    /// A fixed phrase for the common failures, the numeric code otherwise.
    static func phrase(_ code: URLError.Code) -> String {
        switch code {
        case .timedOut: "timed out"
        case .cannotFindHost, .dnsLookupFailed: "host not found"
        case .cannotConnectToHost: "connection refused"
        case .networkConnectionLost: "connection lost"
        case .notConnectedToInternet: "network unreachable"
        case .secureConnectionFailed: "TLS handshake failed"
        case .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid,
             .serverCertificateHasUnknownRoot: "server certificate rejected"
        case .badServerResponse: "malformed response"
        default: "URLSession error \(code.rawValue)"
        }
    }
}
