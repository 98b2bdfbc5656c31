/// A field of a CSV file written as RFC 4180 has it: as it is, or between double quotes,
/// each quote in it doubled, when it holds a comma, a quote or a line break. The population
/// file's reader (``PopulationCSV``) reads such a field back as the same text.
///
/// ```swift
/// CSVField.encoded("North-1")          // North-1
/// CSVField.encoded("North, \"A\"")     // "North, ""A"""
/// ```
public enum CSVField {
    public static func encoded(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        var quoted = "\""
        for character in text {
            if character == "\"" { quoted += "\"\"" } else { quoted.append(character) }
        }
        return quoted + "\""
    }
}
