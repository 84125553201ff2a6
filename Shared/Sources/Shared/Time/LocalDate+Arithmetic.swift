/// Calendar arithmetic on dates: whole days, weekdays and completed years.
extension LocalDate {
    /// The date `days` days later (earlier when negative); proper month and year roll-over.
    public func adding(days: Int) -> LocalDate {
        LocalDate(daysSinceEpoch: daysSinceEpoch + Int64(days))
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    public func days(until later: LocalDate) -> Int {
        Int(later.daysSinceEpoch - daysSinceEpoch)
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        Int(((daysSinceEpoch + 3) % 7 + 7) % 7) + 1  // 1970-01-01 was a Thursday
    }

    /// Completed years from `self` (a birthday) to `date`; negative when `date` is before `self`.
    public func completedYears(on date: LocalDate) -> Int {
        let years = date.year - year
        return (date.month, date.day) < (month, day) ? years - 1 : years
    }

    /// The date `days` days after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    init(daysSinceEpoch days: Int64) {
        let shifted = days + 719_468
        let era = shifted.floorDivided(by: 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1)
        let month = Int(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9)
        let year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
        self.init(year: year, month: month, day: day)!
    }
}
