#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#endif

extension LocalDate {
    /// Today in the process's time zone (`TZ`; UTC in the containers): the original's
    /// `date.today()`, the "server local date" of the specs.
    public static func localToday() -> LocalDate {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return LocalDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
    }
}
