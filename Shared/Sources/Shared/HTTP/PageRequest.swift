/// The `page` and `limit` of a list endpoint and the page envelope the APIs answer with
/// (spec README §5.3): `{"data": [...], "page": p, "limit": l, "total": t}`.
public struct PageRequest: Sendable, Equatable {
    /// 1-based page number.
    public let page: Int
    /// Rows per page, 1…1000.
    public let limit: Int

    /// Clamps like the original APIs: `page = max(1, page)`, `limit = min(max(1, limit), 1000)`;
    /// absent values are 1 and 20.
    public init(page: Int? = nil, limit: Int? = nil) {
        self.page = max(1, page ?? 1)
        self.limit = min(max(1, limit ?? 20), 1000)
    }

    /// Rows to skip; saturates instead of overflowing for absurd page numbers.
    public var offset: Int {
        let (product, overflow) = (page - 1).multipliedReportingOverflow(by: limit)
        return overflow ? Int.max : product
    }

    /// The total of a list when this page (with `rows` rows) tells it without a `count(*)`: a
    /// page that is not full ends the list, so the total is `offset + rows`. nil when the page
    /// is full, or empty past the first page (then only a count knows).
    public func totalWithoutCounting(rowsOnPage rows: Int) -> Int? {
        (rows > 0 || offset == 0) && rows < limit ? offset + rows : nil
    }

    /// The fixed empty page some filters answer instead of an error (an unknown status).
    public static let emptyPageJSON = Array(#"{"data":[],"page":1,"limit":20,"total":0}"#.utf8)

    /// The envelope around `data` (a JSON array, already encoded) for this page.
    public func json(data: [UInt8], total: Int) -> [UInt8] {
        var body: [UInt8] = Array(#"{"data":"#.utf8)
        body.reserveCapacity(data.count + 64)
        body += data
        body += #","page":\#(page),"limit":\#(limit),"total":\#(total)}"#.utf8
        return body
    }
}
