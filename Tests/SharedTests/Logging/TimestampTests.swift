import Testing
import Shared
import Foundation

@Test("formats known instants in UTC with milliseconds", arguments: [
    (Int64(0), 0, "1970-01-01T00:00:00.000Z"),
    (951_782_400, 0, "2000-02-29T00:00:00.000Z"),
    (4_102_444_799, 0, "2099-12-31T23:59:59.000Z"),
    (1_777_889_472, 345, "2026-05-04T10:11:12.345Z"),
    (-1, 7, "1969-12-31T23:59:59.007Z"),
    (-2_203_891_200, 999, "1900-03-01T00:00:00.999Z"),
    (13_574_606_400, 10, "2400-02-29T12:00:00.010Z"),
    (951_868_799, 0, "2000-02-29T23:59:59.000Z"),
    (951_868_800, 0, "2000-03-01T00:00:00.000Z"),
])
func knownInstants(seconds: Int64, millis: Int, expected: String) {
    #expect(Timestamp.iso8601Millis(secondsSinceEpoch: seconds, millis: millis) == expected)
}

@Test("milliseconds outside 0-999 carry into the seconds")
func millisCarry() {
    #expect(Timestamp.iso8601Millis(secondsSinceEpoch: 59, millis: 1_500) == "1970-01-01T00:01:00.500Z")
    #expect(Timestamp.iso8601Millis(secondsSinceEpoch: 0, millis: -1) == "1969-12-31T23:59:59.999Z")
}

@Test("agrees with Foundation's calendar for every day over four centuries")
func matchesFoundationCalendar() {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    // Every 7th day from 1800 to 2200 plus a second-of-day that varies, to cover all fields.
    for day in stride(from: Int64(-62_091), to: 84_006, by: 7) {
        let seconds = day * 86_400 + (day * 3_607) % 86_400
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second],
                                            from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        let expected = String(format: "%04ld-%02ld-%02ldT%02ld:%02ld:%02ld.000Z", parts.year!, parts.month!,
                              parts.day!, parts.hour!, parts.minute!, parts.second!)
        let actual = Timestamp.iso8601Millis(secondsSinceEpoch: seconds, millis: 0)
        if actual != expected {
            Issue.record("\(seconds): \(actual) != \(expected)")
            return
        }
    }
}

@Test("now() is the current time to the millisecond")
func nowIsCurrent() throws {
    let parser = ISO8601DateFormatter()
    parser.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    for _ in 0..<50 {
        let before = Date().timeIntervalSince1970
        let text = Timestamp.now()
        let after = Date().timeIntervalSince1970
        #expect(text.utf8.count == 24 && text.hasSuffix("Z"))
        let parsed = try #require(parser.date(from: text)).timeIntervalSince1970
        // now() truncates to whole milliseconds. `before` is a Double of about 1.8e9 s, precise to
        // ~0.2 µs only: just below a millisecond boundary it can round up onto it, past the
        // instant now() truncates, so it is floored from 1 µs earlier.
        let earliest = ((before - 0.000_001) * 1000).rounded(.down) / 1000
        #expect(parsed >= earliest - 0.0005 && parsed <= after + 0.0005)
    }
}
