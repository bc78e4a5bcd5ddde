// swift-tools-version:6.2
import PackageDescription

// Sunboard (阳光居务): a community-affairs disclosure platform.
// Four parts: SunboardCore holds the rules (no web, no database);
// SunboardApp is the web application over SQLKit, one folder per feature;
// SunboardDemo seeds the demo from data files; `sunboard` is the command.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]
let testSwiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "Sunboard",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sunboard", targets: ["sunboard"]),
        .library(name: "SunboardCore", targets: ["SunboardCore"]),
        .library(name: "SunboardApp", targets: ["SunboardApp"]),
        .library(name: "SunboardDemo", targets: ["SunboardDemo"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        .target(
            name: "SunboardCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        // Phone-sized copies of photos, with Debian's libjpeg and libpng.
        .target(
            name: "CPhotoScale",
            linkerSettings: [.linkedLibrary("jpeg"), .linkedLibrary("png")]
        ),
        // Raw deflate and CRC-32 for the open-data ZIP files, with Debian's zlib.
        .target(name: "CDeflate", linkerSettings: [.linkedLibrary("z")]),
        .target(
            name: "SunboardApp",
            dependencies: [
                "SunboardCore",
                "CPhotoScale",
                "CDeflate",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        // The demo: an office and four communities from the seed report, played
        // through the real workflows. Its content is data in `Content/`.
        .target(
            name: "SunboardDemo",
            dependencies: ["SunboardApp", "SunboardCore"],
            resources: [.copy("Content")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "sunboard",
            dependencies: [
                "SunboardApp",
                "SunboardDemo",
                "SunboardCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SunboardCoreTests",
            dependencies: ["SunboardCore", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: testSwiftSettings
        ),
        .testTarget(
            name: "SunboardAppTests",
            dependencies: [
                "SunboardApp",
                "SunboardCore",
                "SunboardDemo",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: testSwiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
