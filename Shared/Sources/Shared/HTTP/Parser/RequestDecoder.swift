/// Turns the inbound byte stream of one connection into requests: head, then body (by
/// Content-Length or chunked), then the next pipelined request. Pure and socket-free, so it is
/// unit-tested and fuzzed directly. After a `.failure` the stream is unusable: close it.
struct RequestDecoder: Sendable {
    enum Event: Equatable {
        case needMore
        /// The client sent `Expect: 100-continue` and waits for the interim response.
        case sendContinue
        case request(RequestHead, body: [UInt8])
        case failure(HTTPParseError)
    }

    private enum State {
        case head(HeadScanner)
        case body(RequestHead, body: [UInt8], remaining: Int, chunked: ChunkedDecoder?, limit: Int)
    }

    private var buffer: [UInt8] = []
    private var start = 0
    private var state = State.head(HeadScanner())
    private var continueOffered = false

    init() { buffer.reserveCapacity(2048) }

    /// Bytes received but not yet consumed.
    var bufferedCount: Int { buffer.count - start }

    /// True between the first byte of a request and its completion.
    var isMidRequest: Bool {
        if case .body = state { return true }
        return bufferedCount > 0
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        if start == buffer.count { buffer.removeAll(keepingCapacity: true); start = 0 }
        else if start > 65_536 && start * 2 > buffer.count { buffer.removeFirst(start); start = 0 }
        buffer.append(contentsOf: bytes)
    }

    /// The next event; `bodyLimit` is asked once per request, after its head, for that route's limit.
    mutating func next(bodyLimit: (RequestHead) -> Int) -> Event {
        switch state {
        case .head(var scanner):
            skipLeadingEmptyLines()
            let outcome = buffer.withUnsafeBytes { all in
                scanner.scan(UnsafeRawBufferPointer(rebasing: all[start...]), limits: limits)
            }
            switch outcome {
            case .needMore: state = .head(scanner); return .needMore
            case .failure(let error): return .failure(error)
            case .complete(let length):
                let parsed = buffer.withUnsafeBytes { all in
                    HeadParser.parse(UnsafeRawBufferPointer(rebasing: all[start..<start + length]), limits: limits)
                }
                start += length
                switch parsed {
                case .failure(let error): return .failure(error)
                case .success(let head): return beginBody(head, limit: bodyLimit(head))
                }
            }
        case .body(let head, var body, let remaining, var chunked, let limit):
            // Release the copy held by `state`, else every append copies the whole body (O(n²)
            // for a body sent in small pieces). Every path below stores the state again or fails.
            state = .head(HeadScanner())
            if var decoder = chunked {
                let (consumed, outcome) = buffer.withUnsafeBytes { all in
                    decoder.decode(UnsafeRawBufferPointer(rebasing: all[start...]), into: &body, limit: limit)
                }
                start += consumed
                chunked = decoder
                switch outcome {
                case .failure(let error): return .failure(error)
                case .done: return finish(head, body)
                case .needMore:
                    state = .body(head, body: body, remaining: 0, chunked: chunked, limit: limit)
                    return offerContinue(head)
                }
            }
            let take = min(remaining, bufferedCount)
            body.append(contentsOf: buffer[start..<start + take])
            start += take
            if take == remaining { return finish(head, body) }
            state = .body(head, body: body, remaining: remaining - take, chunked: nil, limit: limit)
            return offerContinue(head)
        }
    }

    /// Limits for head parsing; the server sets them once per connection.
    var limits = HTTPLimits()

    private mutating func beginBody(_ head: RequestHead, limit: Int) -> Event {
        continueOffered = false
        if let length = head.contentLength, length > limit { return .failure(.bodyTooLarge) }
        guard head.hasBody else { return finish(head, []) }
        state = .body(head, body: [], remaining: head.contentLength ?? 0,
                      chunked: head.chunked ? ChunkedDecoder() : nil, limit: limit)
        return next(bodyLimit: { _ in limit })
    }

    private mutating func offerContinue(_ head: RequestHead) -> Event {
        guard head.expectContinue, !continueOffered else { return .needMore }
        continueOffered = true
        return .sendContinue
    }

    private mutating func finish(_ head: RequestHead, _ body: [UInt8]) -> Event {
        state = .head(HeadScanner())
        return .request(head, body: body)
    }

    /// RFC 9112 §2.2: a server SHOULD ignore at least one empty line before the request line.
    private mutating func skipLeadingEmptyLines() {
        while bufferedCount >= 2, buffer[start] == HTTPBytes.cr, buffer[start + 1] == HTTPBytes.lf { start += 2 }
    }
}

extension RequestHead: Equatable {
    static func == (lhs: RequestHead, rhs: RequestHead) -> Bool {
        lhs.method == rhs.method && lhs.target == rhs.target && lhs.minorVersion == rhs.minorVersion
            && lhs.headers == rhs.headers && lhs.contentLength == rhs.contentLength && lhs.chunked == rhs.chunked
            && lhs.keepAlive == rhs.keepAlive && lhs.expectContinue == rhs.expectContinue
    }
}
