import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// Gi* of every feature, with the features and every value chosen.
public struct GistarResult: Sendable {
  /// The features analysed, their values and weights (without self).
  public let features: AnalysisFeatures
  /// z, p, and p_sim when permutations were run, per feature.
  public let statistic: GetisOrdGiStar.Result
  /// The class of each feature, −3…3 (ArcGIS Gi_Bin), corrected for the false discovery rate when asked.
  public let classes: [Int]
  /// Every value chosen, in the order the provenance file records them.
  public let choices: [(String, JSONValue)]
  /// With a baseline period: each cell's count in both periods, the change and its p.
  public let change: CellChange?

  /// Warnings, in the order the command line prints them.
  public var warnings: [String] { features.warnings }
  /// The input files, for provenance.
  public var inputs: [String] { features.inputs }

  /// How many features are in each class: hot spots at 99, 95 and 90 % (`hot[2]` is 99 %).
  public var hot: [Int] { (1...3).map { level in classes.filter { $0 == level }.count } }
  /// How many features are in each cold class (`cold[2]` is 99 %).
  public var cold: [Int] { (1...3).map { level in classes.filter { $0 == -level }.count } }
}
