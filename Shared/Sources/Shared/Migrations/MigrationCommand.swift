/// `<binary> migrate up|status|validate|repair|baseline <version>`: argument parsing and exit codes.
/// Exit codes: 0 ok, 1 problems (drift, pending for `validate`, a failed run), 2 usage.
public enum MigrationCommand: Sendable, Equatable {
    /// Apply every pending migration.
    case up
    /// Print one line per version with its state.
    case status
    /// Check checksums and pending files without changing anything (CI).
    case validate
    /// Delete the history rows of failed runs after the schema was fixed by hand.
    case repair
    /// Mark every file up to `version` as applied without running it.
    case baseline(version: Int)

    /// Exit code: success.
    public static let exitOK: Int32 = 0
    /// Exit code: drift, pending files on `validate`, or a failed migration.
    public static let exitProblems: Int32 = 1
    /// Exit code: the arguments were not understood.
    public static let exitUsage: Int32 = 2

    /// A usage error; the message says what was wrong and how to call the command.
    public struct UsageError: Error, Equatable, Sendable {
        /// The explanation, ending in the usage line.
        public let message: String
    }

    /// Parses the arguments after the binary name, with or without the leading `migrate`;
    /// versions are accepted as `3`, `0003` or `V0003`.
    public static func parse(_ arguments: [String]) throws(UsageError) -> MigrationCommand {
        let words = arguments.first == "migrate" ? Array(arguments.dropFirst()) : arguments
        let usage = "usage: migrate up | status | validate | repair | baseline <version>"
        switch words.first {
        case "up" where words.count == 1: return .up
        case "status" where words.count == 1: return .status
        case "validate" where words.count == 1: return .validate
        case "repair" where words.count == 1: return .repair
        case "baseline" where words.count == 2:
            let text = words[1].hasPrefix("V") ? String(words[1].dropFirst()) : words[1]
            guard !text.isEmpty, text.allSatisfy(\.isASCIIDigit), text.count <= 9,
                  let version = Int(text), version > 0
            else { throw UsageError(message: "invalid version '\(words[1])'; \(usage)") }
            return .baseline(version: version)
        case nil: throw UsageError(message: "missing subcommand; \(usage)")
        case let word?:
            let known = ["up", "status", "validate", "repair", "baseline"].contains(word)
            let what = known ? "wrong number of arguments for '\(word)'" : "unknown subcommand '\(word)'"
            throw UsageError(message: "\(what); \(usage)")
        }
    }

    /// The `validate` exit code for `plan`: 0 only when nothing is wrong and nothing is pending.
    public static func exitCode(validating plan: MigrationPlan) -> Int32 {
        plan.isRunnable && plan.pending.isEmpty ? exitOK : exitProblems
    }

    /// Parses `arguments`, runs the command and writes human-readable lines to `output`.
    public static func run(
        _ arguments: [String], migrator: Migrator, output: (String) -> Void
    ) async -> Int32 {
        let command: MigrationCommand
        do { command = try parse(arguments) } catch {
            output(error.message)
            return exitUsage
        }
        do {
            return try await command.execute(migrator, output: output)
        } catch let error as MigrationError {
            if case .planProblems(let problems) = error {
                problems.forEach { output($0.message(binary: migrator.binary)) }
            } else {
                output(error.description)
            }
            return exitProblems
        } catch {
            output("migrate failed: \(error)")
            return exitProblems
        }
    }

    private func execute(_ migrator: Migrator, output: (String) -> Void) async throws -> Int32 {
        let schema = migrator.schema
        switch self {
        case .up:
            let applied = try await migrator.up()
            applied.forEach { output("applied \(MigrationFile.label($0.version)) \($0.description)") }
            output("\(schema): \(applied.count) migration(s) applied, up to date")
        case .status:
            try await migrator.status().lines.forEach(output)
        case .validate:
            let plan = try await migrator.validate()
            plan.problems.forEach { output($0.message(binary: migrator.binary)) }
            plan.pending.forEach { output("pending \(MigrationFile.label($0.version)) \($0.description)") }
            let code = Self.exitCode(validating: plan)
            if code == Self.exitOK { output("\(schema): valid, up to date") }
            return code
        case .repair:
            let removed = try await migrator.repair()
            removed.forEach {
                output("removed failed \(MigrationFile.label($0.version)) \($0.description) (failed on \($0.appliedAt))")
            }
            output("\(schema): \(removed.count) failed migration(s) removed; run `\(migrator.binary) migrate up` to retry")
        case .baseline(let version):
            let adopted = try await migrator.baseline(version: version)
            output("\(schema): baselined at \(MigrationFile.label(version)) (\(adopted.count) file(s) marked applied)")
        }
        return Self.exitOK
    }
}
