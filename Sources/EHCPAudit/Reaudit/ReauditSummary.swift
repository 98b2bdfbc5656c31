/// Re-audits added up for a report: how many plans, their grades before and after, and
/// what became of the actions their previous audits raised, overall and by section.
public struct ReauditSummary: Sendable, Equatable {
    /// Actions by what became of them.
    public struct Tally: Sendable, Equatable {
        public var closed = 0
        public var open = 0
        public var notAssessed = 0
        public var total: Int { closed + open + notAssessed }

        public init(closed: Int = 0, open: Int = 0, notAssessed: Int = 0) {
            self.closed = closed
            self.open = open
            self.notAssessed = notAssessed
        }

        /// The actions that came to `status`.
        public func count(_ status: Reaudit.ActionStatus) -> Int {
            switch status {
            case .closed: closed
            case .open: open
            case .notAssessed: notAssessed
            }
        }

        mutating func add(_ status: Reaudit.ActionStatus) {
            switch status {
            case .closed: closed += 1
            case .open: open += 1
            case .notAssessed: notAssessed += 1
            }
        }
    }

    public var plans: Int
    /// Grade ids best first (the framework's), and `grades[before][after]` plans.
    public var gradeIds: [String]
    public var grades: [[Int]]
    public var actions: Tally
    /// Section id → tally, in framework order; actions of dropped criteria are under "–".
    public var bySection: [(section: String, tally: Tally)]

    public init(_ reaudits: [Reaudit], framework: Framework) {
        gradeIds = framework.grades.grades.map(\.id)
        let index = Dictionary(uniqueKeysWithValues: gradeIds.enumerated().map { ($1, $0) })
        var grades = [[Int]](repeating: [Int](repeating: 0, count: gradeIds.count), count: gradeIds.count)
        var actions = Tally()
        var sections: [String: Tally] = [:]
        for reaudit in reaudits {
            if let before = index[reaudit.previous.grade], let after = index[reaudit.latest.grade] {
                grades[before][after] += 1
            }
            for outcome in reaudit.actions {
                actions.add(outcome.status)
                sections[outcome.section ?? "–", default: Tally()].add(outcome.status)
            }
        }
        plans = reaudits.count
        self.grades = grades
        self.actions = actions
        bySection = (framework.sections.map(\.id) + ["–"]).compactMap { id in sections[id].map { (id, $0) } }
    }

    public static func == (a: ReauditSummary, b: ReauditSummary) -> Bool {
        a.plans == b.plans && a.gradeIds == b.gradeIds && a.grades == b.grades && a.actions == b.actions
            && a.bySection.map(\.section) == b.bySection.map(\.section)
            && a.bySection.map(\.tally) == b.bySection.map(\.tally)
    }
}
