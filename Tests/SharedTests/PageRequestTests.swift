import Testing
import Shared

@Suite("PageRequest")
struct PageRequestTests {
    @Test("clamps page and limit like the original APIs; the offset saturates")
    func clamps() {
        #expect(PageRequest() == PageRequest(page: 1, limit: 20))
        #expect(PageRequest(page: -3, limit: 0) == PageRequest(page: 1, limit: 1))
        #expect(PageRequest(page: 2, limit: 5000).limit == 1000)
        #expect(PageRequest(page: 3, limit: 10).offset == 20)
        #expect(PageRequest(page: Int.max, limit: 1000).offset == Int.max)
    }

    @Test("a page that is not full tells the total; a full page or one past the end does not")
    func totals() {
        let second = PageRequest(page: 2, limit: 10)
        #expect(second.totalWithoutCounting(rowsOnPage: 4) == 14)
        #expect(second.totalWithoutCounting(rowsOnPage: 10) == nil)
        #expect(second.totalWithoutCounting(rowsOnPage: 0) == nil)
        #expect(PageRequest().totalWithoutCounting(rowsOnPage: 0) == 0)
    }

    @Test("the envelope around the data")
    func envelope() {
        let body = PageRequest(page: 2, limit: 5).json(data: Array("[1]".utf8), total: 6)
        #expect(String(decoding: body, as: UTF8.self) == #"{"data":[1],"page":2,"limit":5,"total":6}"#)
        #expect(String(decoding: PageRequest.emptyPageJSON, as: UTF8.self) == #"{"data":[],"page":1,"limit":20,"total":0}"#)
    }
}
