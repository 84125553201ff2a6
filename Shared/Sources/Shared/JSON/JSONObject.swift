/// A JSON object: members in document order. Lookups return the last member of a repeated
/// key (as Python's and PHP's decoders do); serialisation writes every member as stored.
public struct JSONObject: Sendable, Equatable, Sequence {
    /// The members in order.
    public private(set) var members: [(key: String, value: JSONValue)]

    /// An object with `members` in the given order.
    public init(_ members: [(key: String, value: JSONValue)] = []) { self.members = members }

    /// Equal when the same members appear in the same order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count && zip(lhs.members, rhs.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    /// The value of `key` (last occurrence); setting replaces every occurrence in place, or
    /// appends a new member; setting nil removes the key.
    public subscript(key: String) -> JSONValue? {
        get { members.last { $0.key == key }?.value }
        set {
            guard let newValue else { members.removeAll { $0.key == key }; return }
            guard let first = members.firstIndex(where: { $0.key == key }) else {
                members.append((key: key, value: newValue))
                return
            }
            members[first].value = newValue
            var index = members.count - 1
            while index > first {
                if members[index].key == key { members.remove(at: index) }
                index -= 1
            }
        }
    }

    /// True when `key` is present (even with a `null` value).
    public func contains(_ key: String) -> Bool { members.contains { $0.key == key } }

    /// The keys in order.
    public var keys: [String] { members.map(\.key) }

    /// Number of members.
    public var count: Int { members.count }

    /// Iterates the members in order.
    public func makeIterator() -> IndexingIterator<[(key: String, value: JSONValue)]> { members.makeIterator() }

    /// A copy without the members named in `keys`.
    public func removing(_ keys: Set<String>) -> JSONObject {
        JSONObject(members.filter { !keys.contains($0.key) })
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// An object with members in the written order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self.init(elements.map { (key: $0.0, value: $0.1) }) }
}
