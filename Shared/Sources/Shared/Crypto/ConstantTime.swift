/// Comparisons whose running time does not reveal where secret inputs differ.
public enum ConstantTime {
    /// Whether `a` and `b` hold the same bytes.
    ///
    /// For equal lengths every byte pair is examined and differences are accumulated without
    /// branching, so the time does not depend on the position or number of differing bytes.
    /// Lengths are not treated as secret: a length mismatch returns `false` immediately.
    /// Use this to compare MACs, tokens and password hashes, never `==`.
    public static func equals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        let difference = a.withUnsafeBufferPointer { left in
            b.withUnsafeBufferPointer { right in
                var accumulated: UInt8 = 0
                for index in 0..<left.count {
                    accumulated |= left[index] ^ right[index]
                }
                return accumulated
            }
        }
        return isZero(difference)
    }

    /// Branch-free zero test, kept out of line so the accumulation loop above cannot be
    /// rewritten into an early exit on the first non-zero byte.
    @inline(never)
    private static func isZero(_ value: UInt8) -> Bool {
        // (value - 1) has its top bit set only when value == 0 (computed in 16 bits).
        (UInt16(value) &- 1) >> 15 == 1
    }
}
