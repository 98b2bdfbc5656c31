/// A calendar day written `YYYY-MM-DD`, with whole-day arithmetic and no time zone.
///
/// Audit dates, advice requests and plan dates are days, not instants, so the core keeps
/// them as days and never consults a clock or a calendar library.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01 (proleptic Gregorian), so that differences are day counts.
    /// The only thing stored: a population of 640,000 plans holds two dates each.
    public let dayNumber: Int

    public var year: Int { civil.year }
    public var month: Int { civil.month }
    public var day: Int { civil.day }

    /// Parses a strict ISO `YYYY-MM-DD` day; nil for anything else, including 2025-02-30.
    public init?(_ text: some StringProtocol) {
        self.init(utf8: Array(text.utf8))
    }

    /// Parses the UTF-8 bytes of a strict `YYYY-MM-DD` day.
    @inlinable
    public init?<Bytes: RandomAccessCollection>(utf8 bytes: Bytes) where Bytes.Element == UInt8, Bytes.Index == Int {
        let s = bytes.startIndex
        guard bytes.count == 10, bytes[s + 4] == UInt8(ascii: "-"), bytes[s + 7] == UInt8(ascii: "-"),
            let year = Self.digits(bytes, s..<s + 4), let month = Self.digits(bytes, s + 5..<s + 7),
            let day = Self.digits(bytes, s + 8..<s + 10)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// A day from its parts; nil when the day does not exist. Years run from 0001 to 9999,
    /// as in XML Schema's `xs:date` written with four digits (there is no year 0000).
    @inlinable
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= Self.daysIn(month: month, year: year)
        else { return nil }
        dayNumber = Self.dayNumber(year: year, month: month, day: day)
    }

    @usableFromInline
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day `dayNumber` days after 1970-01-01.
    @inlinable
    public init(dayNumber: Int) {
        self.dayNumber = dayNumber
    }

    /// Year, month and day of the day number.
    private var civil: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + count) }

    /// Calendar days from `self` to `later` (negative when `later` is earlier).
    public func days(until later: CalendarDate) -> Int { later.dayNumber - dayNumber }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.dayNumber < b.dayNumber }

    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        let (year, month, day) = civil
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    @usableFromInline
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    @inlinable
    static func digits<Bytes: RandomAccessCollection>(_ bytes: Bytes, _ range: Range<Int>) -> Int?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        var value = 0
        for index in range {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
