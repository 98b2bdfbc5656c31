import EHCPAudit

/// One open EHCP in a population snapshot (docs/sampling.md, "Population file").
///
/// Only pseudonymous references and categories: never a name, birth date or UPN.
public struct PopulationPlan: Sendable, Equatable {
    public var planId: String
    public var locality: String?
    public var phase: String?
    public var primaryNeed: String?
    public var team: String?
    public var caseworker: String?
    public var planStart: CalendarDate?
    /// The plan's latest audit, as far as the population file knows.
    public var lastAudited: CalendarDate?

    public init(
        planId: String, locality: String? = nil, phase: String? = nil, primaryNeed: String? = nil, team: String? = nil,
        caseworker: String? = nil, planStart: CalendarDate? = nil, lastAudited: CalendarDate? = nil
    ) {
        self.planId = planId
        self.locality = locality
        self.phase = phase
        self.primaryNeed = primaryNeed
        self.team = team
        self.caseworker = caseworker
        self.planStart = planStart
        self.lastAudited = lastAudited
    }

    /// The plan's value for a stratum key; a missing value is the empty string.
    public func value(for key: StratumKey) -> String {
        switch key {
        case .locality: locality ?? ""
        case .phase: phase ?? ""
        case .primaryNeed: primaryNeed ?? ""
        case .team: team ?? ""
        case .caseworker: caseworker ?? ""
        }
    }
}

/// A population column that can define strata.
public enum StratumKey: String, Sendable, CaseIterable {
    case locality
    case phase
    case primaryNeed = "primary_need"
    case team
    case caseworker

    /// Parses a comma-separated list such as `locality,phase`; nil names the bad key.
    public static func list(_ text: String) -> Result<[StratumKey], SampleError> {
        var keys: [StratumKey] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = part.trimmingCharacters(in: " ")
            guard let key = StratumKey(rawValue: name) ?? (name == "primaryNeed" ? .primaryNeed : nil) else {
                return .failure(
                    SampleError(
                        """
                        unknown stratum key \"\(name)\" (expected: \
                        \(allCases.map(\.rawValue).joined(separator: ", ")))
                        """
                    ))
            }
            keys.append(key)
        }
        return .success(keys)
    }
}

extension Substring {
    func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}
