internal import EHCPAuditConcurrency

extension SampleDraw {
    /// Draws the sample of the population CSV at `path`, reading the file on a thread of its
    /// own while this one ranks each plan as it arrives (`SampleFrame`): the same sample,
    /// and the same errors, as reading the whole file with `PopulationCSV` and then drawing.
    ///
    /// ```swift
    /// let sample = try SampleDraw.draw(populationPath: "population.csv", parameters: parameters)
    /// ```
    public static func draw(
        populationPath path: String, parameters: SampleParameters, lastAudits: [String: CalendarDate] = [:]
    ) throws -> Sample {
        var frame = SampleFrame(parameters: parameters, lastAudits: lastAudits)
        try overlapping(
            produce: { yield in try PopulationCSV.read(path: path, each: yield) },
            consume: { plan in try frame.add(plan) })
        return try frame.draw()
    }
}
