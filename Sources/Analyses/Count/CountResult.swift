import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// What a `CountRequest` found: the counts per area (and in the baseline period), the populations
/// and groups joined to the areas, the read accounting, the warnings and the values chosen.
/// `Reports` makes its tables (text, CSV, Markdown, JSON, GeoJSON).
public struct CountResult: Sendable {
  /// The areas, in file order, in the working CRS.
  public let layer: AreaLayer
  /// Incidents of the period (and categories) per area, with the outside/near/snapped accounting.
  public let tally: AreaTally
  /// Incidents of the baseline period per area, when one was asked for.
  public let baseline: AreaTally?
  /// The period counted, if any.
  public let period: Period?
  /// The baseline period, if any.
  public let baselinePeriod: Period?
  /// Population per area (nil where unknown), when a population was given.
  public let population: [Double?]?
  /// Rates are per this many people.
  public let per: Double
  /// The group of each area (nil where none), when a roll-up was asked for.
  public let groups: [String?]?
  /// What the incident reader read, skipped and decided.
  public let report: IncidentReadReport
  /// How many incidents the period and category filter kept, and why the others were removed.
  public let filtered: IncidentFilter.Outcome
  /// What the same filter made of the rows without a location (`kept`: those of the period and
  /// categories counted, the rest filtered out).
  public let withoutLocation: IncidentFilter.Outcome
  /// Counts from 1 to below this are published as `<n` (areas and groups, baseline and breakdown
  /// columns too), with the cells `disclosure` hides to protect them as `[c]`.
  public let suppressBelow: Double?
  /// Which counts are published under `suppressBelow` (nil: all): small ones and those hidden
  /// so the small ones cannot be worked out from a total.
  public let disclosure: CountDisclosure?
  /// Whether the areas were taken as overlapping (a point counts in each area containing it).
  public let overlapping: Bool
  /// The snap distance in metres, if any.
  public let snap: Double?
  /// The incidents the filter kept, in the working CRS, when the request `keepsIncidents`
  /// (nil when it did not, or when no incident was read).
  public let incidents: IncidentTable?
  /// The input files, for provenance: areas, incident files (folders expanded), population, lookup.
  public let inputs: [String]
  /// Warnings of reading and joining, in the order found.
  let readingWarnings: [String]

  init(
    layer: AreaLayer, tally: AreaTally, baseline: AreaTally?, period: Period?, baselinePeriod: Period?,
    population: [Double?]?, per: Double, groups: [String?]?, report: IncidentReadReport,
    filtered: IncidentFilter.Outcome, withoutLocation: IncidentFilter.Outcome, suppressBelow: Double?,
    overlapping: Bool, snap: Double?,
    incidents: IncidentTable?, inputs: [String], readingWarnings: [String]
  ) {
    self.layer = layer
    self.tally = tally
    self.baseline = baseline
    self.period = period
    self.baselinePeriod = baselinePeriod
    self.population = population
    self.per = per
    self.groups = groups
    self.report = report
    self.filtered = filtered
    self.withoutLocation = withoutLocation
    self.suppressBelow = suppressBelow
    self.disclosure = DisclosureRule.below(suppressBelow).map { rule in
      CountDisclosure(
        rule: rule, ids: layer.ids, counts: tally.counts, baseline: baseline?.counts,
        columns: tally.columns.map(\.counts), groups: groups)
    }
    self.overlapping = overlapping
    self.snap = snap
    self.incidents = incidents
    self.inputs = inputs
    self.readingWarnings = readingWarnings
  }

  /// True when a baseline is compared and the two periods differ in length: the change is then
  /// in incidents per month (`PeriodChange`).
  public var comparesPerMonth: Bool {
    guard baseline != nil, let period, let baselinePeriod else { return false }
    return !period.hasSameLength(as: baselinePeriod)
  }

  /// The change of every counted incident from the baseline's; nil without a baseline.
  public var totalChange: PeriodChange? {
    guard let baseline, let period, let baselinePeriod else { return nil }
    return PeriodChange(current: tally.counted, in: period, baseline: baseline.counted, in: baselinePeriod)
  }

  /// The `group_id` of the group table's last row, which sums the areas that have no group.
  public static let ungroupedLabel = "ungrouped"

  /// `rate_per_1000` or `rate_per_10000`: the name of the rate column.
  public var rateColumn: String { "rate_per_" + NumberText.shortest(per) }

  /// Every warning, in the order the command line prints them: reading problems, the population
  /// and group joins, then areas without a usable population.
  public var warnings: [String] { readingWarnings + populationWarnings + disclosureWarnings }

  /// Small counts that `--suppress-below` could not keep from being worked out (none unless a
  /// sum the run publishes is itself small).
  private var disclosureWarnings: [String] {
    guard let disclosure else { return [] }
    if disclosure.rule.withholdsZeros && disclosure.unprotected.isEmpty {
      return [
        "the counts under \(NumberText.shortest(disclosure.rule.threshold)) could not be protected with zeros shown (too few incidents for the areas holding them): zeros are withheld too, so \(disclosure.rule.smallText) means 0 to \(disclosure.rule.largestSmall) in this run"
      ]
    }
    guard !disclosure.unprotected.isEmpty else { return [] }
    return [
      "\(disclosure.unprotected.count) counts under \(NumberText.shortest(disclosure.rule.threshold)) can still be worked out from the totals published with them: "
        + disclosure.unprotected.prefix(5).joined(separator: ", ") + (disclosure.unprotected.count > 5 ? ", …" : "")
    ]
  }

  /// Areas with no usable population (missing or zero), whose rate is left empty.
  private var populationWarnings: [String] {
    guard let population else { return [] }
    let missing = layer.ids.indices.filter { Rates.perPopulation(0, population: population[$0]) == nil }
    guard !missing.isEmpty else { return [] }
    return [
      "\(missing.count) areas have no usable population (missing or zero), so their rate is left empty: "
        + missing.prefix(5).map { layer.ids[$0] }.joined(separator: ", ") + (missing.count > 5 ? ", …" : "")
    ]
  }

  /// The accounting of the run, one fact per line: label, JSON key, number and note. Every figure
  /// is after the period and category filter (rows without a location too, by the date and
  /// category on the row), except the skipped rows, which cannot be filtered. The counted,
  /// outside, without-location, skipped and filtered-out rows add up to the rows read (in a
  /// partition, where snapped incidents are among the counted).
  public var summaryFacts: [(label: String, key: String, value: Int, note: String)] {
    let skipped = report.skippedByReason.map { "\($0.count) \($0.reason)" }.joined(separator: "; ")
    var facts: [(String, String, Int, String)] = [
      ("rows", "rows", report.dataRows, "in \(Format.plural(report.files.count, "file"))"),
      (
        "counted", "counted", tally.counted,
        tally.overlapping ? "memberships in \(layer.count) overlapping areas" : "in \(layer.count) areas"
      ),
      (
        "outside all areas", "outside", tally.outside,
        tally.nearBoundary > 0
          ? "\(tally.nearBoundary) within 25 m of a boundary"
            + (tally.snapDistance == nil ? "; --snap 25m gives them to the nearest area" : "")
          : ""
      ),
      (
        "without location", "without_location", withoutLocation.kept,
        withoutLocation.removed > 0 ? "of \(Format.count(report.rowsWithoutLocation)) read" : ""
      ),
      ("skipped rows", "skipped", report.skippedRows, skipped),
    ]
    if tally.snapped > 0 {
      facts.append(
        (
          "snapped", "snapped", tally.snapped,
          "given to the nearest area within \(NumberText.shortest(tally.snapDistance ?? 0)) m"
        ))
    }
    if !tally.overlapping {
      facts.append(
        (
          "in two areas", "overlaps", tally.overlaps,
          tally.overlaps > 0 ? "counted once, in the first in file order" : ""
        ))
    }
    var filtered = filtered
    filtered.add(withoutLocation)
    if filtered.removed > 0 {
      var parts: [String] = []
      if let period { parts.append("\(Format.count(filtered.outsidePeriod)) outside \(period)") }
      if filtered.straddlingMonths > 0 {
        parts.append("\(Format.count(filtered.straddlingMonths)) in months straddling its ends")
      }
      if filtered.noDate > 0 { parts.append("\(Format.count(filtered.noDate)) without a date") }
      if filtered.otherCategory > 0 { parts.append("\(Format.count(filtered.otherCategory)) of other categories") }
      facts.append(("filtered out", "filtered_out", filtered.removed, parts.joined(separator: "; ")))
    }
    if report.undatedRows > 0 {
      let example = report.firstUndated.map { first in
        "first at line \(first.line ?? 0): '\(Self.fieldText(first))'; counted, as no period needs the date"
      }
      facts.append(("undated", "undated", report.undatedRows, example ?? "counted, as no period needs the date"))
    }
    if let baseline, let baselinePeriod {
      facts.append(("baseline", "baseline_counted", baseline.counted, "counted in \(baselinePeriod)"))
    }
    return facts
  }

  /// The value of a bad date.
  static func fieldText(_ error: InputError) -> String {
    if case .badDate(let text) = error.reason { return text }
    return ""
  }

  /// The summary facts as a JSON object of key → number.
  public var summaryJSON: JSONValue {
    .object(summaryFacts.map { ($0.key, .number(Double($0.value))) })
  }

  /// Every value the run chose or read, for provenance and the report's methods section.
  public var choices: [(String, JSONValue)] {
    [
      ("areas_crs", .string(layer.source.crsDecision.crs.identifier)),
      ("areas_crs_rule", .string(layer.source.crsDecision.rule.description)),
      ("incidents_crs", .string(report.crsDecision.crs.identifier)),
      ("incidents_crs_rule", .string(report.crsDecision.rule.description)),
      ("working_crs", .string(layer.working.identifier)),
      ("id_field", .string(layer.idField)),
      ("name_field", .string(layer.nameField)),
      ("coordinate_columns", .string(report.mapping.reason)),
      ("edge_rule", "half-open crossing: east of vertical edges, north of horizontal ones"),
      ("layer", .string(overlapping ? "overlapping" : "partition")),
      ("near_boundary_m", 25),
      ("snap_m", snap.map(JSONValue.number) ?? .null),
      ("summary", summaryJSON),
    ]
  }
}
