/// Where and how `SMTPClient` delivers (spec communication §6.1, external §3).
public struct SMTPConfiguration: Sendable {
    /// Relay host (`SMTP_HOST`).
    public var host: String
    /// Relay port (`SMTP_PORT`); plain TCP, never implicit TLS.
    public var port: Int
    /// `SMTP_USERNAME`; AUTH is used only when username and password are both non-empty.
    public var username: String
    /// `SMTP_PASSWORD` (or `_FILE`); never logged, never in error descriptions.
    public var password: String
    /// `SMTP_USE_TLS`: require STARTTLS (curl `CURLUSESSL_ALL`) and verify the certificate.
    public var useTLS: Bool
    /// Limit for establishing the TCP connection (and the TLS upgrade).
    public var connectTimeout: Duration
    /// Limit for the whole delivery, from connect to the final reply.
    public var totalTimeout: Duration
    /// PEM file of the CA certificates that verify the relay (`SMTP_CA_FILE`); nil: the system's.
    public var caFile: String?

    /// A configuration; timeouts default to 10 s to connect and 60 s in total, CAs to the system's.
    public init(host: String, port: Int, username: String = "", password: String = "", useTLS: Bool = false,
                connectTimeout: Duration = .seconds(10), totalTimeout: Duration = .seconds(60), caFile: String? = nil) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.useTLS = useTLS
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.caFile = caFile
    }

    /// Whether AUTH is attempted.
    public var usesAuthentication: Bool { !username.isEmpty && !password.isEmpty }

    /// `smtp://host:port` (IPv6 literals bracketed).
    var url: String { host.contains(":") ? "smtp://[\(host)]:\(port)" : "smtp://\(host):\(port)" }
}

extension Duration {
    /// Whole milliseconds, at least 1.
    var curlMilliseconds: Int {
        let (seconds, attoseconds) = components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
