/// Every problem found while reading the configuration, reported together by
/// `ConfigReader.finish()` so an operator can fix them all in one go.
public struct ConfigError: Error, CustomStringConvertible, Equatable {
    /// The problems in the order they were found, e.g. `missing DB_HOST`.
    public let problems: [String]

    /// Creates an error listing `problems`.
    public init(problems: [String]) { self.problems = problems }

    /// `invalid configuration: ` followed by the problems separated by `; `.
    public var description: String {
        "invalid configuration: " + problems.joined(separator: "; ")
    }
}
