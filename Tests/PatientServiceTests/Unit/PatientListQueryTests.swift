import Testing
import Shared
@testable import PatientService

extension PatientUnit {
    /// patient.md §2.1 and README §5.3.
    @Suite("PatientListQuery") struct ListQuery {
        @Test("page and limit default to 1 and 20")
        func defaults() {
            let query = PatientListQuery()
            #expect(query.page == 1)
            #expect(query.limit == 20)
            #expect(query.offset == 0)
            #expect(query.search == nil)
            #expect(query.status == nil)
        }

        @Test("page is clamped to at least 1",
              arguments: [(0, 1), (-1, 1), (Int.min, 1), (1, 1), (2, 2), (Int.max, Int.max)] as [(Int, Int)])
        func pageClamp(given: Int, expected: Int) {
            #expect(PatientListQuery(page: given).page == expected)
        }

        @Test("limit is clamped to 1…1000",
              arguments: [(0, 1), (-5, 1), (Int.min, 1), (1, 1), (20, 20), (999, 999), (1000, 1000), (1001, 1000),
                          (2000, 1000), (Int.max, 1000)] as [(Int, Int)])
        func limitClamp(given: Int, expected: Int) {
            #expect(PatientListQuery(limit: given).limit == expected)
        }

        @Test("offset is (page − 1) × limit")
        func offset() {
            #expect(PatientListQuery(page: 3, limit: 20).offset == 40)
            #expect(PatientListQuery(page: 2, limit: 1000).offset == 1000)
            #expect(PatientListQuery(page: -3, limit: 0).offset == 0)
        }

        @Test("offset saturates instead of overflowing for absurd pages")
        func offsetSaturates() {
            #expect(PatientListQuery(page: Int.max, limit: 1000).offset == Int.max)
            #expect(PatientListQuery(page: Int.max, limit: 1).offset == Int.max - 1)
            #expect(PatientListQuery(page: Int.max / 2, limit: 3).offset == Int.max)
        }

        @Test("search is trimmed; blank becomes nil",
              arguments: [("  Müller ", "Müller"), ("anna", "anna"), ("\tA B\n", "A B"), ("", nil), ("   ", nil),
                          (" \n\t ", nil), (nil, nil)] as [(String?, String?)])
        func searchTrim(given: String?, expected: String?) {
            #expect(PatientListQuery(search: given).search == expected)
        }

        @Test("the status filter is kept as given")
        func statusKept() {
            #expect(PatientListQuery(status: .inTherapie).status == .inTherapie)
        }
    }
}
