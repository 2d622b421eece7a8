import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// Moran's I (`hotspot moran`): global I with E[I], variance, z and two-sided p under normality
/// and randomisation (Cliff & Ord; esda `Moran`), or with `local` one Iᵢ per feature in esda
/// `Moran_Local`'s form with its quadrant and conditional permutation p_sim.
public struct MoranRequest: Sendable {
  /// The features, their values and neighbours.
  public var features: FeatureSource
  /// One row per feature (local Moran) instead of the global statistic.
  public var local: Bool
  /// How the weights are scaled; nil: row-standardised, as esda.
  public var transform: SpatialWeights.Transform?
  /// Permutations for p_sim; nil: 999 with `local`, else 0.
  public var permutations: Int?
  /// The seed of the permutations.
  public var seed: UInt64

  /// A request with the command line's defaults for everything not given.
  public init(
    features: FeatureSource, local: Bool = false, transform: SpatialWeights.Transform? = nil, permutations: Int? = nil,
    seed: UInt64 = 1
  ) {
    self.features = features
    self.local = local
    self.transform = transform
    self.permutations = permutations
    self.seed = seed
  }

  /// The permutations run: as given, else 999 with `local`, else 0.
  public var permutationCount: Int { permutations ?? (local ? 999 : 0) }

  /// Checks the options, without reading anything.
  /// - Throws: `RequestError` (`local` without permutations; see `FeatureSource.validate`).
  public func validate() throws(RequestError) {
    if local && permutationCount == 0 {
      throw RequestError("'--local' needs '--permutations' of at least 1: p_sim is its only inference.")
    }
    try features.validate()
  }

  /// Reads the features and computes Moran's I.
  /// - Throws: `RequestError`, `InputError` (also with fewer than 4 features).
  public func run(progress: (String) -> Void = { _ in }) throws -> MoranResult {
    try validate()
    let transform = self.transform ?? .row
    let permutations = permutationCount
    let loaded = try features.load(transform: transform)
    guard loaded.values.count >= 4 else {
      throw InputError(
        file: loaded.inputs.first ?? "",
        reason: .other("Moran's I needs at least 4 features (found \(loaded.values.count))"))
    }
    var choices = loaded.choices
    choices.append(("transform", .string(transform.rawValue)))
    choices.append(("permutations", .number(Double(permutations))))
    if permutations > 0 {
      choices.append(("seed", .number(Double(seed))))
    }
    if local {
      let result = LocalMoransI.compute(
        values: loaded.values, weights: loaded.weights, permutations: permutations, seed: seed)
      choices.append(("statistic", "local Moran, esda Moran_Local form: (n − 1) z_i Σ w_ij z_j / Σ z²"))
      choices.append(("p_sim", "conditional permutation, two-sided about the permutation mean, (M + 1)/(R + 1)"))
      return MoranResult(features: loaded, global: nil, local: result, summary: choices)
    }
    let m = MoransI.compute(values: loaded.values, weights: loaded.weights, permutations: permutations, seed: seed)
    choices.append(("statistic", "global Moran's I; p two-sided normal under normality and randomisation"))
    if m.pSim != nil { choices.append(("p_sim", "full permutations, two-sided about E[I], (M + 1)/(R + 1)")) }
    return MoranResult(features: loaded, global: m, local: nil, summary: choices)
  }
}
