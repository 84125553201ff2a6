// libFuzzer entry point for the JSON parser and writer (Shared/JSON). `fuzz/build.sh` compiles
// this file in one module with the JSON sources. Invariants for every input:
//   - parsing never crashes (depth limit, invalid UTF-8, lone surrogates are errors, not traps);
//   - a parsed value written compactly parses back to the same value, and writing that again
//     gives the same bytes (the canonical form signatures depend on is stable);
//   - the pretty form parses back to the same value too.

private func invariant(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("invariant violated: \(message())") }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let value = try? JSONParser.parse(bytes) else { return 0 }
    let compact = JSONWriter().bytes(value)
    guard let again = try? JSONParser.parse(compact) else { fatalError("invariant violated: compact output does not parse") }
    invariant(again == value, "compact round trip changed the value")
    invariant(JSONWriter().bytes(again) == compact, "compact output is not stable")
    let pretty = JSONWriter(indent: 2).bytes(value)
    invariant((try? JSONParser.parse(pretty)) == value, "pretty round trip changed the value")
    return 0
}
