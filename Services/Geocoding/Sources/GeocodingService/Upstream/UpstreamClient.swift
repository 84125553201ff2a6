internal import Shared

/// The request procedure shared by Nominatim and OSRM (geocoding.md §2.5): rate limit,
/// `User-Agent`, up to `maxAttempts` attempts with the original's waits, JSON of a 200 or nil.
///
/// The deadline (`OSM_TIMEOUT`) is the transport's: the `HTTPClient`'s `requestTimeout` for
/// `http://`, the URLSession transport's timeout for `https://`.
struct UpstreamClient: Sendable {
    let transport: any ObjectStorageTransport
    let limiter: RateLimiter
    let userAgent: String
    /// `OSM_MAX_RETRIES`: attempts in total (at least 1).
    let maxAttempts: Int
    /// The back-off pauses between attempts (1 s after a failure, `min(2^attempt, 60)` s after a 429).
    let pause: Sleeper
    let logger: Logger

    init(transport: any ObjectStorageTransport, limiter: RateLimiter, userAgent: String, maxAttempts: Int,
         pause: @escaping Sleeper = Sleepers.task, logger: Logger) {
        (self.transport, self.limiter, self.userAgent) = (transport, limiter, userAgent)
        (self.maxAttempts, self.pause, self.logger) = (max(1, maxAttempts), pause, logger)
    }

    /// `GET url` → the parsed JSON of the first 200 answer, or nil when every attempt failed
    /// or the task was cancelled. Logs host, path template, status and attempt only.
    func getJSON(_ url: UpstreamURL) async -> JSONValue? {
        let request = ObjectStorageRequest(method: .get, url: url.url,
                                           headers: ["User-Agent": userAgent, "Accept": "application/json"])
        for attempt in 0..<maxAttempts {
            do throws(CancellationError) {
                try await limiter.acquire()
                let outcome = await send(request, url: url, attempt: attempt)
                switch outcome {
                case .json(let value): return value
                case .retryAfter(let wait) where attempt + 1 < maxAttempts: try await pause(wait)
                case .retryAfter: break
                case .cancelled: return nil
                }
            } catch {
                return nil
            }
        }
        return nil
    }

    private enum Outcome {
        case json(JSONValue)
        case retryAfter(Duration)
        case cancelled
    }

    /// One attempt. A 200 whose body is not JSON counts as a failed attempt (as `requests`'
    /// `JSONDecodeError`, a `RequestException`, did in the original).
    private func send(_ request: ObjectStorageRequest, url: UpstreamURL, attempt: Int) async -> Outcome {
        do {
            let response = try await transport.send(request)
            if response.status == 200, let value = try? JSONParser.parse(response.body) { return .json(value) }
            if response.status == 429 {
                logFailure("rate limited", url: url, attempt: attempt, status: "429")
                return .retryAfter(.seconds(min(1 << min(attempt, 6), 60)))
            }
            logFailure(response.status == 200 ? "answered invalid JSON" : "answered an error status",
                       url: url, attempt: attempt, status: String(response.status))
        } catch .cancelled {
            return .cancelled
        } catch {
            // `ObjectStorageError.transport` carries a fixed phrase and host:port, never path or query.
            logFailure("request failed", url: url, attempt: attempt, status: nil, extra: ["error": error.description])
        }
        return .retryAfter(.seconds(1))
    }

    private func logFailure(_ what: String, url: UpstreamURL, attempt: Int, status: String?,
                            extra: KeyValuePairs<String, String> = [:]) {
        var line = logger.with("upstream.host", url.host).with("upstream.route", url.route)
            .with("attempt", "\(attempt + 1)/\(maxAttempts)")
        if let status { line = line.with("status", status) }
        line.warning("upstream \(what)", extra)
    }
}
