/// The clean words of synthetic plans: nothing here may trigger a plan check.
///
/// No vague or service phrase of the spec, no role word outside ``roles``, no frequency or
/// amount outside ``frequencies`` and ``amounts``, no time frame outside ``timeFrames``, no
/// date, no placeholder, no "review", no "draft" (`PlanVocabularyTests` scans for them).
/// `@` stands for the child's first name. Names and places are fictional, and obviously so.
enum PlanVocabulary {
    static let firstNames = [
        "Kit", "Robin", "Sam", "Alex", "Jo", "Charlie", "Rowan", "Frankie", "Jesse", "Riley", "Morgan", "Ash",
    ]
    static let surnames = ["Example", "Sample", "Specimen", "Testcase", "Mockford", "Notreal", "Madeup", "Fakeley"]
    static let authority = "Exampleshire County Council (a fictional local authority)"
    static let settings = [
        "Hillcrest Primary School", "Meadowbank Primary School", "Brookfield Academy", "Larkspur Special School",
        "Willowmere Nursery", "Exampleton College",
    ]
    static let settingTypes = [
        "mainstream", "mainstream with a specialist resource base", "special (cognition and learning)",
        "special (autism)",
    ]

    /// Areas of need, the first cell of a provision table row.
    static let needs = [
        "Expressive language", "Understanding spoken language", "Social communication", "Reading accuracy",
        "Spelling and writing", "Working memory", "Emotional regulation", "Attention and listening",
        "Fine motor skills", "Sensory processing", "Number sense", "Independence and organisation",
    ]

    /// Provision in F: what is done (no role, frequency or amount).
    static let activities = [
        "Structured narrative practice using picture sequences", "Pre-teaching of topic vocabulary with visual cards",
        "A personalised phonics programme with cumulative word lists", "Precision teaching of high frequency words",
        "Guided conversation practice with a chosen peer", "Explicit teaching of turn-taking through board games",
        "Teaching of the Zones of Regulation with a personal calm plan",
        "Rehearsal of written sentences using a colourful semantics frame",
        "Memory strategy teaching with chunking and visual notes",
        "Handwriting practice with a sloping board and pencil grip", "A sensory circuit of movement activities",
        "Concrete apparatus teaching of place value", "Social story preparation for changes in routine",
        "Modelled use of a visual task board", "Listening games built around barrier tasks",
        "Touch typing practice on a laptop", "Reciprocal reading with prediction and summary cards",
        "Rehearsal of the morning routine with a photo checklist", "Anxiety management teaching with a worry scale",
        "Spelling practice with multisensory letter tiles", "Paired reading of a chosen book",
        "Direct teaching of question words with symbol prompts", "Guided emotion conversations after playtime",
        "Fluency practice with repeated reading of familiar texts",
    ]

    /// Provision in F and G: what it is for, after "to".
    static let purposes = [
        "help @ retell events in the right order", "build @'s confidence in speaking to the class",
        "improve @'s accuracy when reading unfamiliar words", "help @ recognise and name feelings early",
        "extend @'s spoken sentences with linking words", "help @ plan and check written work",
        "strengthen @'s grip and letter formation", "settle @ so that learning can begin calmly",
        "secure @'s understanding of tens and ones", "prepare @ for changes to the timetable",
        "help @ start tasks without waiting for a prompt", "develop @'s skills in joining a game with classmates",
        "help @ remember key facts across a topic", "reduce @'s reliance on adult prompts during writing",
        "help @ use a calming strategy independently", "widen the vocabulary @ uses in class discussion",
        "help @ understand instructions given to the whole class", "build the stamina @ needs for written tasks",
    ]

    /// Health provision in G (with ``purposes``).
    static let healthActivities = [
        "An occupational therapy programme for fine motor control", "Physiotherapy exercises for core stability",
        "A speech and language therapy programme for expressive language",
        "A sensory programme devised by occupational therapy", "Swallowing and eating guidance at lunchtime",
        "Continence care following the health plan",
    ]

    /// Social care provision in H: short, so no sentence of a combined "Section H" reaches 12 words.
    static let careActivities = [
        "Overnight short break", "Personal care at home", "After-school club place", "Travel training",
        "Saturday youth club place", "Family link carer visit",
    ]

    static let frequencies = [
        "three times a week", "twice a week", "once a week", "daily", "every morning", "four times per week",
        "weekly", "every afternoon", "fortnightly",
    ]
    static let careFrequencies = ["once a month", "twice a week", "weekly", "every Saturday", "fortnightly"]
    /// Durations, each a number with a unit.
    static let amounts = ["20 minutes", "30 minutes", "15 minutes", "45 minutes", "1 hour", "ten minutes"]
    static let careAmounts = ["24 hours", "2 hours", "3 hours", "90 minutes", "4 hours"]

    /// Who delivers provision in F, as in running text.
    static let roles = [
        "a teaching assistant", "a learning support assistant", "the class teacher", "a specialist teacher",
        "the SENCo", "a speech and language therapist",
        "a teaching assistant trained by the speech and language therapist",
        "an occupational therapist", "the ELSA", "a key worker", "an educational psychologist",
    ]
    static let healthRoles = [
        "the occupational therapist", "a physiotherapist", "a speech and language therapist", "the school nurse",
    ]
    static let careRoles = ["support worker", "key worker"]

    /// Outcomes in E: a skill after "@ will" or "@ can" (no time frame, no service).
    static let skills = [
        "retell a familiar story in the right order using linking words",
        "read and understand a short text written for readers of @'s age",
        "ask an adult for help using a short spoken sentence",
        "name three feelings and say what helps with each of them",
        "write a paragraph of connected sentences with capital letters and full stops",
        "join a playground game with classmates and take turns without prompting",
        "move between classrooms using a visual timetable without adult help",
        "use a calming strategy when upset and return to learning", "recall number bonds to ten quickly and accurately",
        "dress independently for PE and organise the kit afterwards",
        "travel on the school bus with a friend instead of an adult", "say how @ is feeling using a feelings scale",
        "organise the equipment needed for the day from a checklist",
        "form all letters correctly and write legibly across a page",
        "follow a class instruction with three parts without it being repeated",
        "explain the meaning of new topic words in @'s own words", "plan a piece of writing using a simple frame",
        "make a purchase in a local shop using coins and check the change",
        "share an interest with a friend during a structured activity",
        "manage a change in routine with a visual warning and without distress",
    ]
    static let contexts = [
        "in class", "at home and at school", "at lunchtime", "in the playground", "in the community",
        "during group work", "in English and science",
    ]
    static let outcomeAreas = [
        "Communication and interaction", "Cognition and learning", "Social, emotional and mental health",
        "Sensory and physical", "Independence", "Preparing for adulthood",
    ]

    /// Paragraphs of A (views, interests and aspirations).
    static let views = [
        "@ enjoys building models and drawing maps of imaginary towns.",
        "@ says that the best part of the day is playing outside with friends.",
        "@'s parents would like @ to make a close friend and feel safe in class.",
        "@ communicates best with short sentences, pictures and time to think.",
        "@ would like to work with animals when grown up.",
        "@ likes music, swimming and looking after the family's rabbit.",
        "@ finds busy, noisy rooms hard and likes a quiet corner to recover.",
        "@'s views were gathered at home with a talking mat and drawings.",
    ]

    /// Paragraphs of B (needs), by area.
    static let needDescriptions = [
        "@ has a diagnosis of autism and finds unstructured times and changes of plan hard to manage.",
        "@'s expressive language is below that expected for @'s age, and sentences are short and simple.",
        "@ reads accurately at a level about two years below classmates and loses track of longer texts.",
        "@ becomes anxious when unsure what will happen next, which shows as refusal or leaving the room.",
        "@ has difficulty holding instructions in mind and needs information shown visually.",
        "@'s handwriting is slow and effortful, which limits how much @ can record in class.",
        "@ is sensitive to noise and touch and seeks movement when overwhelmed.",
        "@ has strengths in visual memory, drawing and building, and learns well through practical tasks.",
        "@ understands more than @ can say, and uses gesture to fill gaps in spoken language.",
        "@ finds it hard to notice how others feel and to repair disagreements with friends.",
    ]

    static let noHealthNeeds = "@ has no health needs related to special educational needs or disability."
    static let healthNeeds = [
        "@ has asthma and carries an inhaler; a care plan is kept by the school office.",
        "@ has low muscle tone and tires quickly during physical activity.",
        "@ has a diagnosis of hypermobility and finds writing for long periods painful.",
    ]
    static let noCareNeeds =
        "@ and the family have no social care needs related to special educational needs or disability."
    static let careNeeds = [
        "@'s family need a break, as @ sleeps little and needs supervision at night."
    ]
    static let budgets = [
        "No personal budget has been requested.",
        "A personal budget is agreed for short breaks, paid to @'s parents as a direct payment.",
    ]

    /// Advice listed in K: what it is and who gave it.
    static let advice = [
        ("Educational psychology advice", "Dr Robin Notreal, educational psychologist"),
        ("Speech and language therapy advice", "Sam Madeup, speech and language therapist"),
        ("Health advice", "Dr Jo Specimen, community paediatrician"),
        ("Social care advice", "Alex Fakeley, social worker"),
        ("Advice from the current setting", "the SENCo"),
        ("Parental advice", "@'s parents"),
        ("Occupational therapy advice", "Charlie Mockford, occupational therapist"),
        ("@'s own views", "gathered with a talking mat"),
    ]

    /// Sentences of at least 12 words placed in two items to make `repeated-text` findings.
    static let repeatedSentences = [
        "Adults will give @ extra thinking time and check understanding before expecting an answer.",
        "Instructions will be broken into short steps and shown with pictures as well as spoken words.",
        "All adults working with @ will know the agreed calming strategies and use the same words.",
        "Work will be presented on uncluttered pages with a larger font and clear spacing between lines.",
    ]
}
