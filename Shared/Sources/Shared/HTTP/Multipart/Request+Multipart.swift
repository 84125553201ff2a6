extension Request {
    /// The body parsed as `multipart/form-data` with the boundary of the `Content-Type` header.
    public func multipartFormData(limits: MultipartFormData.Limits = .init()) throws(MultipartError) -> MultipartFormData {
        try MultipartFormData(body: body, contentType: headers["Content-Type"], limits: limits)
    }
}
