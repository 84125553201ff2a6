// libFuzzer entry point for the multipart/form-data parser. `fuzz/build.sh` compiles this file in
// one module with the Multipart sources (and HTTPHeaders, PercentDecoding, Hex), so internal
// types are visible here.
//
// Input layout: byte 0 is a control byte, byte 1 a length n, then n bytes of Content-Type
// (n = 0: `multipart/form-data; boundary=fuzzb`), then the body.
//   bits 0–1  part limit (1, 2, 8, 100)
//   bit  2    tiny header limit (48 bytes) instead of 8 KiB
// On success the parts must be ordered, in bounds, each followed by its delimiter, and writing
// them out again with the same boundary must parse to the same parts.

private func invariant(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("invariant violated: \(message())") }
}

private let partLimits = [1, 2, 8, 100]

private func serialise(_ parts: [MultipartPart], boundary: String) -> [UInt8] {
    var out: [UInt8] = []
    for part in parts {
        out += Array("--\(boundary)\r\n".utf8)
        for field in part.headers { out += Array("\(field.name): \(field.value)\r\n".utf8) }
        out += Array("\r\n".utf8)
        out += part.body
        out += Array("\r\n".utf8)
    }
    return out + Array("--\(boundary)--".utf8)
}

private func check(_ form: MultipartFormData, body: [UInt8], boundary: MultipartBoundary, limits: MultipartFormData.Limits) {
    invariant(form.parts.count <= limits.maxParts, "more parts than the limit")
    let delimiter = boundary.delimiter
    var previousEnd = 0
    for part in form.parts {
        let range = part.body.startIndex..<part.body.endIndex
        invariant(range.lowerBound >= previousEnd && range.upperBound <= body.count, "part out of order or bounds")
        invariant(body[range.upperBound...].starts(with: delimiter), "part not followed by the delimiter")
        invariant(part.headers.values(for: "Content-Disposition").count == 1, "parts need one disposition")
        for field in part.headers {
            invariant(!field.name.isEmpty && field.name.utf8.allSatisfy(HeaderParameters.isTokenByte), "bad field name")
            invariant(!field.value.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F }, "CTL in value")
        }
        previousEnd = range.upperBound
    }
    // Written out again, a header section may grow: values read as ISO-8859-1 take two bytes per
    // non-ASCII character in UTF-8, and every line gets `: ` (the input may have had `:` alone).
    var relaxed = limits
    relaxed.maxHeaderBytes = limits.maxHeaderBytes * 3
    let again: MultipartFormData
    do {
        again = try MultipartFormData(body: serialise(form.parts, boundary: boundary.value), boundary: boundary, limits: relaxed)
    } catch {
        fatalError("invariant violated: re-serialised body failed with \(error)")
    }
    invariant(again.parts.count == form.parts.count, "round trip changed the part count")
    for (a, b) in zip(form.parts, again.parts) {
        invariant(a.name == b.name && a.filename == b.filename && a.body.elementsEqual(b.body) && a.headers == b.headers,
                  "round trip changed a part")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 2 else { return 0 }
    let control = data[0]
    let typeLength = min(Int(data[1]), size - 2)
    let input = UnsafeBufferPointer(start: data, count: size)
    let contentType = typeLength == 0
        ? "multipart/form-data; boundary=fuzzb" : String(decoding: input[2..<(2 + typeLength)], as: UTF8.self)
    let body = Array(input[(2 + typeLength)...])
    var limits = MultipartFormData.Limits()
    limits.maxParts = partLimits[Int(control & 0x03)]
    if control & 0x04 != 0 { limits.maxHeaderBytes = 48 }

    let boundary: MultipartBoundary
    do { boundary = try MultipartBoundary(contentType: contentType) } catch { return 0 }
    invariant((1...70).contains(boundary.value.utf8.count), "boundary length")
    do {
        let form = try MultipartFormData(body: body, boundary: boundary, limits: limits)
        check(form, body: body, boundary: boundary, limits: limits)
    } catch {
        // Deterministic: the same input fails the same way.
        do {
            _ = try MultipartFormData(body: body, boundary: boundary, limits: limits)
            fatalError("invariant violated: second parse succeeded")
        } catch let second {
            invariant(second == error, "second parse failed differently")
        }
    }
    return 0
}
