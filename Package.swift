// swift-tools-version: 6.1
import PackageDescription

// Declared before `package`: top-level manifest code runs in order.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// Folder name → executable (product) name. Each service is a library with everything testable
/// plus a thin `main.swift`; services never import each other.
let services: [(folder: String, binary: String)] = [
    ("Patient", "patient"), ("Therapist", "therapist"), ("Matching", "matching"),
    ("Communication", "communication"), ("Geocoding", "geocoding"), ("Gateway", "gateway"),
]

/// Services whose library carries its hand-written `openapi.yaml`, compiled into the binary
/// (`PackageResources.openapi_yaml`) and served at `GET /openapi.yaml`.
let documentedServices: Set<String> = ["Patient", "Therapist", "Matching", "Geocoding", "Communication"]

/// Services that call https endpoints (Object Storage, prices, Nominatim/OSRM) and so link `HTTPSTransport`.
let httpsServices: Set<String> = ["Patient", "Geocoding", "Communication"]

/// Services that deliver email over SMTP and so link `SMTP` (libcurl through `CCurl`).
let smtpServices: Set<String> = ["Communication"]

func serviceTargets(_ name: String) -> [Target] {
    let library = "\(name)Service"
    return [
        .target(name: library, dependencies: ["Shared"] + (httpsServices.contains(name) ? ["HTTPSTransport"] : [])
                    + (smtpServices.contains(name) ? ["SMTP"] : []),
                path: "Services/\(name)/Sources/\(library)",
                resources: documentedServices.contains(name) ? [.embedInCode("openapi.yaml")] : nil,
                swiftSettings: swiftSettings),
        .executableTarget(name: "\(name)Server", dependencies: [.target(name: library), "Shared"],
                          path: "Services/\(name)/Sources/\(name)Server", swiftSettings: swiftSettings),
        .testTarget(name: "\(library)Tests", dependencies: [.target(name: library), "Shared", "TestSupport"],
                    path: "Tests/\(library)Tests", exclude: name == "Therapist" ? ["Fixtures"] : [],
                    swiftSettings: swiftSettings),
    ]
}

let package = Package(
    name: "curavani",
    platforms: [.macOS(.v15)],
    products: services.map { .executable(name: $0.binary, targets: ["\($0.folder)Server"]) },
    targets: [
        .systemLibrary(name: "CLibPQ", path: "Shared/Sources/CLibPQ", pkgConfig: "libpq",
                       providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CRdKafka", path: "Shared/Sources/CRdKafka", pkgConfig: "rdkafka",
                       providers: [.apt(["librdkafka-dev"])]),
        .target(name: "CSystem", path: "Shared/Sources/CSystem"),
        .target(name: "Shared", dependencies: ["CLibPQ", "CRdKafka", "CSystem"],
                path: "Shared/Sources/Shared", swiftSettings: swiftSettings),
        // URLSession (FoundationNetworking, libcurl) for https; only the services that need it link it.
        .target(name: "HTTPSTransport", dependencies: ["Shared"], path: "Shared/Sources/HTTPSTransport",
                swiftSettings: swiftSettings),
        // libcurl's SMTP (STARTTLS, AUTH): decision 2; only the services in `smtpServices` link it.
        .systemLibrary(name: "CCurl", path: "Shared/Sources/CCurl", pkgConfig: "libcurl",
                       providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "SMTP", dependencies: ["Shared", "CCurl"], path: "Shared/Sources/SMTP",
                swiftSettings: swiftSettings),
        .target(name: "TestSupport", dependencies: ["Shared", "CSystem"], path: "Tests/TestSupport",
                swiftSettings: swiftSettings),
        .testTarget(name: "SharedTests", dependencies: ["Shared", "TestSupport", "HTTPSTransport", "SMTP"],
                    path: "Tests/SharedTests",
                    exclude: ["JSON/Fixtures"], swiftSettings: swiftSettings),
        // Benchmark of PostgresPool against pgbench -S (bench/pg.sh); not a product, not a test.
        .executableTarget(name: "PoolBench", dependencies: ["Shared"], path: "bench/PoolBench",
                          swiftSettings: swiftSettings),
    ] + services.map(\.folder).flatMap(serviceTargets)
)
