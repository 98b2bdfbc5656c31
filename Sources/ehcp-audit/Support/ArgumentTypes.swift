import ArgumentParser
import EHCPAuditKit

/// Months on the command line: `YYYY-MM`, from 1900-01 to 2999-12, so that every window
/// a command computes from one (12 months back, a look-back) is a real month.
extension YearMonth: ExpressibleByArgument {
    public init?(argument: String) {
        guard let month = YearMonth(argument), (1900...2999).contains(month.year) else { return nil }
        self = month
    }
}

/// Dates on the command line: `YYYY-MM-DD`, a day that exists, from 1900 to 2999.
extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) {
        guard let date = CalendarDate(argument), (1900...2999).contains(date.year) else { return nil }
        self = date
    }
}

extension LearningReport.Grouping: ExpressibleByArgument {}
extension Agency: ExpressibleByArgument {}
