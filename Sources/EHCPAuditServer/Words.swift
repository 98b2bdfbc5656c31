import EHCPAuditKit
import Foundation

/// The words a person reads for the record format's ids: "Social care", not `social-care`.
/// Values sent by forms stay the ids; only what is shown changes.
enum Words {
    static func kind(_ kind: AuditKind) -> String {
        switch kind {
        case .routine: "Routine audit"
        case .moderation: "Moderation (a second, independent audit)"
        case .multiAgency: "Multi-agency audit"
        }
    }

    static func status(_ status: AuditStatus) -> String {
        switch status {
        case .draft: "Draft"
        case .final: "Final"
        }
    }

    static func agency(_ agency: Agency) -> String {
        switch agency {
        case .education: "Education"
        case .health: "Health"
        case .socialCare: "Social care"
        case .educationalPsychology: "Educational psychology"
        case .other: "Other"
        }
    }

    static func phase(_ phase: Phase) -> String {
        switch phase {
        case .earlyYears: "Early years"
        case .primary: "Primary"
        case .secondary: "Secondary"
        case .post16: "Post-16"
        case .post19: "Post-19"
        }
    }

    static func planType(_ type: PlanType) -> String {
        switch type {
        case .new: "New plan"
        case .amended: "Amended plan"
        case .annualReview: "After an annual review"
        }
    }

    static func adviceStatus(_ status: AdviceStatus) -> String {
        switch status {
        case .received: "Received"
        case .noNeedsIdentified: "Received: no needs identified"
        case .blank: "Blank return"
        case .notReceived: "Not received"
        case .notKnown: "Not known to the service"
        }
    }

    static func primaryNeed(_ need: PrimaryNeed) -> String {
        switch need {
        case .asd: "Autistic spectrum disorder (ASD)"
        case .slcn: "Speech, language and communication needs (SLCN)"
        case .semh: "Social, emotional and mental health (SEMH)"
        case .mld: "Moderate learning difficulty (MLD)"
        case .sld: "Severe learning difficulty (SLD)"
        case .pmld: "Profound and multiple learning difficulty (PMLD)"
        case .spld: "Specific learning difficulty (SPLD)"
        case .vi: "Visual impairment (VI)"
        case .hi: "Hearing impairment (HI)"
        case .msi: "Multi-sensory impairment (MSI)"
        case .pd: "Physical disability (PD)"
        case .ds: "Down syndrome (DS)"
        case .oth: "Other difficulty or disability (OTH)"
        }
    }

    /// A word of the record format as a person reads it, whichever vocabulary it is from:
    /// `social-care` is "Social care", `early-years` "Early years"; anything else as it is.
    static func value(_ id: String) -> String {
        if let kind = AuditKind(rawValue: id) { return Self.kind(kind) }
        if let status = AuditStatus(rawValue: id) { return Self.status(status) }
        if let agency = Agency(rawValue: id) { return Self.agency(agency) }
        if let phase = Phase(rawValue: id) { return Self.phase(phase) }
        if let status = AdviceStatus(rawValue: id) { return adviceStatus(status) }
        return id
    }

    /// A grade's id as words, where no framework is at hand to give its label:
    /// `requires-improvement` is "Requires improvement".
    static func grade(_ id: String) -> String {
        let words = id.replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// A sample's stratum (`Central|early-years`) as words: "Central, early years".
    static func stratum(_ stratum: String) -> String {
        stratum.split(separator: "|", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "none given" : value(String($0)) }.joined(separator: ", ")
    }

    /// A day as the GOV.UK style writes it: "15 January 2026".
    static func date(_ date: CalendarDate) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.locale = Locale(identifier: "en_GB")
        return "\(date.day) \(calendar.monthSymbols[date.month - 1]) \(date.year)"
    }
}
