/// The words that make synthetic plans faulty, each placed where the truth says.
enum PlanFaultPhrases {
    /// Clauses added to a provision, each holding exactly one vague phrase (the second
    /// element, as written) and nothing else a check looks for.
    static let vagueClauses: [(clause: String, phrase: String)] = [
        ("with access to a calm space", "access to"), ("with opportunities to practise in class", "opportunities to"),
        ("with opportunities for paired work", "opportunities for"),
        ("with the opportunity to rehearse answers", "opportunity to"), ("with regular praise", "regular"),
        ("with progress shared regularly with home", "regularly"), ("lasting up to the end of playtime", "up to"),
        ("adapted as required", "as required"), ("repeated as needed", "as needed"),
        ("with prompts when needed", "when needed"), ("with a visual prompt if needed", "if needed"),
        ("adjusted as appropriate", "as appropriate"), ("shared with parents where appropriate", "where appropriate"),
        ("in the classroom where possible", "where possible"),
        ("because @ would benefit from practice", "would benefit from"),
        ("because @ may benefit from rehearsal", "may benefit from"),
        ("because @ could benefit from modelling", "could benefit from"),
        ("and @ is encouraged to use the strategies", "encouraged to"),
        ("including support with organisation", "support with"), ("with input from the school nurse", "input from"),
        ("alongside literacy interventions", "interventions"), ("in a small group", "small group"),
        ("using a published programme or equivalent", "or equivalent"),
        ("using visual aids such as symbols", "such as"), ("using visual aids, e.g. symbols", "e.g."),
        ("using symbols, photographs, etc", "etc"), ("as it is recommended in the advice", "it is recommended"),
        ("which would be helpful at transitions", "would be helpful"), ("subject to review", "subject to review"),
        ("as and when the class team decides", "as and when"), ("with periodic checks", "periodic"),
        ("with some adult prompting", "some"), ("with ongoing support from home", "ongoing support"),
    ]

    /// Outcomes that describe a service: the phrase, then what follows it.
    static let serviceClauses: [(phrase: String, rest: String)] = [
        ("will receive", "speech and language therapy"), ("will be provided", "with a laptop for written work"),
        ("will be given", "extra adult help in class"), ("will have access to", "a quiet room at lunchtime"),
        ("will be offered", "a place at a lunchtime club"), ("will attend", "a social skills group"),
        ("will be supported", "by an adult in lessons"), ("will continue to receive", "help with reading"),
    ]

    /// Paragraphs left holding one placeholder each, by where they go (`nil`: the front matter).
    static let templates: [(section: String?, text: String)] = [
        (nil, "Caseworker: XXX"), (nil, "Prepared by: [Insert name]"),
        ("A", "[Insert child's name] would like to become a vet."),
        ("B", "Lorem ipsum dolor sit amet, consectetur adipiscing elit."), ("C", "Diagnosis: <<diagnosis>>"),
        ("D", "Social worker: {{social_worker_name}}"), ("J", "Amount agreed: <<amount>>"),
    ]

    /// Section I of a final plan that names no setting.
    static let unconfirmedSettings = ["To be confirmed.", "TBC", "To be agreed."]
}
