import Testing
import Shared
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private func assertCompleteLines(_ lines: [String], expected count: Int) {
    #expect(lines.count == count)
    var messages = Set<String>()
    for line in lines {
        let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String]
        guard let msg = object?["msg"] else {
            Issue.record("not a complete JSON line: \(line.prefix(120))")
            return
        }
        messages.insert(msg)
    }
    #expect(messages.count == count)
}

@Test("concurrent logging to a memory sink keeps every line intact")
func concurrentMemory() async {
    let sink = LogSink.memory()
    let logger = Logger(service: "s", level: .info, sink: sink)
    await withTaskGroup(of: Void.self) { group in
        for task in 0..<40 {
            group.addTask { for i in 0..<50 { logger.info("task \(task) line \(i)", ["n": "\(i)"]) } }
        }
    }
    assertCompleteLines(sink.capturedLines, expected: 2000)
}

@Test("concurrent logging to a file descriptor produces only complete lines")
func concurrentFileDescriptor() async throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("log-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: false)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("out.log").path
    let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
    try #require(fd >= 0)
    let logger = Logger(service: "s", level: .info, sink: LogSink(fileDescriptor: fd))
    let padding = String(repeating: "p", count: 5000)  // larger than PIPE_BUF
    await withTaskGroup(of: Void.self) { group in
        for task in 0..<20 {
            group.addTask { for i in 0..<25 { logger.info("task \(task) line \(i) \(padding)") } }
        }
    }
    close(fd)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.hasSuffix("\n"))
    assertCompleteLines(text.split(separator: "\n").map(String.init), expected: 500)
}

@Test("a line larger than a non-blocking pipe's buffer is written completely")
func partialWrites() throws {
    var fds: [Int32] = [0, 0]
    try #require(pipe(&fds) == 0)
    let (readEnd, writeEnd) = (fds[0], fds[1])
    defer { close(readEnd) }
    // Non-blocking: the kernel accepts only part of the line and then answers EAGAIN.
    _ = fcntl(writeEnd, F_SETFL, fcntl(writeEnd, F_GETFL) | O_NONBLOCK)
    let message = String(repeating: "x", count: 300_000)
    let logger = Logger(service: "s", level: .info, sink: LogSink(fileDescriptor: writeEnd))
    Thread.detachNewThread {
        logger.info(message)
        logger.info("second")
        close(writeEnd)
    }
    var received: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { continue }
        if count <= 0 { break }
        received.append(contentsOf: chunk[..<count])
    }
    let lines = String(decoding: received, as: UTF8.self).split(separator: "\n").map(String.init)
    #expect(lines.count == 2)
    let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: String]
    #expect(first?["msg"] == message)
    #expect(lines.last?.contains(#""msg":"second""#) == true)
}
