/// Buffered reading from a `ClientSocket` for the response parser: lines with limits, exact
/// byte counts, and read-until-close.
struct ClientReadBuffer {
    private let socket: ClientSocket
    private let deadline: ClientDeadline
    private var storage: [UInt8]
    private var start = 0
    private var end = 0
    /// Bytes received from the socket so far (0 means the peer has sent nothing yet).
    private(set) var totalReceived = 0
    /// Bytes handed out to the parser so far (lines count with their terminators).
    private(set) var totalConsumed = 0

    /// A buffer reading `socket` until `deadline`.
    init(socket: ClientSocket, deadline: ClientDeadline, capacity: Int = 16 * 1024) {
        self.socket = socket
        self.deadline = deadline
        storage = [UInt8](repeating: 0, count: capacity)
    }

    /// Whether received bytes are still unconsumed.
    var hasBufferedBytes: Bool { start < end }

    /// Reads more from the socket; false at end of stream.
    mutating func fill() throws(ClientIOFailure) -> Bool {
        if start == end {
            start = 0
            end = 0
        } else if end == storage.count {
            if start > 0 {
                storage.replaceSubrange(0..<(end - start), with: storage[start..<end])
                end -= start
                start = 0
            } else {
                storage.append(contentsOf: repeatElement(0, count: storage.count))
            }
        }
        let (offset, socket, deadline) = (end, socket, deadline)
        let result = storage.withUnsafeMutableBytes { raw in
            socket.receive(into: raw.baseAddress! + offset, count: raw.count - offset, deadline: deadline)
        }
        let received = try result.get()
        end += received
        totalReceived += received
        return received > 0
    }

    /// The next line without its terminator (CRLF, or a bare LF). Throws `malformed` when
    /// the line with its terminator is longer than `limit` or contains a bare CR, and
    /// `closed` at end of stream.
    mutating func readLine(limit: Int) throws(ClientIOFailure) -> [UInt8] {
        var scanned = 0
        while true {
            if let lf = storage[(start + scanned)..<end].firstIndex(of: 0x0A) {
                guard lf + 1 - start <= limit else { throw Self.tooLong }
                var contentEnd = lf
                if contentEnd > start, storage[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                let line = Array(storage[start..<contentEnd])
                totalConsumed += lf + 1 - start
                start = lf + 1
                guard !line.contains(0x0D) else {
                    throw ClientIOFailure(kind: .malformed, detail: "bare CR in response head")
                }
                return line
            }
            scanned = end - start
            guard scanned < limit else { throw Self.tooLong }
            guard try fill() else {
                throw ClientIOFailure(kind: .closed, detail: "connection closed before the response was complete")
            }
        }
    }

    /// Appends exactly `count` bytes to `body`; `closed` if the stream ends first.
    mutating func read(exactly count: Int, into body: inout [UInt8]) throws(ClientIOFailure) {
        var remaining = count
        while remaining > 0 {
            if start == end {
                guard try fill() else {
                    throw ClientIOFailure(kind: .closed, detail: "connection closed before the body was complete")
                }
            }
            let take = min(remaining, end - start)
            body.append(contentsOf: storage[start..<(start + take)])
            start += take
            totalConsumed += take
            remaining -= take
        }
    }

    /// Appends everything until end of stream; `tooLarge` once `body` would exceed `limit`.
    mutating func readToEnd(into body: inout [UInt8], limit: Int) throws(ClientIOFailure) {
        repeat {
            guard body.count + (end - start) <= limit else { throw ClientIOFailure.tooLarge }
            body.append(contentsOf: storage[start..<end])
            totalConsumed += end - start
            start = end
        } while try fill()
    }

    private static let tooLong = ClientIOFailure(kind: .malformed, detail: "response line or head too long")
}
