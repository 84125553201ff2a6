internal import Shared
internal import HTTPSTransport

/// `GeocodingUpstream` over Nominatim and OSRM: both share one `UpstreamClient`, and with it
/// one rate limiter (the limit is per process across both upstreams, geocoding.md §2.5).
struct OSMUpstream: GeocodingUpstream {
    let nominatim: NominatimClient
    let osrm: OSRMClient

    /// Both upstreams over `client`.
    init(nominatimURL: String, osrmURL: String, carProfile: String, transitProfile: String, client: UpstreamClient) {
        nominatim = NominatimClient(base: UpstreamBase(nominatimURL), client: client)
        osrm = OSRMClient(base: UpstreamBase(osrmURL), client: client, carProfile: carProfile, transitProfile: transitProfile)
    }

    /// The production wiring from the service's settings: `http://` through `httpClient`
    /// (create it with `requestTimeout: config.timeout` and run it as a component), `https://`
    /// through URLSession with `config.timeout`; a fresh process-wide rate limiter.
    init(_ config: GeocodingConfig, httpClient: HTTPClient, logger: Logger) {
        let transport = ObjectStorageSchemeTransport(
            httpClient: httpClient, secure: ObjectStorageURLSessionTransport(timeout: config.timeout))
        let client = UpstreamClient(transport: transport, limiter: RateLimiter(requestsPerSecond: config.rateLimit),
                                    userAgent: config.userAgent, maxAttempts: config.maxAttempts, logger: logger)
        self.init(nominatimURL: config.nominatimURL, osrmURL: config.osrmURL, carProfile: config.carProfile,
                  transitProfile: config.transitProfile, client: client)
    }

    func search(_ address: String) async -> Place? { await nominatim.search(address) }

    func reverse(_ point: Coordinates) async -> Place? { await nominatim.reverse(point) }

    func routeKm(from: Coordinates, to: Coordinates, mode: TravelMode) async -> Double? {
        await osrm.routeKm(from: from, to: to, mode: mode)
    }
}
