import Foundation

/// JSON decoding of raw bytes for assertions on what the server received.
enum JSONTestCoding {
    static func decode<T: Decodable>(_ type: T.Type, _ bytes: [UInt8]) throws -> T {
        try JSONDecoder().decode(type, from: Data(bytes))
    }
}
