import Testing
@testable import Shared

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, seeded, deterministic across runs and platforms.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One generated valid request: what goes on the wire and what the decoder must give back.
private struct GeneratedRequest {
    var wire: [UInt8]
    var method: String
    var target: String
    var fields: [(String, String)]
    var body: [UInt8]
}

private func string(_ alphabet: String, count: Int, using rng: inout SplitMix64) -> String {
    let characters = Array(alphabet)
    return String((0..<count).map { _ in characters.randomElement(using: &rng)! })
}

private func generateRequest(using rng: inout SplitMix64) -> GeneratedRequest {
    let letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    let method = ["GET", "POST", "PUT", "PATCH", "DELETE"].randomElement(using: &rng)!
    let target = "/" + string(letters + "-._~/%=&?", count: Int.random(in: 0...40, using: &rng), using: &rng)
    var fields = [("Host", "svc.local")]
    for index in 0..<Int.random(in: 0...20, using: &rng) {
        let name = "X-\(index)" + string(letters + "-", count: Int.random(in: 0...10, using: &rng), using: &rng)
        let middle = string(letters + " \t!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", count: Int.random(in: 0...60, using: &rng), using: &rng)
        let value = middle.isEmpty ? "" : "v" + middle + "v"
        fields.append((name, value))
    }
    let body = (0..<Int.random(in: 0...400, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
    var wireBody = body
    if Bool.random(using: &rng) {
        fields.append(("Transfer-Encoding", "chunked"))
        wireBody = chunkedEncoding(body, using: &rng)
    } else if !body.isEmpty || Bool.random(using: &rng) {
        fields.append(("Content-Length", String(body.count)))
    }
    let padding = [" ", "", "\t", "  "].randomElement(using: &rng)!
    let head = "\(method) \(target) HTTP/1.1\r\n" + fields.map { "\($0.0):\(padding)\($0.1)\(padding)\r\n" }.joined() + "\r\n"
    return GeneratedRequest(wire: raw(head) + wireBody, method: method, target: target, fields: fields, body: body)
}

/// Random chunk sizes, hex case, leading zeros, extensions and trailers.
private func chunkedEncoding(_ body: [UInt8], using rng: inout SplitMix64) -> [UInt8] {
    var wire: [UInt8] = []
    var offset = 0
    while offset < body.count {
        let size = min(Int.random(in: 1...90, using: &rng), body.count - offset)
        var hex = String(size, radix: 16, uppercase: Bool.random(using: &rng))
        if Int.random(in: 0..<4, using: &rng) == 0 { hex = "00" + hex }
        let ext = Int.random(in: 0..<4, using: &rng) == 0 ? ";ext=\(size)" : ""
        wire += raw("\(hex)\(ext)\r\n") + body[offset..<offset + size] + raw("\r\n")
        offset += size
    }
    let trailer = Bool.random(using: &rng) ? "X-Checksum: \(body.count)\r\n" : ""
    return wire + raw("0\r\n\(trailer)\r\n")
}

@Test("Property: 200 generated request streams decode to what was sent, however the bytes are split")
func parserSplitInvariance() {
    var rng = SplitMix64(seed: 0x5EED_0F_4774)
    for round in 0..<200 {
        let requests = (0..<Int.random(in: 1...3, using: &rng)).map { _ in generateRequest(using: &rng) }
        let stream = requests.flatMap(\.wire)
        let whole = decode(stream)
        #expect(whole.failure == nil, "round \(round): \(String(describing: whole.failure))")
        #expect(whole.requests.count == requests.count, "round \(round)")
        for (decoded, sent) in zip(whole.requests, requests) {
            #expect(decoded.head.method.rawValue == sent.method && decoded.head.target == sent.target, "round \(round)")
            #expect(decoded.head.headers == HTTPHeaders(sent.fields), "round \(round)")
            #expect(decoded.body == sent.body, "round \(round)")
        }
        let cuts = (0..<Int.random(in: 1...12, using: &rng)).map { _ in Int.random(in: 0...stream.count, using: &rng) }
        #expect(decode(stream, cuts: cuts) == whole, "round \(round), cuts \(cuts.sorted())")
        if round % 10 == 0 { #expect(decodeByteByByte(stream) == whole, "round \(round), byte by byte") }
    }
}
