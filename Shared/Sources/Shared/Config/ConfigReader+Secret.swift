extension ConfigReader {
    /// A secret from `KEY`, or from the file named by `KEY_FILE` (Docker/Kubernetes secrets)
    /// with one trailing "\n" or "\r\n" removed. Problems never contain the secret: setting
    /// both variables, an unreadable or empty file, or — when `required` — setting neither.
    public mutating func secret(_ key: String, required: Bool = true) -> Secret? {
        let fileKey = key + "_FILE"
        switch (raw(key), raw(fileKey)) {
        case (.some, .some):
            problem("both \(key) and \(fileKey) are set")
            record(key, "(invalid)")
            return nil
        case (let value?, nil):
            record(key, Secret.mask)
            return Secret(value)
        case (nil, let path?):
            return secret(key, fileKey: fileKey, path: path)
        case (nil, nil):
            if required { problem("missing \(key) (or \(fileKey))") }
            record(key, "(unset)")
            return nil
        }
    }

    private mutating func secret(_ key: String, fileKey: String, path: String) -> Secret? {
        let text: String
        do {
            text = try contents(ofFile: path)
        } catch {
            // Only our own reader's reason is shown: an injected reader's error might quote the file.
            let reason = (error as? TextFile.ReadError).map { " (\($0.reason))" } ?? ""
            problem("cannot read \(fileKey)=\(Self.quoted(path))\(reason)")
            record(key, "(invalid)")
            return nil
        }
        let value = Self.droppingOneLineBreak(text)
        guard !value.isEmpty else {
            problem("empty \(fileKey)=\(Self.quoted(path))")
            record(key, "(invalid)")
            return nil
        }
        record(key, Secret.mask)
        return Secret(value)
    }

    /// `text` without one trailing "\n" or "\r\n" (editors add one; more is kept on purpose).
    static func droppingOneLineBreak(_ text: String) -> String {
        var bytes = Array(text.utf8)
        guard bytes.last == 0x0A else { return text }
        bytes.removeLast()
        if bytes.last == 0x0D { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
