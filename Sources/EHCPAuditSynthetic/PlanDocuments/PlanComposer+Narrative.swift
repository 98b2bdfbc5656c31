import EHCPAudit

/// The front matter and the sections whose paragraphs are not items: A–D, I, J, K.
extension PlanComposer {
    mutating func frontMatter() {
        let date = { (random: inout SeededRandom, day: CalendarDate) in
            PlanDateText.text(day, PlanDateText.Form.allCases[random.int(0...PlanDateText.Form.allCases.count - 1)])
        }
        append(
            .title(
                profile.isDraft && random.chance(0.5)
                    ? "Draft Education, Health and Care Plan" : "Education, Health and Care Plan"))
        append(.paragraph("Name: \(name) \(surname)"))
        let birth = profile.planDate.adding(days: -(age * 365 + random.int(0...300)))
        append(.paragraph("Date of birth: \(date(&random, birth))"))
        if profile.isDraft {
            append(.paragraph("Status: Draft"))
        } else if random.chance(0.5) {
            append(.paragraph("Status: Final"))
        }
        let label = pick(["Date of plan", "Date issued", "Issue date", "Date of issue", "Plan date"])
        append(.paragraph("\(label): \(date(&random, profile.planDate))"))
        if profile.hasReviewDate {
            let review = profile.planDate.adding(days: random.int(330...365))
            append(
                .paragraph(
                    pick([
                        "Next review: \(date(&random, review))",
                        "To be reviewed by \(PlanDateText.monthAndYear(review))",
                        "Annual review due: \(date(&random, review))",
                    ])))
        } else {
            find(.noReviewDate)
        }
        append(.paragraph("Local authority: \(PlanVocabulary.authority)"))
        templates(in: nil)
    }

    /// A section of paragraphs drawn in turn from `texts`, starting at a random one.
    mutating func narrative(_ id: String, _ texts: [String], count: Int) {
        guard open(id) else { return }
        let start = random.int(0...texts.count - 1)
        for n in 0..<min(count, texts.count) { append(.paragraph(personal(texts[(start + n) % texts.count]))) }
        templates(in: id)
    }

    mutating func health() {
        guard open("C") else { return }
        append(
            .paragraph(personal(random.chance(0.5) ? PlanVocabulary.noHealthNeeds : pick(PlanVocabulary.healthNeeds))))
        templates(in: "C")
    }

    mutating func socialCare() {
        guard open("D") else { return }
        append(.paragraph(personal(random.chance(0.6) ? PlanVocabulary.noCareNeeds : pick(PlanVocabulary.careNeeds))))
        templates(in: "D")
    }

    /// Section I: a named setting in a final plan, a type of setting in a draft; or the faults.
    mutating func placement() {
        guard open("I") else {
            if !profile.isDraft { find(.noSettingInFinal, "I") }
            return
        }
        let type = "Type of setting: \(pick(PlanVocabulary.settingTypes))"
        switch (profile.isDraft, profile.settingFault) {
        case (true, false):
            append(.paragraph(type))
            append(.paragraph("The setting will be named once consultation has finished."))
        case (true, true):
            let block = append(.paragraph("Name of setting: \(pick(PlanVocabulary.settings))"))
            find(.settingNamedInDraft, "I", block: block)
            append(.paragraph(type))
        case (false, false):
            append(.paragraph("Name of setting: \(pick(PlanVocabulary.settings))"))
            append(.paragraph(type))
        case (false, true):
            append(.paragraph(pick(PlanFaultPhrases.unconfirmedSettings)))
            find(.noSettingInFinal, "I")
        }
    }

    mutating func budget() {
        guard open("J") else { return }
        append(.paragraph(personal(pick(PlanVocabulary.budgets))))
        templates(in: "J")
    }

    /// Section K: each advice with one date, stale ones noted.
    mutating func advice() {
        guard open("K") else { return }
        let layout = profile.layouts["K"] ?? .list
        append(.paragraph("The advice below was considered in writing this plan."))
        if layout == .table { append(.tableRow(["Advice", "From", "Date"], isFirst: true)) }
        let count = min(PlanVocabulary.advice.count, 4 + profile.words / 2500)
        let start = random.int(0...PlanVocabulary.advice.count - 1)
        for n in 0..<count {
            let (what, who) = PlanVocabulary.advice[(start + n) % PlanVocabulary.advice.count]
            let stale = random.chance(profile.staleRate)
            let day = profile.planDate.adding(days: -(stale ? random.int(400...700) : random.int(14...300)))
            let date = PlanDateText.text(day, PlanDateText.Form.allCases[random.int(0...5)])
            let block =
                switch layout {
                case .table: append(.tableRow([personal(what), personal(who), date], isFirst: false))
                case .list: append(.listItem(personal("\(what): \(who), \(date)")))
                case .paragraphs: append(.paragraph(personal("\(what): \(who), \(date)")))
                }
            if stale { find(.staleAdvice, "K", block: block) }
        }
    }
}
