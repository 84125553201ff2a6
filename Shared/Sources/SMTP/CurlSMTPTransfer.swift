internal import CCurl

/// One blocking SMTP delivery with a libcurl easy handle. Call only on an owned thread.
enum CurlSMTPTransfer {
    /// `curl_global_init` once per process, before the first handle (Swift statics are lazy and thread-safe).
    private static let globalInit: Int = Int(ccurl_global_init().rawValue)

    /// libcurl's version string, e.g. `7.88.1`.
    static var version: String { String(cString: ccurl_version()) }

    /// Sends `bytes` from `sender` to `recipients` through the relay in `configuration`.
    static func perform(_ configuration: SMTPConfiguration, sender: String, recipients: [String],
                        bytes: [UInt8]) -> Result<Void, SMTPError> {
        guard globalInit == 0, let handle = curl_easy_init() else {
            return .failure(SMTPError(isTemporary: true, reason: .other, curlCode: Int(CURLE_FAILED_INIT.rawValue)))
        }
        defer { curl_easy_cleanup(handle) }
        var list: UnsafeMutablePointer<curl_slist>?
        for recipient in recipients { list = curl_slist_append(list, "<\(recipient)>") }
        defer { curl_slist_free_all(list) }
        let source = UploadSource(bytes)
        let context = Unmanaged.passRetained(source)
        defer { context.release() }

        var results = [
            ccurl_setopt_string(handle, CURLOPT_URL, configuration.url),
            ccurl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "smtp"),
            ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1),
            ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, configuration.connectTimeout.curlMilliseconds),
            ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, configuration.totalTimeout.curlMilliseconds),
            ccurl_setopt_long(handle, CURLOPT_USE_SSL,
                              Int((configuration.useTLS ? CURLUSESSL_ALL : CURLUSESSL_NONE).rawValue)),
            ccurl_setopt_string(handle, CURLOPT_MAIL_FROM, "<\(sender)>"),
            ccurl_setopt_slist(handle, CURLOPT_MAIL_RCPT, list),
            ccurl_setopt_long(handle, CURLOPT_UPLOAD, 1),
            ccurl_setopt_offset(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(bytes.count)),
            ccurl_setopt_read_function(handle, readCallback),
            ccurl_setopt_pointer(handle, CURLOPT_READDATA, context.toOpaque()),
        ]
        if let caFile = configuration.caFile { results.append(ccurl_setopt_string(handle, CURLOPT_CAINFO, caFile)) }
        if configuration.usesAuthentication {
            results.append(ccurl_setopt_string(handle, CURLOPT_USERNAME, configuration.username))
            results.append(ccurl_setopt_string(handle, CURLOPT_PASSWORD, configuration.password))
        }
        if let failed = results.first(where: { $0 != CURLE_OK }) {
            return .failure(SMTPError(isTemporary: false, reason: .other, curlCode: Int(failed.rawValue)))
        }
        let code = curl_easy_perform(handle)
        if code == CURLE_OK { return .success(()) }
        return .failure(classify(code, replyCode: ccurl_response_code(handle)))
    }

    /// Temporary: timeouts, TLS problems, 4xx replies, broken connections; permanent: 5xx, the rest.
    static func classify(_ code: CURLcode, replyCode: Int) -> SMTPError {
        let reply = replyCode > 0 ? replyCode : nil
        let curl = Int(code.rawValue)
        let fourXX = (400..<500).contains(replyCode), fiveXX = (500..<600).contains(replyCode)
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            return SMTPError(isTemporary: true, reason: .timeout, replyCode: reply, curlCode: curl)
        case CURLE_USE_SSL_FAILED, CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE:
            return SMTPError(isTemporary: true, reason: .tls, replyCode: reply, curlCode: curl)
        case CURLE_LOGIN_DENIED:
            return SMTPError(isTemporary: fourXX, reason: .authentication, replyCode: reply, curlCode: curl)
        default: break
        }
        if fourXX || fiveXX { return SMTPError(isTemporary: fourXX, reason: .rejected, replyCode: reply, curlCode: curl) }
        let connection = [CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_SEND_ERROR, CURLE_RECV_ERROR,
                          CURLE_GOT_NOTHING, CURLE_WEIRD_SERVER_REPLY, CURLE_PARTIAL_FILE]
        if connection.contains(code) { return SMTPError(isTemporary: true, reason: .connection, replyCode: reply, curlCode: curl) }
        return SMTPError(isTemporary: false, reason: .other, replyCode: reply, curlCode: curl)
    }

    private static let readCallback: curl_read_callback = { buffer, size, count, context in
        guard let buffer, let context else { return 0 }
        return Unmanaged<UploadSource>.fromOpaque(context).takeUnretainedValue().read(into: buffer, capacity: size * count)
    }
}

/// The message bytes curl pulls through the read callback.
private final class UploadSource {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        let count = min(capacity, bytes.count - offset)
        bytes.withUnsafeBufferPointer { source in
            UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }
}
