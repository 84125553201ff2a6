#!/usr/bin/env bash
# Builds the libFuzzer binary for the HTTP request parser: the harness and the parser sources are
# compiled as one module (so internal types are visible) with no other Shared file, hence no C
# libraries. Output: fuzz/build/http-parser-fuzz
set -euo pipefail
cd "$(dirname "$0")/.."

http=Shared/Sources/Shared/HTTP
sources=(
    fuzz/HTTPParserFuzz.swift
    "$http"/Parser/*.swift
    "$http"/HTTPLimits.swift "$http"/HTTPMethod.swift "$http"/HTTPHeaders.swift "$http"/HTTPStatus.swift
    "$http"/PercentDecoding.swift "$http"/QueryParameters.swift Shared/Sources/Shared/Crypto/Hex.swift
)
mkdir -p fuzz/build
# ld.gold warns once per ASan thunk ("Cannot export local symbol"); those lines are noise.
swiftc -parse-as-library -swift-version 6 -module-name HTTPParserFuzz \
    -sanitize=fuzzer,address -O -g -o fuzz/build/http-parser-fuzz "${sources[@]}" \
    2> >(grep -v 'Cannot export local symbol' >&2)
echo "built fuzz/build/http-parser-fuzz"
