#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

/// A real local SMTP server for tests and benchmarks: `scripts/smtp-sink.py` (aiosmtpd from
/// Debian's `python3-aiosmtpd`, run with `/usr/bin/python3`) on 127.0.0.1, storing every accepted
/// message byte for byte in a fresh Maildir. The sink answers `250` to the final dot only after the
/// message file is in `new/`, so once `SMTPClient.send` returned, `messages` shows it.
/// Optional STARTTLS with a throw-away certificate (`caFile`), AUTH PLAIN/LOGIN, and a hold switch
/// that freezes transactions at `RCPT`. Call `removeFiles()` at the end of a test.
/// The script runs as a child spawned with `posix_spawn` and reaped with `waitpid` (Foundation's
/// `Process.waitUntilExit` hung on the concurrency pool when several sinks stopped at once); it also
/// exits by itself when the test process is gone.
public final class SMTPSink: Sendable {
    /// How the sink behaves.
    public struct Options: Sendable {
        /// Offer STARTTLS with a throw-away self-signed certificate for `localhost` and `127.0.0.1`.
        public var startTLS = false
        /// Refuse `MAIL`/`RCPT`/`DATA`/`AUTH` before STARTTLS (implies `startTLS`).
        public var requireTLS = false
        /// Offer AUTH and accept exactly these credentials (AUTH stays optional for clients).
        public var credentials: (username: String, password: String)? = nil
        /// Offer AUTH on plain connections too (by default only after STARTTLS).
        public var authWithoutTLS = false
        /// The AUTH mechanisms offered, a subset of `PLAIN` and `LOGIN`.
        public var authMechanisms = ["PLAIN", "LOGIN"]
        /// Defaults: plain SMTP, no AUTH.
        public init() {}
    }

    /// The envelope of one accepted message.
    public struct Envelope: Sendable, Equatable, Decodable {
        /// `MAIL FROM` without brackets.
        public let mailFrom: String
        /// The accepted `RCPT TO` addresses without brackets, in order.
        public let rcptTos: [String]
        /// The user of a successful AUTH in that session, nil without AUTH.
        public let authUser: String?
        /// The AUTH mechanism used (`PLAIN`, `LOGIN`), nil without AUTH.
        public let authMechanism: String?

        /// An envelope as the sink records it.
        public init(mailFrom: String, rcptTos: [String], authUser: String? = nil, authMechanism: String? = nil) {
            self.mailFrom = mailFrom
            self.rcptTos = rcptTos
            self.authUser = authUser
            self.authMechanism = authMechanism
        }

        enum CodingKeys: String, CodingKey {
            case mailFrom = "mail_from", rcptTos = "rcpt_tos", authUser = "auth_user", authMechanism = "auth_mechanism"
        }
    }

    private struct State {
        /// The running script's process id, nil while stopped.
        var pid: pid_t?
        var removed = false
    }

    private let options: Options
    private let root: String
    private let state = Mutex(State())
    /// The port on 127.0.0.1, the same across `stop()` and `start()`.
    public let port: Int
    /// The Maildir (`tmp/`, `new/`, `cur/`), a fresh temporary folder per sink; kept by `stop()`.
    public let maildir: String
    /// The PEM of the throw-away certificate when `startTLS` (use as `SMTPConfiguration.caFile`).
    public let caFile: String?
    private var envelopeDirectory: String { root + "/envelope" }
    private var controlDirectory: String { root + "/control" }

    /// Starts the sink on a free port with a fresh Maildir; returns once it listens.
    public init(_ options: Options = .init()) throws {
        self.options = options
        let template = Array((NSTemporaryDirectory() + "/smtp-sink-XXXXXX").utf8CString)
        root = try template.withUnsafeBufferPointer { buffer in
            let copy = UnsafeMutablePointer<CChar>.allocate(capacity: buffer.count)
            defer { copy.deallocate() }
            copy.initialize(from: buffer.baseAddress!, count: buffer.count)
            guard mkdtemp(copy) != nil else { throw TestSupportError("mkdtemp failed: errno \(errno)") }
            return String(cString: copy)
        }
        maildir = root + "/maildir"
        caFile = options.startTLS || options.requireTLS ? root + "/tls/cert.pem" : nil
        let (pid, bound) = try Self.launch(root: root, arguments: Self.arguments(options, root: root), port: 0)
        port = bound
        state.withLock { $0.pid = pid }
    }

    deinit {
        guard let pid = state.withLock({ $0.pid }) else { return }
        Self.terminate(pid, signal: SIGKILL)
    }

    /// Starts the sink again after `stop()`, on the same port with the same Maildir and certificate.
    /// Does nothing while it runs.
    public func start() throws {
        if let pid = state.withLock({ $0.pid }) {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == 0 { return }                 // still running
            state.withLock { $0.pid = nil }                                   // it died: start anew
        }
        guard !state.withLock({ $0.removed }) else { throw TestSupportError("SMTP sink files were removed") }
        let (pid, _) = try Self.launch(root: root, arguments: Self.arguments(options, root: root), port: port)
        state.withLock { $0.pid = pid }
    }

    /// Stops the sink (SIGTERM, then waits for the exit): afterwards the port refuses connections.
    /// The Maildir is kept. Idempotent.
    public func stop() {
        guard let pid = state.withLock({ state -> pid_t? in
            defer { state.pid = nil }
            return state.pid
        }) else { return }
        Self.terminate(pid, signal: SIGTERM)
    }

    /// Signals the script and reaps it (it exits within a moment of SIGTERM).
    private static func terminate(_ pid: pid_t, signal: Int32) {
        kill(pid, signal)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }

    /// Stops the sink and deletes its temporary folders (Maildir, envelopes, certificate).
    public func removeFiles() {
        stop()
        state.withLock { $0.removed = true }
        try? FileManager.default.removeItem(atPath: root)
    }

    // MARK: Received messages

    /// The raw bytes of every message in `new/`, in delivery order (as received, after
    /// dot-unstuffing, CRLF line endings, without the final `.` line).
    public var messages: [[UInt8]] {
        names().map { name in
            (FileManager.default.contents(atPath: maildir + "/new/" + name)).map { Array($0) } ?? []
        }
    }

    /// The envelopes of `messages`, in the same order.
    public var envelopes: [Envelope] {
        names().compactMap { name in
            FileManager.default.contents(atPath: envelopeDirectory + "/" + name + ".json")
                .flatMap { try? JSONDecoder().decode(Envelope.self, from: $0) }
        }
    }

    /// How many messages have arrived.
    public var count: Int { names().count }

    /// Polls the Maildir until it holds at least `n` messages; false when `timeout` passed first.
    public func waitForCount(atLeast n: Int, timeout: Duration) -> Bool {
        poll(timeout) { count >= n }
    }

    private func names() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: maildir + "/new")) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    // MARK: Hold

    /// From now on every transaction waits at `RCPT TO`, before the sink accepts any message data.
    public func hold() {
        try? FileManager.default.removeItem(atPath: controlDirectory + "/held")
        _ = FileManager.default.createFile(atPath: controlDirectory + "/hold", contents: nil)
    }

    /// Lets held and later transactions go on.
    public func release() {
        try? FileManager.default.removeItem(atPath: controlDirectory + "/hold")
    }

    /// How many `RCPT` commands have been held since `hold()`.
    public var heldCount: Int {
        let text = (try? String(contentsOfFile: controlDirectory + "/held", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").count
    }

    /// Polls until at least one transaction waits at `RCPT`; false when `timeout` passed first.
    public func waitUntilHeld(timeout: Duration) -> Bool {
        poll(timeout) { heldCount > 0 }
    }

    // MARK: Process

    private static func arguments(_ options: Options, root: String) -> [String] {
        var arguments = ["-I", Repository.path("scripts/smtp-sink.py"), "--maildir", root + "/maildir",
                         "--control", root + "/control"]
        if options.startTLS || options.requireTLS { arguments += ["--starttls", "--tls-dir", root + "/tls"] }
        if options.requireTLS { arguments.append("--require-tls") }
        if let credentials = options.credentials {
            arguments += ["--auth", "\(credentials.username):\(credentials.password)",
                          "--auth-mechanisms", options.authMechanisms.joined(separator: ",")]
            if options.authWithoutTLS { arguments.append("--auth-without-tls") }
        }
        return arguments
    }

    /// Runs the script on `port` (0: any) with `posix_spawn` and returns its pid and the port from
    /// its `READY <port>` line. Standard error goes to `<root>/sink.log`.
    private static func launch(root: String, arguments: [String], port: Int) throws -> (pid_t, Int) {
        var fds: [Int32] = [-1, -1]
        // A socket pair rather than a pipe: created close-on-exec atomically, so no other child spawned
        // meanwhile keeps the write end open (EOF must mean: the script exited).
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &fds) == 0 else {
            throw TestSupportError("socketpair failed: errno \(errno)")
        }
        defer { close(fds[0]) }
        let logPath = root + "/sink.log"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, logPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), defaults = sigset_t()
        sigemptyset(&noSignals)
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = (["/usr/bin/python3"] + arguments + ["--port", String(port)]).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = (argv + [nil]).withUnsafeBufferPointer { buffer in
            posix_spawn(&pid, "/usr/bin/python3", &actions, &attributes,
                        UnsafeMutablePointer(mutating: buffer.baseAddress!), environ)
        }
        close(fds[1])
        guard spawned == 0 else { throw TestSupportError("spawning /usr/bin/python3 failed: \(spawned)") }

        var line: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 256)
        while !line.contains(10) {                                    // blocks until READY or EOF (the script exited)
            let n = read(fds[0], &chunk, chunk.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            line += chunk[..<n]
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("READY "), let bound = Int(text.dropFirst(6).prefix { $0 != "\n" }) else {
            terminate(pid, signal: SIGKILL)
            let log = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
            throw TestSupportError("SMTP sink did not start: \(text)\n\(log.suffix(2000))")
        }
        return (pid, bound)
    }

    private func poll(_ timeout: Duration, _ condition: () -> Bool) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while true {
            if condition() { return true }
            if ContinuousClock.now >= deadline { return false }
            usleep(5_000)
        }
    }
}
