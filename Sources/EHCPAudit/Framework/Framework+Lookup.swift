extension Framework {
    /// The section holding a plan criterion.
    public func section(of criterion: String) -> Section? {
        guard case .section(let s, _)? = locations[criterion] else { return nil }
        return sections[s]
    }

    /// A plan or advice criterion by id.
    public func criterion(_ id: String) -> Criterion? {
        switch locations[id] {
        case .section(let s, let c)?: sections[s].criteria[c]
        case .advice(let c)?: advice?.criteria[c]
        case nil: nil
        }
    }
}
