/// The spec's phrase lists (docs/plan-checks.md, "Checks"), written out here apart from
/// the generator, so the tests hold the generator to the spec.
enum SpecPhrases {
    static let vaguePhrases = [
        "access to", "opportunities to", "opportunities for", "opportunity to", "regular", "regularly", "up to",
        "as required", "as needed", "when needed", "if needed", "as appropriate", "where appropriate",
        "where possible", "would benefit from", "may benefit from", "could benefit from", "encouraged to",
        "support with", "input from", "interventions", "small group", "or equivalent", "such as", "e.g.", "etc",
        "it is recommended", "would be helpful", "subject to review", "as and when", "periodic", "some",
        "ongoing support",
    ]

    /// Service phrases: outcomes that describe a service.
    static let servicePhrases = [
        "will receive", "will be provided", "will be given", "will have access to", "will be offered", "will attend",
        "will be supported", "will continue to receive",
    ]

}
