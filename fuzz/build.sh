#!/usr/bin/env bash
# Builds the libFuzzer binaries. Each harness is compiled as one module with just the sources it
# exercises (so internal types are visible) and no other Shared file, hence no C libraries.
# Output: fuzz/build/http-parser-fuzz, fuzz/build/json-fuzz, fuzz/build/multipart-fuzz
set -euo pipefail
cd "$(dirname "$0")/.."

http=Shared/Sources/Shared/HTTP
http_sources=(
    fuzz/HTTPParserFuzz.swift
    "$http"/Parser/*.swift
    "$http"/HTTPLimits.swift "$http"/HTTPMethod.swift "$http"/HTTPHeaders.swift "$http"/HTTPStatus.swift
    "$http"/PercentDecoding.swift "$http"/QueryParameters.swift Shared/Sources/Shared/Crypto/Hex.swift
)
json_sources=(
    fuzz/JSONFuzz.swift Shared/Sources/Shared/JSON/*.swift
    Shared/Sources/Shared/Logging/JSONString.swift Shared/Sources/Shared/Crypto/Hex.swift
)
multipart_sources=(
    fuzz/MultipartFuzz.swift
    "$http"/Multipart/MultipartError.swift "$http"/Multipart/HeaderParameters.swift
    "$http"/Multipart/MultipartBoundary.swift "$http"/Multipart/MultipartPart.swift
    "$http"/Multipart/MultipartFormData.swift "$http"/Multipart/MultipartScanner.swift
    "$http"/HTTPHeaders.swift "$http"/PercentDecoding.swift Shared/Sources/Shared/Crypto/Hex.swift
)
mkdir -p fuzz/build
build() {
    local module=$1 output=$2; shift 2
    # ld.gold warns once per ASan thunk ("Cannot export local symbol"); those lines are noise.
    swiftc -parse-as-library -swift-version 6 -module-name "$module" \
        -sanitize=fuzzer,address -O -g -o "fuzz/build/$output" "$@" \
        2> >(grep -v 'Cannot export local symbol' >&2)
    echo "built fuzz/build/$output"
}
build HTTPParserFuzz http-parser-fuzz "${http_sources[@]}"
build JSONFuzz json-fuzz "${json_sources[@]}"
build MultipartFuzz multipart-fuzz "${multipart_sources[@]}"
