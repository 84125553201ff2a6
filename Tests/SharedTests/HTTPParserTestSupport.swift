import Testing
@testable import Shared

/// Everything a `RequestDecoder` produced for one byte stream, in order, with `.needMore` left out.
struct Decoded: Equatable {
    var events: [RequestDecoder.Event] = []

    var requests: [(head: RequestHead, body: [UInt8])] {
        events.compactMap { event in
            if case .request(let head, let body) = event { (head, body) } else { nil }
        }
    }

    var failure: HTTPParseError? {
        if case .failure(let error)? = events.last { error } else { nil }
    }

    var status: Int? { failure?.status.code }
    var continues: Int { events.filter { $0 == .sendContinue }.count }
}

/// A short summary for failure messages (heads with 8 KiB values would flood the log).
extension Decoded: CustomStringConvertible {
    var description: String {
        events.map { event in
            switch event {
            case .needMore: "needMore"
            case .sendContinue: "sendContinue"
            case .request(let head, let body): "\(head.method) \(head.target.prefix(40)) body=\(body.count)"
            case .failure(let error): "failure(\(error.status.code) \(error.message))"
            }
        }.joined(separator: ", ")
    }
}

/// Feeds `bytes` in pieces cut at the offsets in `cuts`; after each append it drains events until
/// `.needMore` (then feeds the next piece) or `.failure` (then stops, as the server would).
func decode(_ bytes: [UInt8], cuts: [Int] = [], limits: HTTPLimits = HTTPLimits(),
            bodyLimit: @escaping (RequestHead) -> Int = { _ in 1 << 20 }) -> Decoded {
    var decoder = RequestDecoder()
    decoder.limits = limits
    var result = Decoded()
    var from = 0
    for end in cuts.filter({ $0 > 0 && $0 < bytes.count }).sorted() + [bytes.count] where end >= from {
        bytes[from..<end].withUnsafeBytes { decoder.append($0) }
        from = end
        while true {
            let event = decoder.next(bodyLimit: bodyLimit)
            if event == .needMore { break }
            result.events.append(event)
            if case .failure = event { return result }
        }
    }
    return result
}

/// Feeds `bytes` one byte per `append`.
func decodeByteByByte(_ bytes: [UInt8], limits: HTTPLimits = HTTPLimits(),
                      bodyLimit: @escaping (RequestHead) -> Int = { _ in 1 << 20 }) -> Decoded {
    decode(bytes, cuts: Array(0...bytes.count), limits: limits, bodyLimit: bodyLimit)
}

/// A request: head lines joined by CRLF, the empty line, then `body` verbatim.
func message(_ lines: String..., body: String = "") -> [UInt8] {
    Array((lines.joined(separator: "\r\n") + "\r\n\r\n" + body).utf8)
}

/// The bytes of `text` (for hand-written malformed input with bare CR/LF).
func raw(_ text: String) -> [UInt8] { Array(text.utf8) }

/// Asserts that `bytes` yields no request and fails with `status`, fed whole and byte by byte alike.
func expectRejected(_ bytes: [UInt8], status: Int, limits: HTTPLimits = HTTPLimits(), bodyLimit: Int = 1 << 20,
                    sourceLocation: SourceLocation = #_sourceLocation) {
    let whole = decode(bytes, limits: limits, bodyLimit: { _ in bodyLimit })
    let requestCount = whole.requests.count
    #expect(requestCount == 0, "\(whole)", sourceLocation: sourceLocation)
    #expect(whole.status == status, "\(whole)", sourceLocation: sourceLocation)
    #expect(decodeByteByByte(bytes, limits: limits, bodyLimit: { _ in bodyLimit }) == whole,
            "byte-by-byte feeding differs", sourceLocation: sourceLocation)
}

/// Decodes `bytes` expecting exactly one request and no failure, fed whole and byte by byte alike.
func expectSingle(_ bytes: [UInt8], limits: HTTPLimits = HTTPLimits(), bodyLimit: Int = 1 << 20,
                  sourceLocation: SourceLocation = #_sourceLocation) -> (head: RequestHead, body: [UInt8])? {
    let whole = decode(bytes, limits: limits, bodyLimit: { _ in bodyLimit })
    #expect(whole.failure == nil, "\(whole)", sourceLocation: sourceLocation)
    let requestCount = whole.requests.count
    #expect(requestCount == 1, "\(whole)", sourceLocation: sourceLocation)
    #expect(decodeByteByByte(bytes, limits: limits, bodyLimit: { _ in bodyLimit }) == whole,
            "byte-by-byte feeding differs", sourceLocation: sourceLocation)
    return requestCount == 1 ? whole.requests[0] : nil
}
