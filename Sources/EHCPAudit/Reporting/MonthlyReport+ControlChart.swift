extension MonthlyReport {
    /// The control chart of "Good or better" over the trend's months. A public report
    /// shows it only when every month with audits shows its share, so that the chart
    /// reveals nothing the trend hides.
    static func controlChart(_ trend: [TrendRow], isPublic: Bool, baselineFrom: YearMonth?) -> ControlChart? {
        if isPublic && trend.contains(where: { $0.goodOrBetter == nil && $0.completed != .shown(0) }) { return nil }
        return ControlChart.build(
            trend.compactMap { row in row.goodOrBetter.map { (row.month, $0.count, $0.total) } },
            baselineFrom: baselineFrom)
    }
}
