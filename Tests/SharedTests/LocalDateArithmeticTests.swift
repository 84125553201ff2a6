import Testing
import Shared

@Suite("LocalDate arithmetic")
struct LocalDateArithmeticTests {
    @Test("adding days rolls over months, leap days and years, both ways")
    func addingDays() {
        let d = { (text: String) in LocalDate(text)! }
        #expect(d("2025-01-31").adding(days: 1) == d("2025-02-01"))
        #expect(d("2024-02-28").adding(days: 1) == d("2024-02-29"))
        #expect(d("2025-02-28").adding(days: 1) == d("2025-03-01"))
        #expect(d("2025-12-31").adding(days: 28) == d("2026-01-28"))
        #expect(d("2025-03-01").adding(days: -1) == d("2025-02-28"))
        #expect(d("1970-01-01").adding(days: 0) == d("1970-01-01"))
        #expect(d("2025-01-01").days(until: d("2026-01-01")) == 365)
        #expect(d("2026-01-01").days(until: d("2025-01-01")) == -365)
    }

    @Test("ISO weekdays: Monday 1 … Sunday 7")
    func weekdays() {
        #expect(LocalDate("1970-01-01")!.isoWeekday == 4)  // Thursday
        #expect(LocalDate("2025-06-15")!.isoWeekday == 7)  // Sunday
        #expect(LocalDate("2025-06-16")!.isoWeekday == 1)  // Monday
        #expect(LocalDate("1969-12-29")!.isoWeekday == 1)  // before the epoch
    }

    @Test("completed years: the day before, on and after a birthday, leap-day birthdays")
    func completedYears() {
        let birth = LocalDate("1990-05-17")!
        #expect(birth.completedYears(on: LocalDate("2025-05-16")!) == 34)
        #expect(birth.completedYears(on: LocalDate("2025-05-17")!) == 35)
        #expect(LocalDate("2000-02-29")!.completedYears(on: LocalDate("2025-02-28")!) == 24)
        #expect(LocalDate("2000-02-29")!.completedYears(on: LocalDate("2025-03-01")!) == 25)
    }
}
