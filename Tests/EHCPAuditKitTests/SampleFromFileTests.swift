import EHCPAuditTestSupport
import Foundation
import Testing

/// `SampleDraw.draw(populationPath:)` reads the file on one thread and ranks on another:
/// it must give exactly what reading the whole file and then drawing gives, errors too.
struct SampleFromFileTests {
    /// The sample, or the error's description, of both ways of drawing.
    private func both(_ path: String, _ parameters: SampleParameters) -> (ahead: String, inPlace: String) {
        func outcome(_ draw: () throws -> Sample) -> String {
            do { return "\(try draw())" } catch let error as PopulationCSVError {
                return error.diagnostics.map(\.description).joined(separator: "\n")
            } catch { return "\(error)" }
        }
        return (
            outcome { try SampleDraw.draw(populationPath: path, parameters: parameters) },
            outcome { try SampleDraw.draw(PopulationCSV.read(path: path), parameters: parameters) }
        )
    }

    private func csv(_ plans: [PopulationPlan], extra: String = "") throws -> String {
        var text = ""
        PopulationCSV.write(plans) { text += $0 + "\n" }
        return try temporaryFile("population.csv", text + extra)
    }

    static let population = SyntheticPopulation(count: 3_000, seed: "frame", asOf: CalendarDate("2025-06-01")!).plans

    @Test(arguments: [
        ("2025-07", "board", 0.05, "locality,phase", 12),
        ("2025-07", "board", 0.6, "primary_need", 12),
        ("2025-03", "zoë", 0.05, "team,caseworker", 0),
    ])
    func givesTheSampleOfTheWholeFile(_ inputs: (String, String, Double, String, Int)) throws {
        let (month, seed, rate, keys, back) = inputs
        let parameters = try SampleParameters(
            month: YearMonth(month)!, seed: seed, rate: rate, strata: StratumKey.list(keys).get(), lookback: back)
        for path in [Project.path("samples/population-2025-06.csv"), try csv(Self.population)] {
            let (ahead, inPlace) = both(path, parameters)
            #expect(ahead == inPlace)
            #expect(ahead.contains("selected"))
        }
    }

    @Test func givesTheErrorsOfTheWholeFile() throws {
        let parameters = try SampleParameters(month: YearMonth("2025-07")!, seed: "board")
        let plans = Array(Self.population.prefix(1_000))
        let broken = [
            try csv(plans + [plans[700]]),
            try csv(plans, extra: "P-BAD,North,primary,ASD,North-1,cw-1,2024-02-30,\n"),
            try csv(plans, extra: "\"P-OPEN,North\n"),
            "/no/such/population.csv",
        ]
        for path in broken {
            let (ahead, inPlace) = both(path, parameters)
            #expect(ahead == inPlace)
            #expect(!ahead.contains("selected"), "\(path) should be refused")
        }
    }
}
