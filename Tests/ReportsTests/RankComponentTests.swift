import Analyses
import Foundation
import GeoCore
import Rendering
import Reports
import SpatialAnalysis
import TestSupport
import Testing

/// The rank components are declared once (`RankComponent`); the table, the JSON summary and `why`
/// must all say what the declarations say, for every area of a run on the sample county.
@Suite("Rank components: one definition behind the columns, the summary and why")
struct RankComponentTests {
  /// The demo's rank step (population field, two indicators), every area listed.
  static func sampleRun() throws -> RankResult {
    try RankRequest(
      areasFile: TestData.geoData("divisions.geojson").path,
      incidents: IncidentSource(files: [TestData.geoData("incidents-police.csv").path]), populationField: "population",
      indicatorsFile: TestData.geoData("indicators.csv").path,
      indicators: [
        .init(name: "deprivation_score", direction: .higher), .init(name: "private_rented_pct", direction: .higher),
      ],
      resamples: 9
    ).run()
  }

  /// The captures of `pattern` matched against the whole of `text`, nil when it does not match.
  static func captures(_ pattern: String, _ text: String) throws -> [String]? {
    guard let match = try Regex(pattern).wholeMatch(in: text) else { return nil }
    return (1..<match.output.count).map { match.output[$0].substring.map(String.init) ?? "" }
  }

  @Test("every why phrase of every area, read back, gives its component's raw value and percentile")
  func whyReadsBack() throws {
    let result = try Self.sampleRun()
    let score = result.score
    let key = Dictionary(uniqueKeysWithValues: score.kept.enumerated().map { ($1.key, $0) })
    var phrasesRead = 0
    var hotspotPhrases = 0
    for area in result.layer.ids.indices {
      let why = result.why(area)
      #expect(!why.contains("Gi*"))
      let percentile = { (c: Int) -> Double in
        RiskScore.percentiles(score.kept[c].values, direction: score.kept[c].direction)[area] ?? 50
      }
      if why == "no component above the median" {
        #expect(score.kept.indices.allSatisfy { score.kept[$0].values[area] == nil || percentile($0) < 50 })
        continue
      }
      let phrases = why.components(separatedBy: " and ")
      #expect((1...2).contains(phrases.count), "\(why)")
      for phrase in phrases {
        phrasesRead += 1
        // Which component, its raw value as the phrase gives it (checked here), and the percentile it gives.
        let c: Int
        let givenPercentile: String
        if let m = try Self.captures(
          #"(high|low) rate \(([0-9.]+) per 1,000, (\d+)(?:st|nd|rd|th) percentile\)"#, phrase)
        {
          c = try #require(key["rate"])
          let raw = try #require(score.kept[c].values[area])
          #expect(abs(Double(m[1])! - raw) <= 0.05 + 1e-9, "\(phrase)")
          givenPercentile = m[2]
        } else if let m = try Self.captures(
          #"(high|low) harm-weighted count \(([0-9.e+-]+), (\d+)(?:st|nd|rd|th) percentile\)"#, phrase)
        {
          c = try #require(key["harm"])
          let raw = try #require(score.kept[c].values[area])
          #expect(abs(Double(m[1])! - raw) <= max(1e-9, abs(raw) * 1e-5), "\(phrase)")
          givenPercentile = m[2]
        } else if let m = try Self.captures(
          #"(rising|not rising) \(×([0-9.]+) in the last 3 months, (\d+)(?:st|nd|rd|th) percentile\)"#, phrase)
        {
          c = try #require(key["trend"])
          let raw = try #require(score.kept[c].values[area])
          #expect(abs(Double(m[1])! - raw) <= 0.005 + 1e-9, "\(phrase)")
          #expect((m[0] == "rising") == (raw > 1), "\(phrase)")
          givenPercentile = m[2]
        } else if let m = try Self.captures(
          #"(persistent|seldom in the top fifth) \(in the top fifth (\d+) of (\d+) months, (\d+)(?:st|nd|rd|th) percentile\)"#,
          phrase)
        {
          c = try #require(key["persistence"])
          let raw = try #require(score.kept[c].values[area])
          #expect(Int(m[1]) == result.observed.persistenceMonths[area] && Int(m[2]) == result.counts.monthCount)
          #expect(abs(Double(m[1])! / Double(m[2])! - raw) < 1e-12, "\(phrase)")
          givenPercentile = m[3]
        } else if let m = try Self.captures(
          #"(<1|\d+) % of its area in the county's densest 5 % \((\d+)(?:st|nd|rd|th) percentile\)"#, phrase)
        {
          c = try #require(key["hotspot"])
          hotspotPhrases += 1
          let raw = try #require(score.kept[c].values[area])
          if m[0] == "<1" {
            #expect(raw > 0 && raw < 0.005, "\(phrase)")
          } else {
            #expect(Int(m[0]) == Int((raw * 100).rounded()), "\(phrase)")
          }
          givenPercentile = m[1]
        } else if let m = try Self.captures(
          #"(high|low) ([a-z_]+) \(([0-9.e+-]+), (\d+)(?:st|nd|rd|th) percentile of risk\)"#, phrase)
        {
          c = try #require(key[m[1]])
          let raw = try #require(score.kept[c].values[area])
          #expect(abs(Double(m[2])! - raw) <= max(1e-9, abs(raw) * 1e-5), "\(phrase)")
          givenPercentile = m[3]
        } else if let m = try Self.captures(#"([a-z_]+) \(no value: median\)"#, phrase) {
          c = try #require(key[m[0]])
          #expect(score.kept[c].values[area] == nil)
          continue
        } else {
          Issue.record("a why phrase no component declares: \(phrase)")
          continue
        }
        #expect(Int(givenPercentile) == Int(percentile(c).rounded()), "\(phrase)")
        #expect(percentile(c) >= 50, "a reason pushes the area up: \(phrase)")
      }
    }
    #expect(phrasesRead > result.layer.count)
    #expect(hotspotPhrases > 0)
  }

  @Test("the JSON summary's definitions and the table's raw columns are the declarations'")
  func definitions() throws {
    let result = try Self.sampleRun()
    let summary = Dictionary(result.summaryChoices, uniquingKeysWith: { first, _ in first })
    for declaration in RankComponent.counted {
      guard case .string(let text)? = summary[declaration.key] else {
        Issue.record("no definition of \(declaration.key) in the summary")
        continue
      }
      #expect(text == declaration.definition)
    }
    #expect(!RankComponent.hotspot.definition.contains("Gi*"))
    guard case .object(let top)? = Optional(result.json), case .object(let jsonSummary)? = top.first?.1 else {
      Issue.record("the JSON has no summary object first")
      return
    }
    #expect(jsonSummary.map(\.0) == result.summaryChoices.map(\.0))
    let names = result.table.columns.map(\.name)
    for component in result.score.kept {
      let declaration = try #require(result.declaration(component.key))
      #expect(names.contains(declaration.column))
      #expect(RankResult.rawColumn(component.key) == declaration.column)
    }
  }

  @Test("the hotspot column holds each area's share of the densest 5 %, the percentile and score use the same numbers")
  func hotspotColumn() throws {
    let result = try Self.sampleRun()
    let c = try #require(result.score.kept.firstIndex { $0.key == "hotspot" })
    let shares = result.score.kept[c].values
    let table = result.table
    let column = try #require(table.columns.firstIndex { $0.name == "hotspot" })
    let pctColumn = try #require(table.columns.firstIndex { $0.name == "hotspot_pct" })
    let idColumn = try #require(table.columns.firstIndex { $0.name == "area_id" })
    var nonZero = 0
    for row in table.rows {
      let area = try #require(result.layer.ids.firstIndex(of: row[idColumn].plainText))
      let share = try #require(shares[area])
      #expect((0...1).contains(share))
      #expect(row[column].plainText == NumberText.fixed(share, digits: 3), "the raw column is the share, not a class")
      #expect(row[pctColumn].plainText == NumberText.fixed(result.score.normalised[c][area], digits: 1))
      if share > 0 { nonZero += 1 }
    }
    // Not the reported symptom (all 0): some areas hold part of the densest 5 %, and not all of it.
    #expect(nonZero > 0 && nonZero < table.rows.count)
    // The percentile follows the share: a larger share never has a lower percentile.
    for a in shares.indices {
      for b in shares.indices {
        if let sa = shares[a], let sb = shares[b], sa < sb {
          #expect(result.score.normalised[c][a] < result.score.normalised[c][b])
        }
      }
    }
  }
}
