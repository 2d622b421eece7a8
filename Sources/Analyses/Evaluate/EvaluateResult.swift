import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// What an `evaluate` run found: incidents per group (target, buffer ring, comparison) before and
/// after an intervention, the relative change against the comparison (Farrington et al. 2007),
/// the Weighted Displacement Quotient (Bowers & Johnson 2003), and every value chosen.
public struct EvaluateResult: Sendable {
  /// The groups' areas in m² (the buffer's nil without a ring) and the lattice spacing used.
  public struct Areas: Sendable {
    /// The target's polygons, planar area in m².
    public var target: Double
    /// The buffer ring's area in m², estimated on the lattice; nil without a ring.
    public var buffer: Double?
    /// The comparison's area (less target and buffer) in m², estimated on the lattice.
    public var comparison: Double
    /// The lattice spacing in metres.
    public var spacing: Double
  }

  /// Incidents per group and period (0: before, 1: after).
  public let tally: InterventionAreas.Tally
  /// The period before the intervention.
  public let before: Period
  /// The period after it.
  public let after: Period
  /// The buffer ring's width in metres; nil without a ring.
  public let buffer: Double?
  /// The groups' areas.
  public let areas: Areas
  /// The target in words: `3 areas of zones.geojson` or `Haverley Terraces (zones.geojson)`.
  public let targetDescription: String
  /// The comparison in words.
  public let comparisonDescription: String
  /// What the incident reader read, skipped and decided.
  public let report: IncidentReadReport
  /// How many incidents the period and category filters kept and removed: before, after.
  public let filtered: [IncidentFilter.Outcome]
  /// The warnings about the inputs, before those about the numbers.
  let inputWarnings: [String]
  /// The choices before the headline numbers.
  let methodChoices: [(String, JSONValue)]
  /// The input files, for provenance: the target's, the comparison's, the incidents'.
  public let inputs: [String]

  /// Whether there is a buffer ring.
  public var hasBuffer: Bool { buffer != nil }

  /// Warnings in the order the command line prints them: the inputs' (reader problems, months
  /// without data, straddling months, overlapping comparison), then the numbers'.
  public var warnings: [String] { inputWarnings + numberWarnings }

  /// Every value chosen, then the headline numbers, for the provenance file and the JSON summary.
  public var choices: [(String, JSONValue)] { methodChoices + summaryJSON }

  /// The rows in order: target, comparison, then buffer when there is a ring.
  public var groups: [InterventionAreas.Group] {
    hasBuffer ? [.target, .comparison, .buffer] : [.target, .comparison]
  }

  /// Incidents of `group` in `period` (0: before, 1: after).
  public func count(_ group: InterventionAreas.Group, _ period: Int) -> Int { tally.count(group, period: period) }

  /// Target against comparison.
  public var targetChange: RelativeChange? { relative(.target) }
  /// Buffer against comparison (above 1: the buffer rose relative to the comparison).
  public var bufferChange: RelativeChange? { hasBuffer ? relative(.buffer) : nil }

  /// `group` against the comparison; nil when a group has no incident in either period.
  public func relative(_ group: InterventionAreas.Group) -> RelativeChange? {
    RelativeChange(
      targetBefore: count(group, 0), targetAfter: count(group, 1), comparisonBefore: count(.comparison, 0),
      comparisonAfter: count(.comparison, 1))
  }

  /// The Weighted Displacement Quotient and its reading (with a buffer ring).
  public var displacement: DisplacementQuotient? {
    guard hasBuffer else { return nil }
    return DisplacementQuotient(
      targetBefore: count(.target, 0), targetAfter: count(.target, 1), bufferBefore: count(.buffer, 0),
      bufferAfter: count(.buffer, 1), comparisonBefore: count(.comparison, 0), comparisonAfter: count(.comparison, 1))
  }

  /// Incidents per month in a period.
  public func perMonth(_ group: InterventionAreas.Group, _ period: Int) -> Double {
    Double(count(group, period)) / (period == 0 ? before : after).months
  }

  /// Change of the monthly rate in percent; nil when the rate before is 0.
  public func changePercent(_ group: InterventionAreas.Group) -> Double? {
    count(group, 0) == 0 ? nil : 100 * (perMonth(group, 1) / perMonth(group, 0) - 1)
  }

  /// The exact conditional test of the group's before and after counts (exposures in months, as
  /// the rates; see `PeriodChange`).
  public func pChange(_ group: InterventionAreas.Group) -> Double {
    PeriodChange(current: count(group, 1), in: after, baseline: count(group, 0), in: before).p
  }

  /// The group's area in m² (nil for the buffer without a ring, and outside).
  public func area(_ group: InterventionAreas.Group) -> Double? {
    switch group {
    case .target: areas.target
    case .buffer: areas.buffer
    case .comparison: areas.comparison
    case .outside: nil
    }
  }

  /// Warnings about the numbers themselves.
  var numberWarnings: [String] {
    var notes: [String] = []
    for group in groups where count(group, 0) + count(group, 1) == 0 {
      notes.append("the \(group.name) has no incident in either period: its change against the comparison is undefined")
    }
    for (group, change) in [(InterventionAreas.Group.target, targetChange), (.buffer, bufferChange)] {
      if let change, change.continuityCorrection > 0 {
        notes.append(
          "a count of the \(group.name) or comparison is 0: 0.5 was added to each of its four counts for the ratio and its interval"
        )
      }
    }
    return notes
  }

  // MARK: - Summary

  /// The headline numbers for JSON and provenance.
  public var summaryJSON: [(String, JSONValue)] {
    var members: [(String, JSONValue)] = []
    func describe(_ change: RelativeChange?) -> JSONValue {
      guard let change else { return .null }
      return .object([
        ("ratio", .number(change.ratio)), ("ci_low", .number(change.lower)), ("ci_high", .number(change.upper)),
        ("p", .number(change.p)), ("net_change_pct", .number(change.netChangePercent)),
        ("net_change_ci_low_pct", .number(change.netChangeLowerPercent)),
        ("net_change_ci_high_pct", .number(change.netChangeUpperPercent)),
        ("relative_effect_size", .number(change.relativeEffectSize)),
        ("continuity_correction", .number(change.continuityCorrection)),
      ])
    }
    members.append(("target_vs_comparison", describe(targetChange)))
    if hasBuffer { members.append(("buffer_vs_comparison", describe(bufferChange))) }
    if let displacement {
      members.append(
        (
          "displacement",
          .object([
            ("success_measure", displacement.successMeasure.map(JSONValue.number) ?? .null),
            ("buffer_measure", displacement.bufferMeasure.map(JSONValue.number) ?? .null),
            ("wdq", displacement.quotient.map(JSONValue.number) ?? .null),
            ("reading", .string(displacement.reading.rawValue)),
            ("total_net_effect", displacement.totalNetEffect.map(JSONValue.number) ?? .null),
          ])
        ))
    }
    return members
  }

}
