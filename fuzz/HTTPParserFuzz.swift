// libFuzzer entry point for the HTTP/1.1 request decoder. `fuzz/build.sh` compiles this file in one
// module with the parser sources, so the internal types (`RequestDecoder`, …) are visible here.
//
// Input layout: byte 0 is a control byte, the rest is the byte stream a client would send.
//   bits 0–2  body limit (0, 1, 5, 16, 64, 1 KiB, 64 KiB, 1 MiB)
//   bit  3    tiny head limits (so 414/431 paths are reached with small inputs)
//   bits 4–7  seed for the split points of the second pass: pieces of `minimum` (seed 0) or of
//             `minimum` + 0..<8·seed bytes, where `minimum` is 1 below 1 KiB of input and 1/32 of
//             the input above (a pending chunk line is rescanned per append: tiny pieces of a
//             4 KiB line are quadratic and would slow the whole run down a hundredfold)
// The stream is decoded twice, in one append and in pieces; both must give the same events.

/// What one decoding pass produced; `.sendContinue` is left out (it depends on timing by design).
private struct Outcome: Equatable {
    var requests: [(RequestHead, [UInt8])] = []
    var failure: HTTPParseError?

    static func == (lhs: Outcome, rhs: Outcome) -> Bool {
        lhs.failure == rhs.failure && lhs.requests.count == rhs.requests.count
            && zip(lhs.requests, rhs.requests).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }
}

/// `precondition` that keeps its message in `-O` builds, so a crash log says which invariant broke.
private func invariant(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("invariant violated: \(message())") }
}

private let bodyLimits = [0, 1, 5, 16, 64, 1024, 65_536, 1 << 20]
private let allowedStatuses: Set<Int> = [400, 413, 414, 417, 431, 501, 505]

private func limits(tiny: Bool) -> HTTPLimits {
    var limits = HTTPLimits()
    if tiny {
        limits.maxRequestLineBytes = 40
        limits.maxHeaderLineBytes = 48
        limits.maxHeaderBytes = 160
        limits.maxHeaderCount = 4
    }
    return limits
}

/// Feeds `input` in pieces whose lengths come from `nextPiece`, checking invariants on every event.
private func run(_ input: UnsafeRawBufferPointer, limits: HTTPLimits, bodyLimit: Int,
                 nextPiece: () -> Int) -> Outcome {
    var decoder = RequestDecoder()
    decoder.limits = limits
    var outcome = Outcome()
    var appended = 0
    var consumed = 0
    var continueOutstanding = false
    repeat {
        let end = min(input.count, appended + max(1, nextPiece()))
        decoder.append(UnsafeRawBufferPointer(rebasing: input[appended..<end]))
        appended = end
        while true {
            let event = decoder.next(bodyLimit: { _ in bodyLimit })
            let nowConsumed = appended - decoder.bufferedCount
            invariant(decoder.bufferedCount >= 0 && nowConsumed >= consumed && nowConsumed <= appended,
                  "consumed bytes went backwards or beyond the input")
            consumed = nowConsumed
            switch event {
            case .needMore:
                break
            case .sendContinue:
                invariant(!continueOutstanding, "two sendContinue events for one request")
                continueOutstanding = true
                continue
            case .failure(let error):
                invariant(allowedStatuses.contains(error.status.code), "unexpected status \(error.status)")
                outcome.failure = error
                return outcome
            case .request(let head, let body):
                check(head, body, bodyLimit: bodyLimit, limits: limits, continued: continueOutstanding)
                continueOutstanding = false
                outcome.requests.append((head, body))
                continue
            }
            break
        }
    } while appended < input.count
    return outcome
}

private func check(_ head: RequestHead, _ body: [UInt8], bodyLimit: Int, limits: HTTPLimits, continued: Bool) {
    invariant(body.count <= bodyLimit, "body exceeds the limit")
    if head.chunked {
        invariant(head.contentLength == nil && head.minorVersion == 1, "chunked with CL or in HTTP/1.0")
    } else {
        invariant(body.count == (head.contentLength ?? 0), "body length differs from Content-Length")
    }
    invariant(!continued || head.expectContinue, "sendContinue for a request without Expect")
    invariant(head.minorVersion == 0 || head.minorVersion == 1, "unsupported version accepted")
    invariant(head.target.hasPrefix("/") || (head.target == "*" && head.method == .options), "bad target form")
    invariant(head.target.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }, "raw byte in target")
    invariant(head.headers.count <= limits.maxHeaderCount, "too many headers accepted")
    let hosts = head.headers.values(for: "Host").count
    invariant(hosts <= 1 && (head.minorVersion == 0 || hosts == 1), "Host rule broken")
    invariant(head.headers.values(for: "Transfer-Encoding").count == (head.chunked ? 1 : 0), "TE mismatch")
    for field in head.headers {
        invariant(!field.name.isEmpty && !field.name.utf8.contains(UInt8(ascii: "_")), "bad field name")
        invariant(!field.value.utf8.contains { $0 < 0x20 && $0 != 0x09 || $0 == 0x7F }, "CTL in value")
    }
    // Exercise query decoding on whatever target got through; it must never trap.
    if let question = head.target.firstIndex(of: "?") {
        _ = QueryParameters(raw: head.target[head.target.index(after: question)...])
        _ = PercentDecoding.decode(head.target[..<question])
    }
}

/// SplitMix64, so a given control byte always splits the same way.
private struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let control = data[0]
    let input = UnsafeRawBufferPointer(start: data + 1, count: size - 1)
    let bodyLimit = bodyLimits[Int(control & 0x07)]
    let limits = limits(tiny: control & 0x08 != 0)

    let whole = run(input, limits: limits, bodyLimit: bodyLimit, nextPiece: { Int.max / 2 })
    let seed = control >> 4
    var rng = SplitMix64(state: UInt64(seed))
    let minimum = input.count < 1024 ? 1 : input.count / 32
    let split = run(input, limits: limits, bodyLimit: bodyLimit, nextPiece: {
        seed == 0 ? minimum : minimum + Int(rng.next() % (UInt64(seed) * 8))
    })
    invariant(whole == split, "split feeding gave different events than one append")
    return 0
}
