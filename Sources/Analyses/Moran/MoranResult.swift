import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// Moran's I of the features: the global statistic, or local Moran per feature.
public struct MoranResult: Sendable {
  /// The features analysed, their values and (transformed) weights.
  public let features: AnalysisFeatures
  /// The global statistic, unless the request was local.
  public let global: MoransI?
  /// Local Moran per feature, when the request was local.
  public let local: LocalMoransI?
  /// The values chosen, without the global numbers (the `summary` object of the JSON output).
  public let summary: [(String, JSONValue)]

  /// Warnings, in the order the command line prints them.
  public var warnings: [String] { features.warnings }
  /// The input files, for provenance.
  public var inputs: [String] { features.inputs }

  /// The global numbers by name, in output order: I, EI, VI_norm, z_norm, p_norm, VI_rand, z_rand,
  /// p_rand, p_sim (with permutations), n. Empty for a local result.
  public var numbers: [(String, Double)] {
    guard let m = global else { return [] }
    var numbers: [(String, Double)] = [
      ("I", m.i), ("EI", m.expected), ("VI_norm", m.varianceNormal), ("z_norm", m.zNormal), ("p_norm", m.pNormal),
      ("VI_rand", m.varianceRandom), ("z_rand", m.zRandom), ("p_rand", m.pRandom),
    ]
    if let pSim = m.pSim { numbers.append(("p_sim", pSim)) }
    numbers.append(("n", Double(m.n)))
    return numbers
  }

  /// Every value chosen, for the provenance file: `summary`, then for a global result the numbers as `result`.
  public var choices: [(String, JSONValue)] {
    guard global != nil else { return summary }
    return summary + [("result", .object(numbers.map { ($0.0, JSONValue.number($0.1)) }))]
  }
}
