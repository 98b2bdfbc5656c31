/// The closing line of a run, in words.
enum Summary {
    static func records(_ counts: (scored: Int, refused: Int, unreadable: Int), verb: String = "scored") -> String {
        var text = "\(counts.scored) \(counts.scored == 1 ? "record" : "records") \(verb), \(counts.refused) refused"
        if counts.unreadable > 0 {
            text += ", \(counts.unreadable) \(counts.unreadable == 1 ? "file" : "files") could not be read"
        }
        return text + "."
    }
}
