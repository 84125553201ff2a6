internal import CLibPQ
internal import CRdKafka

/// Versions of the C libraries the platform links, reported in logs and build info.
public enum NativeLibraries {
    /// libpq's version, e.g. `15.18`.
    public static var libpqVersion: String {
        let v = Int(PQlibVersion())
        return "\(v / 10000).\(v % 10000)"
    }

    /// librdkafka's version string, e.g. `2.0.2`.
    public static var rdkafkaVersion: String { String(cString: rd_kafka_version_str()) }
}
