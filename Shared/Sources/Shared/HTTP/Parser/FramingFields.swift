/// Collects the header fields that decide message framing and connection handling while the
/// head is parsed: Content-Length, Transfer-Encoding, Host, Connection and Expect.
struct FramingFields {
    private var contentLength: Int?
    private var transferEncodings = 0
    private var chunked = false
    private var hosts = 0
    private var connectionClose = false
    private var connectionKeepAlive = false
    private var expectContinue = false
    private var unsupportedExpect = false

    /// Records one field; returns an error for values that make the framing ambiguous.
    mutating func observe(name: Slice<UnsafeRawBufferPointer>, value: Slice<UnsafeRawBufferPointer>) -> HTTPParseError? {
        if matches(name, "content-length") {
            for item in value.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
                guard let length = Self.decimal(trimmed(item)) else { return .invalidContentLength }
                if let previous = contentLength, previous != length { return .invalidContentLength }
                contentLength = length
            }
        } else if matches(name, "transfer-encoding") {
            transferEncodings += 1
            guard transferEncodings == 1 else { return .bad("Duplicate Transfer-Encoding") }
            // Exactly `chunked`: case variants are refused too, because a front proxy may disagree on them.
            guard value.elementsEqual("chunked".utf8) else { return .unsupportedTransferEncoding }
            chunked = true
        } else if matches(name, "host") {
            hosts += 1
        } else if matches(name, "connection") {
            for token in value.split(separator: UInt8(ascii: ",")) {
                let item = trimmed(token)
                if matches(item, "close") { connectionClose = true }
                if matches(item, "keep-alive") { connectionKeepAlive = true }
            }
        } else if matches(name, "expect") {
            if matches(value, "100-continue") { expectContinue = true } else { unsupportedExpect = true }
        }
        return nil
    }

    func finish(method: HTTPMethod, target: String, minor: Int, headers: HTTPHeaders) -> Result<RequestHead, HTTPParseError> {
        if chunked && contentLength != nil { return .failure(.contentLengthWithTransferEncoding) }
        if chunked && minor == 0 { return .failure(.bad("Transfer-Encoding in an HTTP/1.0 request")) }
        if minor == 1 && hosts != 1 { return .failure(.missingHost) }
        if hosts > 1 { return .failure(.missingHost) }
        if unsupportedExpect { return .failure(.expectationFailed) }
        let keepAlive = minor == 1 ? !connectionClose : (connectionKeepAlive && !connectionClose)
        return .success(RequestHead(method: method, target: target, minorVersion: minor, headers: headers,
                                    contentLength: contentLength, chunked: chunked, keepAlive: keepAlive,
                                    expectContinue: expectContinue && minor == 1))
    }

    /// 1*DIGIT only (no sign, no spaces, no hex); values beyond Int range saturate (→ 413 later).
    static func decimal(_ bytes: Slice<UnsafeRawBufferPointer>) -> Int? {
        guard !bytes.isEmpty else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(Int(byte - 0x30))
            value = (o1 || o2) ? Int.max : sum
        }
        return value
    }

    private func trimmed(_ bytes: Slice<UnsafeRawBufferPointer>) -> Slice<UnsafeRawBufferPointer> {
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, HTTPBytes.isOWS(bytes[start]) { start += 1 }
        while end > start, HTTPBytes.isOWS(bytes[end - 1]) { end -= 1 }
        return bytes[start..<end]
    }

    private func matches(_ bytes: Slice<UnsafeRawBufferPointer>, _ lowercase: StaticString) -> Bool {
        guard bytes.count == lowercase.utf8CodeUnitCount else { return false }
        let expected = UnsafeBufferPointer(start: lowercase.utf8Start, count: lowercase.utf8CodeUnitCount)
        return zip(bytes, expected).allSatisfy { lowercasedASCII($0) == $1 }
    }
}
