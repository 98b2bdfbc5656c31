extension Framework {
    /// A copy of the framework with every text stored anew: equal to it in every way, and
    /// sharing no storage with it.
    ///
    /// Scoring copies a framework's texts into each result (grades, improvement actions),
    /// and copying a text counts a reference to its storage. Threads scoring at once with
    /// one framework all count on the same few texts, and cores counting on the same memory
    /// wait for each other; `ParallelScoring` gives each thread a copy of its own.
    package func unshared() -> Framework {
        func copy(_ text: String) -> String { String(decoding: Array(text.utf8), as: UTF8.self) }
        func copy(_ grade: Grade) -> Grade {
            Grade(id: copy(grade.id), label: copy(grade.label), minPercent: grade.minPercent)
        }
        func copy(_ criterion: Criterion) -> Criterion {
            Criterion(
                id: copy(criterion.id), text: copy(criterion.text), weight: criterion.weight,
                notApplicable: criterion.notApplicable, needsDependent: criterion.needsDependent,
                cap: criterion.cap.map { Cap(at: copy($0.at), grade: copy($0.grade)) }, action: copy(criterion.action),
                guidance: criterion.guidance.map(copy), source: criterion.source.map(copy))
        }
        do {
            return try Framework(
                id: copy(id), version: copy(version), title: copy(title),
                scale: scale.map { Rating(id: copy($0.id), label: copy($0.label), points: $0.points) },
                actionBelow: copy(actionBelow), grades: grades.grades.map(copy),
                sections: sections.map {
                    Section(id: copy($0.id), title: copy($0.title), weight: $0.weight, criteria: $0.criteria.map(copy))
                },
                advice: advice.map {
                    AdviceCriteria(
                        deadlineDays: $0.deadlineDays, grades: $0.grades.map(copy), criteria: $0.criteria.map(copy))
                })
        } catch {
            preconditionFailure("a copy of a valid framework is valid: \(error)")
        }
    }
}

extension FrameworkCatalog {
    /// The same frameworks, each ``Framework/unshared()``: a catalog for one thread of many.
    package func unshared() -> FrameworkCatalog {
        var catalog = FrameworkCatalog()
        for framework in frameworks {
            do { try catalog.add(framework.unshared()) } catch { preconditionFailure("\(error)") }
        }
        return catalog
    }
}
