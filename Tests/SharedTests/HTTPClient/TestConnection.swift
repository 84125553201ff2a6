import Foundation
import Glibc
import Shared

/// One accepted connection of `TestHTTPServer`, driven by a test's script on its own thread.
final class TestConnection {
    let fd: Int32
    /// 0 for the first connection the server accepted, 1 for the second, …
    let index: Int
    private let server: TestHTTPServer
    private var buffer: [UInt8] = []

    init(fd: Int32, index: Int, server: TestHTTPServer) {
        self.fd = fd
        self.index = index
        self.server = server
    }

    /// Reads and records the next request (head plus Content-Length body); nil at EOF.
    func readRequest() -> ReceivedRequest? {
        let terminator: [UInt8] = [13, 10, 13, 10]
        var headEnd: Int?
        while headEnd == nil {
            headEnd = buffer.indices.dropLast(3).first { Array(buffer[$0..<($0 + 4)]) == terminator }
            if headEnd == nil, !receive() { return nil }
        }
        let head = String(decoding: buffer[..<headEnd!], as: UTF8.self)
        buffer.removeFirst(headEnd! + 4)
        let lines = head.components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ").map(String.init)
        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1).map(String.init)
            headers.add(parts[0], parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "")
        }
        let length = Int(headers["Content-Length"] ?? "0") ?? 0
        while buffer.count < length { if !receive() { return nil } }
        let body = Array(buffer[..<length])
        buffer.removeFirst(length)
        let request = ReceivedRequest(
            method: requestLine[0], target: requestLine.count > 1 ? requestLine[1] : "",
            headers: headers, body: body, connection: index)
        server.record(request)
        return request
    }

    func send(_ text: String) { send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return }
            offset += sent
        }
    }

    /// Closes the connection now (the client sees EOF).
    func close() { server.closeConnection(fd) }

    /// Blocks until the peer closes (or the server stops).
    func waitForClose() { while receive() {} }

    /// Answers every request with `respond(request)` until the peer closes.
    func serve(_ respond: (ReceivedRequest) -> String) {
        while let request = readRequest() { send(respond(request)) }
    }

    private func receive() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
        guard count > 0 else { return false }
        buffer.append(contentsOf: chunk[..<count])
        return true
    }
}

/// A `200 OK` with a Content-Length body and optional extra header lines.
func okResponse(_ body: String, extra: String = "") -> String {
    "HTTP/1.1 200 OK\r\nContent-Length: \(body.utf8.count)\r\n\(extra)\r\n\(body)"
}
