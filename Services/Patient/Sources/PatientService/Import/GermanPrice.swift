/// Prices as the confirmation email shows them: `1.234,50 Euro`.
enum GermanPrice {
    static func format(_ amount: Double) -> String {
        let cents = Int((abs(amount) * 100).rounded())
        var euros = String(cents / 100)
        var grouped = ""
        while euros.count > 3 {
            grouped = "." + euros.suffix(3) + grouped
            euros = String(euros.dropLast(3))
        }
        let fraction = cents % 100
        return (amount < 0 && cents > 0 ? "-" : "") + euros + grouped + "," + (fraction < 10 ? "0" : "") + String(fraction) + " Euro"
    }
}
