import EHCPAuditTestSupport
import Testing

@testable import EHCPAudit

struct CalendarDateTests {
    @Test func parsesStrictISODays() {
        #expect(CalendarDate("2025-06-12")?.description == "2025-06-12")
        #expect(CalendarDate("2024-02-29") != nil)
        for bad in [
            "2025-02-29", "2025-13-01", "2025-00-10", "2025-6-12", "12/06/2025", "2025-06-12T00:00", "2025-06-1x", "",
        ] {
            #expect(CalendarDate(bad) == nil, "\(bad)")
        }
    }

    @Test func countsCalendarDaysAcrossMonthsAndLeapYears() {
        #expect(CalendarDate("1970-01-01")!.dayNumber == 0)
        #expect(CalendarDate("2025-02-01")!.days(until: CalendarDate("2025-03-15")!) == 42)
        #expect(CalendarDate("2024-02-28")!.days(until: CalendarDate("2024-03-01")!) == 2)
        #expect(CalendarDate("2024-12-31")!.days(until: CalendarDate("2025-01-01")!) == 1)
        #expect(CalendarDate("2025-03-01")!.days(until: CalendarDate("2025-02-01")!) == -28)
    }

    @Test func dayNumbersGoBothWays() {
        for text in ["1970-01-01", "2000-02-29", "2024-12-31", "1899-03-01", "2025-06-30"] {
            let date = CalendarDate(text)!
            #expect(CalendarDate(dayNumber: date.dayNumber) == date)
        }
        #expect(CalendarDate("2025-02-27")!.adding(days: 2) == CalendarDate("2025-03-01"))
        #expect(CalendarDate("2025-01-01")!.adding(days: -1) == CalendarDate("2024-12-31"))
    }

    @Test func ordersByDay() {
        #expect(CalendarDate("2025-01-31")! < CalendarDate("2025-02-01")!)
        #expect(!(CalendarDate("2025-02-01")! < CalendarDate("2025-02-01")!))
    }
}
