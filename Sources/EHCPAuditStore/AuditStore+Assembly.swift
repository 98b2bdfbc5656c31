import EHCPAudit
internal import EHCPAuditConcurrency
import EHCPAuditFormats

/// The reports, assembled from the store: each picks its framework, reads the months it
/// covers and hands the figures to the pure builders of `EHCPAudit`.
///
/// ```swift
/// let store = try AuditStore(path: "ehcp-audit.sqlite", access: .readOnly)
/// let report = try store.monthlyReport(for: YearMonth("2025-06")!, isPublic: true)
/// print(MonthlyReportJSON.render(report))   // from EHCPAuditReports
/// ```
extension AuditStore {
    /// The monthly board report for `month`, with the trend over the twelve months
    /// ending with it: the audits made against one framework id (`framework`, else the
    /// one most used in the month), naming how many audits under other frameworks (annual
    /// reviews, say) it leaves to their own report, and the family's view beside the
    /// auditor's over the same twelve months (``familyVoice(for:beside:)``). The months before
    /// and the re-audits are read on a thread and connection of their own while the month
    /// itself is read.
    public func monthlyReport(
        for month: YearMonth, isPublic: Bool, framework id: String? = nil, baselineFrom: YearMonth? = nil
    ) throws
        -> MonthlyReport
    {
        let year = ReportPeriod.year(endingWith: month)
        let framework = try reportFramework(for: ReportPeriod(month: month), id: id)
        // The year so far and the re-audits on one thread, the month itself on this one.
        let yearSoFar = Future {
            (
                grades: try self.gradeCounts(
                    for: ReportPeriod(from: year.first, to: month.adding(months: -1))!, framework: framework.id),
                progress: try self.progress(for: year, framework: framework.id).months,
                reaudits: try self.reaudits(
                    for: ReportPeriod(month: month), framework: framework, keepingRatings: false)
            )
        }
        let figures = try monthFigures(month, framework: framework.id)
        // The board report shows agreement between auditors, not with the plan checks.
        let moderation = try moderationReport(
            for: ReportPeriod(month: month), framework: (framework.id, framework.version), informs: [:])
        let otherFrameworks = try countedAudits(in: month).filter { $0.framework != framework.id }
        let census = try planCheckCensus(for: month, isPublic: isPublic, followUp: 0)
        let familyVoice = try familyVoice(for: year, beside: framework)
        let (grades, progress, reaudits) = try yearSoFar.value
        return MonthlyReport.build(
            figures: grades + [figures], progress: progress, framework: framework, isPublic: isPublic,
            moderation: moderation, otherFrameworks: otherFrameworks,
            reaudits: ReauditSummary(reaudits, framework: framework), census: census, baselineFrom: baselineFrom,
            teams: try groupFacts(.team, for: ReportPeriod(month: month), framework: framework.id, ratings: false),
            familyVoice: familyVoice)
    }

    /// Advice quality and timeliness by provider over `period`, optionally narrowed to
    /// one agency or provider.
    public func adviceReport(
        for period: ReportPeriod, agency: Agency? = nil, provider: String? = nil, framework id: String? = nil
    ) throws -> AdviceReport {
        let framework = try reportFramework(for: period, id: id)
        return AdviceReport.build(
            period: period,
            figures: try adviceFigures(for: period, framework: framework.id, agency: agency, provider: provider),
            ratings: try adviceCriterionRatings(for: period, framework: framework.id),
            corrections: try noNeedsRefusals(in: period), framework: framework
        )
    }

    /// Learning packs for `period`, each compared with the period of the same length
    /// just before.
    public func learningReport(
        by grouping: LearningReport.Grouping, for period: ReportPeriod, framework id: String? = nil
    ) throws -> LearningReport {
        let framework = try reportFramework(for: period, id: id)
        return LearningReport.build(
            grouping: grouping, period: period, current: try groupFacts(grouping, for: period, framework: framework.id),
            // The previous period gives each pack its earlier count and grades only.
            previous: try groupFacts(grouping, for: period.previous, framework: framework.id, ratings: false),
            framework: framework,
            reaudits: grouping.judgesAdvice
                ? [] : try reaudits(for: period, framework: framework, keepingRatings: false),
            adviceOnTime: grouping.judgesAdvice ? try adviceOnTime(for: period, framework: framework.id) : [])
    }

    /// Each provider's advice received with its timeliness known (exceptions left out) and,
    /// of it, received on time: every agency's together, as the learning packs group them.
    func adviceOnTime(for period: ReportPeriod, framework: String) throws -> [FunnelPlot.Count] {
        let figures = try adviceFigures(for: period, framework: framework, agency: nil, provider: nil)
        var counts: [FunnelPlot.Count] = []
        for group in figures {
            let name = group.provider ?? "(not recorded)"
            if let at = counts.firstIndex(where: { $0.name == name }) {
                counts[at].n += group.timely + group.late
                counts[at].y += group.timely
            } else {
                counts.append(.init(name: name, n: group.timely + group.late, y: group.timely))
            }
        }
        return counts.sorted { $0.name < $1.name }
    }

    /// How far auditors agree over `period` (docs/moderation.md), comparing one framework:
    /// `framework` (an id, with or without a version) or else the one with the most
    /// matched moderation audits; and how far they agree with the plan checks
    /// (`PlanCheckAgreement`), each check informing the criteria `informs` gives it (the
    /// plan-check rules' mapping; empty, no such table).
    public func moderationReport(
        for period: ReportPeriod, framework asked: (id: String, version: String?)? = nil,
        informs: [PlanCheckKind: Set<String>]
    ) throws -> ModerationReport {
        let (moderations, audits) = try moderationAudits(for: period)
        let links = ModerationLinks.link(moderations, among: audits)
        let stored = try storedFrameworks()
        var chosen = ModerationReport.chooseFramework(links, asked: asked)
        if chosen == nil, let asked {
            chosen = stored.last { $0.id == asked.id }.map { FrameworkReference(id: $0.id, version: $0.version) }
        }
        let framework = try chosen.flatMap { reference in
            try stored.first { $0.id == reference.id && $0.version == reference.version }.map {
                try FrameworkLoader.load(text: $0.content, file: $0.file)
            }
        }
        if let asked, framework == nil {
            throw StoreError.unknownFramework(id: asked.id, version: asked.version)
        }
        let checked = try framework.map { framework in
            informs.isEmpty
                ? []
                : try planCheckedAudits(
                    for: period, framework: FrameworkReference(id: framework.id, version: framework.version))
        }
        return ModerationReport.build(
            period: period, links: links, framework: framework, checked: checked ?? [], informs: informs)
    }

    /// The framework a report over `period` is about, and whose words it uses: of id `id`
    /// when given (else any but family voice, which is set beside the others), the version
    /// most of the period's audits were made against, else the latest stored. Throws ``StoreError/noFramework(path:)`` when the store holds
    /// none, ``StoreError/unknownFramework(id:version:)`` when it holds none of id `id`, and
    /// `FrameworkLoadError` if the stored text no longer loads.
    public func reportFramework(for period: ReportPeriod, id: String? = nil) throws -> Framework {
        let stored = try storedFrameworks().filter { id == nil || $0.id == id }
        // Unasked, family voice is never the report's framework: it is set beside another.
        let used = try frameworkUse(for: period).filter { id != nil || $0.id != FamilyVoice.frameworkId }
        let mostUsed = used.lazy.compactMap { use in stored.first { $0.id == use.id && $0.version == use.version } }
            .first
        guard let chosen = mostUsed ?? stored.last(where: { $0.id != FamilyVoice.frameworkId }) ?? stored.last else {
            if let id { throw StoreError.unknownFramework(id: id, version: nil) }
            throw StoreError.noFramework(path: path)
        }
        return try FrameworkLoader.load(text: chosen.content, file: chosen.file)
    }

    /// Where imports refused an audit of `period` for rating a needs-dependent criterion
    /// of a no-needs advice: one entry per refusal, by the advice's agency and provider.
    func noNeedsRefusals(in period: ReportPeriod) throws -> [(agency: String?, provider: String?)] {
        try loggedRefusals().filter { refusal in
            refusal.rule == .noNeedsAdviceRated
                && (refusal.month.flatMap { YearMonth($0) }.map(period.contains) ?? false)
        }.map { (agency: $0.agency, provider: $0.provider) }
    }
}

extension AuditStore {
    /// This council's benchmark figures for the twelve months ending with `to`
    /// (docs/comparison.md), under disclosure control: the month figures the monthly
    /// report counts, added up, and the open plans of the latest sample drawn in the window.
    public func benchmarkFigures(
        council: String, to: YearMonth, framework id: String? = nil
    ) throws
        -> BenchmarkFigures
    {
        let period = ReportPeriod.year(endingWith: to)
        let framework = try reportFramework(for: period, id: id)
        var months: [MonthFigures] = []
        var month = period.first
        while month <= period.last {
            months.append(try monthFigures(month, framework: framework.id))
            month = month.adding(months: 1)
        }
        let openPlans = try progress(for: period, framework: framework.id).months.last { $0.openPlans != nil }?
            .openPlans
        return BenchmarkFigures.build(
            council: council, framework: framework, period: period, months: months, openPlans: openPlans)
    }
}
