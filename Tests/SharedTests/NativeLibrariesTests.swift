import Testing
import Shared

@Test("links libpq and librdkafka") func nativeVersions() {
    #expect(NativeLibraries.libpqVersion.split(separator: ".").count == 2)
    #expect(NativeLibraries.rdkafkaVersion.hasPrefix("2."))
}
