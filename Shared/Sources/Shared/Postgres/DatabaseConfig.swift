/// How services reach PostgreSQL: `pooled` through PgBouncer (transaction mode; the default
/// for request handling) and `direct` (migrations, advisory locks, `LISTEN`).
///
/// Variables: `DB_HOST`, `DB_PORT` (5432), `DB_NAME`, `DB_USER`, `DB_PASSWORD` (or
/// `DB_PASSWORD_FILE`), `PGBOUNCER_HOST` (unset: `pooled` equals `direct`), `PGBOUNCER_PORT`
/// (6432), `DB_POOL_MAX` (10), `DB_STATEMENT_TIMEOUT` (seconds, 5), `DB_CONNECT_TIMEOUT`
/// (seconds, 3).
public struct DatabaseConfig: Sendable {
    /// One server address.
    public struct Endpoint: Sendable, Equatable {
        /// Host name, IP address, or a Unix socket directory (starting with `/`).
        public var host: String
        /// TCP port (also names the socket file).
        public var port: Int
        /// Whether this is PgBouncer, which rejects the `options` startup parameter: the
        /// database's defaults must then provide `DateStyle=ISO` and `TimeZone=UTC`.
        public var isPgBouncer: Bool

        /// An endpoint.
        public init(host: String, port: Int, isPgBouncer: Bool) {
            (self.host, self.port, self.isPgBouncer) = (host, port, isPgBouncer)
        }
    }

    /// PostgreSQL itself.
    public var direct: Endpoint
    /// PgBouncer in front of it (or `direct` when no PgBouncer is configured).
    public var pooled: Endpoint
    /// Database name.
    public var database: String
    /// Role name.
    public var user: String
    /// Password.
    public var password: Secret
    /// Upper bound of open connections per pool.
    public var maxConnections: Int
    /// Longest a statement may run before it is cancelled.
    public var statementTimeout: Duration
    /// Longest a connection attempt may take (libpq counts whole seconds, at least 2).
    public var connectTimeout: Duration
    /// `application_name`, visible in `pg_stat_activity`.
    public var applicationName: String

    /// A configuration from explicit values.
    public init(direct: Endpoint, pooled: Endpoint? = nil, database: String, user: String, password: Secret,
                maxConnections: Int = 10, statementTimeout: Duration = .seconds(5),
                connectTimeout: Duration = .seconds(3), applicationName: String) {
        (self.direct, self.pooled, self.database, self.user) = (direct, pooled ?? direct, database, user)
        (self.password, self.maxConnections, self.statementTimeout) = (password, maxConnections, statementTimeout)
        (self.connectTimeout, self.applicationName) = (connectTimeout, applicationName)
    }

    /// Reads the variables listed on the type; problems are collected in `reader`.
    public init(reading reader: inout ConfigReader, applicationName: String) {
        let direct = Endpoint(host: reader.string("DB_HOST"), port: reader.port("DB_PORT", default: 5432),
                              isPgBouncer: false)
        var pooled = direct
        if let host = reader.optionalString("PGBOUNCER_HOST") {
            pooled = Endpoint(host: host, port: reader.port("PGBOUNCER_PORT", default: 6432), isPgBouncer: true)
        }
        self.init(direct: direct, pooled: pooled, database: reader.string("DB_NAME"),
                  user: reader.string("DB_USER"), password: reader.secret("DB_PASSWORD") ?? Secret(""),
                  maxConnections: reader.int("DB_POOL_MAX", default: 10, range: 1...1000),
                  statementTimeout: reader.seconds("DB_STATEMENT_TIMEOUT", default: .seconds(5)),
                  connectTimeout: reader.seconds("DB_CONNECT_TIMEOUT", default: .seconds(3)),
                  applicationName: applicationName)
    }

    /// libpq keywords and values for `endpoint`: every parameter explicit, so `PG*`
    /// environment variables and service files cannot change where or how we connect.
    func connectionParameters(for endpoint: Endpoint) -> [(String, String)] {
        let timeoutSeconds = max(2, Int((Double(connectTimeout.components.seconds)
            + Double(connectTimeout.components.attoseconds) / 1e18).rounded(.up)))
        var parameters = [
            ("host", endpoint.host), ("port", String(endpoint.port)), ("dbname", database),
            ("user", user), ("password", password.value), ("connect_timeout", String(timeoutSeconds)),
            ("application_name", applicationName), ("client_encoding", "UTF8"),
            ("sslmode", "prefer"), ("gssencmode", "disable"), ("target_session_attrs", "any"),
            ("keepalives", "1"), ("passfile", "/dev/null"),
        ]
        if !endpoint.isPgBouncer {
            let millis = statementTimeout.components.seconds * 1000
                + statementTimeout.components.attoseconds / 1_000_000_000_000_000
            parameters.append(("options", "-c DateStyle=ISO -c TimeZone=UTC -c statement_timeout=\(millis)"))
        }
        return parameters
    }
}
