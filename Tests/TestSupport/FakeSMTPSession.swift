#if canImport(Glibc)
import Glibc
#endif
import CSystem
import Synchronization

/// One connection's dialogue for `FakeSMTPServer`, blocking I/O on its own thread.
final class FakeSMTPSession {
    private let fd: Int32
    private let server: FakeSMTPServer
    private var buffer: [UInt8] = []
    private var sender: String?
    private var recipients: [String] = []
    private var user: String?

    init(fd: Int32, server: FakeSMTPServer) {
        self.fd = fd
        self.server = server
    }

    /// Reads until the client closes, answering nothing.
    func drain() { while readLine() != nil {} }

    func run() {
        guard reply(.greeting, "220 fake.test ESMTP") else { return }
        while let line = readLine() {
            let upper = line.uppercased()
            let argument = line.drop { $0 != ":" }.dropFirst().trimmingCharacters(in: "<> ")
            if upper.hasPrefix("EHLO") || upper.hasPrefix("HELO") {
                guard reply(.ehlo, "250-fake.test\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME") else { return }
            } else if upper.hasPrefix("AUTH ") {
                guard authenticate(line) else { return }
            } else if upper.hasPrefix("MAIL FROM:") {
                sender = argument
                recipients = []
                guard reply(.mailFrom, "250 2.1.0 ok") else { return }
            } else if upper.hasPrefix("RCPT TO:") {
                let answer = server.replies[.rcptTo] ?? "250 2.1.5 ok"
                if answer.hasPrefix("2") { recipients.append(argument) }
                guard reply(.rcptTo, answer) else { return }
            } else if upper == "DATA" {
                guard reply(.data, "354 end with <CRLF>.<CRLF>") else { return }
                guard (server.replies[.data] ?? "354").hasPrefix("354"), let data = readData() else { continue }
                let answer = server.replies[.dataEnd] ?? "250 2.0.0 queued"
                if answer.hasPrefix("2") {
                    let delivery = FakeSMTPServer.Delivery(sender: sender ?? "", recipients: recipients, data: data,
                                                           authenticatedUser: user)
                    server.state.withLock { $0.deliveries.append(delivery) }
                }
                guard reply(.dataEnd, answer) else { return }
            } else if upper == "RSET" {
                sender = nil
                recipients = []
                send("250 2.0.0 ok")
            } else if upper == "NOOP" {
                send("250 2.0.0 ok")
            } else if upper == "QUIT" {
                send("221 2.0.0 bye")
                return
            } else {
                send("502 5.5.2 not implemented")
            }
        }
    }

    private func authenticate(_ line: String) -> Bool {
        let words = line.split(separator: " ").map(String.init)
        let mechanism = words.count > 1 ? words[1].uppercased() : ""
        var username = "", password = ""
        if mechanism == "PLAIN" {
            let initial = words.count > 2 ? words[2] : { send("334 "); return readLine() ?? "" }()
            let fields = TestBase64.decode(initial).split(separator: 0, omittingEmptySubsequences: false)
            if fields.count == 3 { username = String(decoding: fields[1], as: UTF8.self); password = String(decoding: fields[2], as: UTF8.self) }
        } else if mechanism == "LOGIN" {
            send("334 VXNlcm5hbWU6")
            username = String(decoding: TestBase64.decode(readLine() ?? ""), as: UTF8.self)
            send("334 UGFzc3dvcmQ6")
            password = String(decoding: TestBase64.decode(readLine() ?? ""), as: UTF8.self)
        } else {
            send("504 5.5.4 unsupported")
            return true
        }
        let exchange = FakeSMTPServer.Authentication(mechanism: mechanism, username: username, password: password)
        server.state.withLock { $0.authentications.append(exchange) }
        let answer = server.replies[.auth] ?? "235 2.7.0 authenticated"
        if answer.hasPrefix("2") { user = username }
        return reply(.auth, answer)
    }

    /// Lines up to the lone `.`, dot-unstuffed, joined with CRLF.
    private func readData() -> [UInt8]? {
        var data: [UInt8] = []
        while let line = readLineBytes() {
            if line == [UInt8(ascii: ".")] { return data }
            data += line.first == UInt8(ascii: ".") ? Array(line.dropFirst()) : line
            data += [13, 10]
        }
        return nil
    }

    /// Sends the scripted reply for `stage` (or `fallback`); false when the dialogue must end (421).
    private func reply(_ stage: FakeSMTPServer.Stage, _ fallback: String) -> Bool {
        let answer = server.replies[stage] ?? fallback
        send(answer)
        return !answer.hasPrefix("421")
    }

    private func send(_ text: String) {
        let bytes = Array((text + "\r\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { csys_send(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 { return }
            offset += n
        }
    }

    private func readLine() -> String? { readLineBytes().map { String(decoding: $0, as: UTF8.self) } }

    private func readLineBytes() -> [UInt8]? {
        while true {
            if let index = buffer.firstIndex(of: 10) {
                var line = Array(buffer[..<index])
                buffer.removeFirst(index + 1)
                if line.last == 13 { line.removeLast() }
                return line
            }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { return nil }
            buffer += chunk[0..<n]
        }
    }
}

private extension Substring {
    func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
