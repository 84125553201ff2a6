/// Decoded query-string parameters, in order, with typed accessors. Repeated keys keep every
/// value (`all(_:)`); `subscript` gives the first.
public struct QueryParameters: Sendable, Equatable {
    /// The decoded pairs in order.
    public let pairs: [(name: String, value: String)]

    /// Parses a raw query (without `?`); nil when an escape is malformed or not UTF-8.
    public init?(raw: Substring) {
        var pairs: [(name: String, value: String)] = []
        for item in raw.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = PercentDecoding.decode(parts[0], plusAsSpace: true),
                  let value = PercentDecoding.decode(parts.count > 1 ? parts[1] : "", plusAsSpace: true) else { return nil }
            pairs.append((name: name, value: value))
        }
        self.pairs = pairs
    }

    /// Creates parameters from decoded pairs.
    public init(_ pairs: [(String, String)] = []) { self.pairs = pairs.map { (name: $0.0, value: $0.1) } }

    /// Equal when the same pairs appear in the same order.
    public static func == (lhs: QueryParameters, rhs: QueryParameters) -> Bool {
        lhs.pairs.count == rhs.pairs.count && zip(lhs.pairs, rhs.pairs).allSatisfy { $0 == $1 }
    }

    /// The first value for `name`.
    public subscript(name: String) -> String? { pairs.first { $0.name == name }?.value }

    /// Every value for `name`, in order.
    public func all(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

    /// The first value parsed as `T`; nil when absent or not convertible.
    public func get<T: LosslessStringConvertible>(_ name: String, as type: T.Type = T.self) -> T? {
        self[name].flatMap(T.init)
    }

    /// The first value parsed as `T`, or `default` when absent or not convertible (the lenient
    /// behaviour of the original API for `page`/`limit`).
    public func get<T: LosslessStringConvertible>(_ name: String, default value: T) -> T {
        get(name, as: T.self) ?? value
    }
}
