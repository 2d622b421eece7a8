import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// The category, trend and space-time Gi* of every location, with the cube and every value chosen.
public struct EmergingResult: Sendable {
  /// The locations (areas or cells), their total counts and their spatial neighbours (without self).
  public let features: AnalysisFeatures
  /// How months were grouped into steps.
  public let step: EmergingStep
  /// Incidents per location and step (locations in `features` order, steps oldest first).
  public let cube: SpaceTimeCube
  /// The calendar months (`IncidentDate.monthIndex`) each step covers.
  public let stepMonths: [ClosedRange<Int>]
  /// z, p, pseudo p, trend and category of every bin and location.
  public let statistics: EmergingStatistics
  /// Dated incidents in no area or analysed cell.
  public let incidentsOutside: Int
  /// Incidents without a date (in no step).
  public let undated: Int
  /// What the incident reader read, skipped and decided.
  public let readReport: IncidentReadReport
  /// How many incidents the period and category filter kept, and why the others were removed.
  public let filtered: IncidentFilter.Outcome
  /// Every value chosen, in the order the provenance file records them.
  public let choices: [(String, JSONValue)]
  /// Warnings, in the order the command line prints them.
  public let warnings: [String]

  /// The input files, for provenance.
  public var inputs: [String] { features.inputs }
  /// The number of locations.
  public var locationCount: Int { cube.locationCount }
  /// The category of location `i`.
  public func category(_ i: Int) -> EmergingHotSpotClass { statistics.locations[i].category }
  /// The Mann–Kendall trend of location `i`'s z series.
  public func trend(_ i: Int) -> MannKendall { statistics.locations[i].trend }
  /// z of location `i` at the final step.
  public func lastZ(_ i: Int) -> Double { statistics.z(i, cube.stepCount - 1) }
  /// The p (pseudo p with permutations) of location `i` at the final step.
  public func lastP(_ i: Int) -> Double { statistics.p(i, cube.stepCount - 1) }
  /// How many locations are in each category, every category in `EmergingHotSpotClass.allCases` order.
  public var categoryCounts: [(category: EmergingHotSpotClass, count: Int)] { statistics.categoryCounts }
}
