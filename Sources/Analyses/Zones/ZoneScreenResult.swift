import GeoIO
import Rendering
import SpatialAnalysis

/// What a `ZoneScreenRequest` found: each candidate's value of each criterion (per year for rate
/// criteria), whether it passes, and its status (qualifies, near miss, or neither).
public struct ZoneScreenResult: Sendable {
  /// The candidate areas, in file order.
  public let layer: AreaLayer
  /// The criteria, in the file's order.
  public let criteria: [DesignationCriterion]
  /// The values: `[criterion][area][year]` (one value for an indicator; nil where missing).
  public let values: [[[Double?]]]
  /// What each criterion's values cover: the 12-month periods, or the indicator's name.
  public let evidenceHeads: [String]
  /// Whether each area passes each criterion: `[area][criterion]`.
  public let passes: [[Bool]]
  /// Warnings, in the order found (reading, the population join).
  public let warnings: [String]
  /// The input files, for provenance: candidates, incident files, population, criteria, indicators.
  public let inputs: [String]

  /// Each area's status: qualifies (meets every criterion), near miss (fails exactly one), or neither.
  public var statuses: [DesignationScreen.Status] { passes.map(DesignationScreen.status) }

  /// How many candidates qualify.
  public var qualifying: Int { statuses.filter { $0 == .qualifies }.count }

  /// How many candidates are near misses.
  public var nearMisses: Int { statuses.filter { $0 == .nearMiss }.count }

  /// Every value the run chose, for provenance.
  public var choices: [(String, JSONValue)] {
    [
      ("working_crs", .string(layer.working.identifier)),
      ("years_rule", "the 12-month periods ending with the latest month in the data"),
      ("near_miss", "fails exactly one criterion"),
    ]
  }
}
