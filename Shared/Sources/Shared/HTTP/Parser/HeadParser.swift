/// Parses a complete request head (request line + header fields, ending in CRLF CRLF, as found
/// by `HeadScanner`) into a `RequestHead`, applying RFC 9112's framing rules strictly: anything
/// ambiguous is an error, never a guess.
enum HeadParser {
    static func parse(_ head: UnsafeRawBufferPointer, limits: HTTPLimits) -> Result<RequestHead, HTTPParseError> {
        var lines = LineIterator(head)
        guard let requestLine = lines.next() else { return .failure(.invalidRequestLine) }
        let method: HTTPMethod, target: String, minor: Int
        switch parseRequestLine(requestLine) {
        case .success(let parsed): (method, target, minor) = parsed
        case .failure(let error): return .failure(error)
        }
        var headers = HTTPHeaders()
        var framing = FramingFields()
        while let line = lines.next(), !line.isEmpty {
            if headers.count == limits.maxHeaderCount { return .failure(.tooManyHeaders) }
            guard let (name, value) = splitField(line) else {
                return .failure(HTTPBytes.isOWS(line[0]) ? .obsFold : .invalidHeaderName)
            }
            guard value.allSatisfy(HTTPBytes.isValueByte) else { return .failure(.invalidHeaderValue) }
            if let error = framing.observe(name: name, value: value) { return .failure(error) }
            headers.add(String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self))
        }
        return framing.finish(method: method, target: target, minor: minor, headers: headers)
    }

    private static func parseRequestLine(_ line: UnsafeRawBufferPointer) -> Result<(HTTPMethod, String, Int), HTTPParseError> {
        let parts = line.split(separator: HTTPBytes.space, maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else { return .failure(.invalidRequestLine) }
        guard parts[0].allSatisfy({ HTTPBytes.token[Int($0)] }) else { return .failure(.invalidRequestLine) }
        guard parts[1].allSatisfy(HTTPBytes.isTargetByte) else { return .failure(.invalidTarget) }
        let version = Array(parts[2])
        guard version.count == 8, version.starts(with: Array("HTTP/".utf8)), version[6] == UInt8(ascii: "."),
              (0x30...0x39).contains(version[5]), (0x30...0x39).contains(version[7]) else {
            return .failure(.invalidRequestLine)
        }
        guard version[5] == UInt8(ascii: "1"), version[7] <= UInt8(ascii: "1") else { return .failure(.versionNotSupported) }
        let method = HTTPMethod.parse(UnsafeRawBufferPointer(rebasing: parts[0]))
        guard let target = originForm(parts[1], method: method) else { return .failure(.invalidTarget) }
        return .success((method, target, Int(version[7] - 0x30)))
    }

    /// Reduces the target to origin form; absolute-form keeps only path and query.
    private static func originForm(_ raw: Slice<UnsafeRawBufferPointer>, method: HTTPMethod) -> String? {
        let text = String(decoding: raw, as: UTF8.self)
        if text.utf8.first == UInt8(ascii: "/") { return text }
        if text == "*" { return method == .options ? text : nil }
        let lower = text.lowercased()
        for scheme in ["http://", "https://"] where lower.hasPrefix(scheme) {
            let rest = text.utf8.dropFirst(scheme.utf8.count)
            guard let slash = rest.firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") }) else { return "/" }
            let tail = String(text[slash...])
            return tail.hasPrefix("/") ? tail : "/" + tail
        }
        return nil
    }

    /// `name ":" OWS value OWS`; nil when the name is empty, has non-token bytes, or is followed by whitespace.
    private static func splitField(_ line: UnsafeRawBufferPointer) -> (Slice<UnsafeRawBufferPointer>, Slice<UnsafeRawBufferPointer>)? {
        guard let colon = line.firstIndex(of: HTTPBytes.colon), colon > 0 else { return nil }
        let name = line[0..<colon]
        guard name.allSatisfy({ HTTPBytes.token[Int($0)] }) else { return nil }
        var start = colon + 1, end = line.count
        while start < end, HTTPBytes.isOWS(line[start]) { start += 1 }
        while end > start, HTTPBytes.isOWS(line[end - 1]) { end -= 1 }
        return (name, line[start..<end])
    }
}

/// Splits a head on CRLF (the scanner has already guaranteed there are no bare CR/LF).
private struct LineIterator {
    let buffer: UnsafeRawBufferPointer
    var position = 0

    init(_ buffer: UnsafeRawBufferPointer) { self.buffer = buffer }

    mutating func next() -> UnsafeRawBufferPointer? {
        guard position < buffer.count else { return nil }
        var end = position
        while end + 1 < buffer.count, !(buffer[end] == HTTPBytes.cr && buffer[end + 1] == HTTPBytes.lf) { end += 1 }
        let line = UnsafeRawBufferPointer(rebasing: buffer[position..<min(end, buffer.count)])
        position = end + 2
        return line
    }
}
