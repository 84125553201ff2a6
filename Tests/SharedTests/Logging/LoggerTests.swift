import Testing
import Shared
import Foundation

/// The line without its `{"ts":"…"` prefix, after checking that prefix's shape.
private func afterTimestamp(_ line: String) -> Substring {
    let prefix = #"{"ts":""#
    #expect(line.hasPrefix(prefix))
    let ts = line.dropFirst(prefix.count).prefix(24)
    #expect(ts.count == 24 && ts.hasSuffix("Z") && ts.dropFirst(4).first == "-")
    return line.dropFirst(prefix.count + 25)
}

private func parse(_ line: String) throws -> [String: String] {
    let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
    return try #require(object as? [String: String])
}

@Test("writes one JSON object per line with fields in a fixed order")
func lineFormat() throws {
    let sink = LogSink.memory()
    let logger = Logger(service: "patient", level: .info, sink: sink).with("instance", "p-1").with("zone", "eu")
    logger.info("patient created", ["patient.count": "3", "a": "z"])
    let line = try #require(sink.capturedLines.first)
    #expect(sink.capturedLines.count == 1)
    #expect(afterTimestamp(line)
        == #","level":"info","service":"patient","msg":"patient created","instance":"p-1","zone":"eu","patient.count":"3","a":"z"}"#)
    let fields = try parse(line)
    #expect(fields.count == 8)
    #expect(fields["level"] == "info" && fields["patient.count"] == "3" && fields["zone"] == "eu")
}

@Test("lines below the level are not written and their message is not built")
func levelFiltering() {
    let sink = LogSink.memory()
    var logger = Logger(service: "s", level: .warning, sink: sink)
    var evaluated = 0
    func message(_ text: String) -> String { evaluated += 1; return text }
    logger.trace(message("t"))
    logger.debug(message("d"))
    logger.info(message("i"))
    logger.notice(message("n"))
    #expect(evaluated == 0)
    logger.warning(message("w"))
    logger.error(message("e"))
    logger.critical(message("c"))
    #expect(evaluated == 3)
    #expect(!logger.isEnabled(.notice) && logger.isEnabled(.warning))
    logger.level = .trace
    logger.log(.trace, message("t2"))
    let levels = try? sink.capturedLines.map { try parse($0)["level"] ?? "" }
    #expect(levels == ["warning", "error", "critical", "trace"])
}

@Test("escapes messages and metadata so every line stays valid JSON")
func escapingInLines() throws {
    let sink = LogSink.memory()
    let logger = Logger(service: "svc \"q\"", level: .trace, sink: sink).with("k\n", "v\\")
    logger.error("line1\nline2\t\"quoted\" \u{1} ü 🚀", ["path": "/a\r\nb"])
    let line = try #require(sink.capturedLines.first)
    #expect(!line.contains("\n") && !line.contains("\r"))
    let fields = try parse(line)
    #expect(fields["msg"] == "line1\nline2\t\"quoted\" \u{1} ü 🚀")
    #expect(fields["service"] == "svc \"q\"" && fields["k\n"] == "v\\" && fields["path"] == "/a\r\nb")
}

@Test("adds request.id from the task-local after msg, unless metadata sets it")
func requestIDField() {
    let sink = LogSink.memory()
    let logger = Logger(service: "gw", level: .info, sink: sink).with("a", "1")
    RequestID.$current.withValue("req-42") {
        logger.info("in request", ["b": "2"])
        logger.info("explicit", ["request.id": "other"])
        logger.with("request.id", "mine").info("from logger")
    }
    logger.info("outside")
    let tails = sink.capturedLines.map { afterTimestamp($0).drop { $0 != "m" } }
    #expect(tails == [
        #"msg":"in request","request.id":"req-42","a":"1","b":"2"}"#,
        #"msg":"explicit","a":"1","request.id":"other"}"#,
        #"msg":"from logger","a":"1","request.id":"mine"}"#,
        #"msg":"outside","a":"1"}"#,
    ])
}

@Test("with returns a copy and leaves the original logger unchanged")
func withIsImmutable() {
    let sink = LogSink.memory()
    let base = Logger(service: "s", level: .info, sink: sink)
    let child = base.with("x", "1")
    base.info("base")
    child.info("child")
    #expect(sink.capturedLines.map { $0.contains(#""x":"1""#) } == [false, true])
}
