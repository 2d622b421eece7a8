import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// Getis-Ord Gi* hot and cold spots (`hotspot gistar`; Ord & Getis 1995, esda
/// `G_Local(star=True)`, ArcGIS Hot Spot Analysis) over areas, cells or points: z, two-sided
/// normal p and the ArcGIS Gi_Bin classes (±3/±2/±1 at 99/95/90 %).
public struct GistarRequest: Sendable {
  /// The features, their values and neighbours.
  public var features: FeatureSource
  /// How the weights (self included with weight 1) are scaled; nil: binary.
  public var transform: SpatialWeights.Transform?
  /// Conditional permutations for p_sim (0: none).
  public var permutations: Int
  /// The seed of the permutations.
  public var seed: UInt64
  /// Correct the classes (never z or p) for the false discovery rate (Benjamini–Hochberg). Always
  /// on with `NeighbourRule.auto`, as Optimized Hot Spot Analysis.
  public var fdr: Bool
  /// A baseline period: the incidents of it are counted in the same cells, and the result holds
  /// each cell's change and its p (`GistarResult.change`). Needs cells and `incidents.filter.period`.
  public var baselinePeriod: Period?

  /// A request with the command line's defaults for everything not given.
  public init(
    features: FeatureSource, transform: SpatialWeights.Transform? = nil, permutations: Int = 0, seed: UInt64 = 1,
    fdr: Bool = false, baselinePeriod: Period? = nil
  ) {
    self.features = features
    self.transform = transform
    self.permutations = permutations
    self.seed = seed
    self.fdr = fdr
    self.baselinePeriod = baselinePeriod
  }

  /// Whether the classes are corrected: `fdr`, or `--neighbours auto`.
  public var correctsFalseDiscoveries: Bool { fdr || features.neighbours == .auto }

  /// Checks the options, without reading anything.
  /// - Throws: `RequestError`.
  public func validate() throws(RequestError) {
    try features.validate()
    if baselinePeriod != nil {
      if features.incidents.filter.period == nil {
        throw RequestError("'--compare-to' needs '--period': the change is measured from the baseline to the period.")
      }
      if features.cell == nil && !features.automaticCell {
        throw RequestError(
          "'--compare-to' compares incidents per cell: give '--cell' (for areas use 'hotspot count --compare-to').")
      }
    }
    guard permutations >= 0 && permutations <= 1_000_000 else {
      throw RequestError(
        "The value '\(permutations)' for '--permutations' must be a whole number from 0 to 1000000 (999).")
    }
  }

  /// Reads the features and computes Gi* for each.
  /// - Throws: `RequestError`, `InputError`.
  public func run(progress: (String) -> Void = { _ in }) throws -> GistarResult {
    try validate()
    let transform = self.transform ?? .binary
    let loaded = try features.load()
    let statistic = GetisOrdGiStar.compute(
      values: loaded.values, weights: loaded.weights, transform: transform, permutations: permutations, seed: seed)
    let fdr = correctsFalseDiscoveries
    let classes = fdr ? FalseDiscoveryRate.classes(z: statistic.z, p: statistic.p) : statistic.classes

    var choices = loaded.choices
    choices.append(("statistic", "Getis-Ord Gi*: binary self weight 1 added to the neighbours, then the transform"))
    choices.append(("transform", .string(transform.rawValue)))
    choices.append(("p", "two-sided normal 2(1 − Φ(|z|))"))
    choices.append(("classes", "ArcGIS Gi_Bin: ±3 at p ≤ 0.01, ±2 at p ≤ 0.05, ±1 at p ≤ 0.10"))
    choices.append(
      (
        "fdr",
        .string(
          !fdr
            ? "none"
            : "Benjamini–Hochberg per confidence level, applied to class only"
              + (features.neighbours == .auto ? " (always on with --neighbours auto)" : ""))
      ))
    choices.append(("permutations", .number(Double(permutations))))
    if permutations > 0 {
      choices.append(("seed", .number(Double(seed))))
      choices.append(("p_sim", "conditional permutation, two-sided about the permutation mean, (M + 1)/(R + 1)"))
    }
    var tally: [(String, JSONValue)] = []
    for level in [3, 2, 1, 0, -1, -2, -3] {
      tally.append((String(level), .number(Double(classes.filter { $0 == level }.count))))
    }
    choices.append(("class_counts", .object(tally)))
    var change: CellChange?
    if let baselinePeriod, let period = features.incidents.filter.period, case .cells(let layout) = loaded.units {
      var source = features.incidents
      source.filter = IncidentFilter(period: baselinePeriod, categories: source.filter.categories)
      var counts = [Double](repeating: 0, count: layout.count)
      var outside = 0
      _ = try IncidentInput.forEach(source, working: loaded.working, purpose: "compare", labels: false) { chunk in
        outside += layout.tally(x: chunk.x, y: chunk.y, into: &counts)
      }
      let cellChange = CellChange(
        period: period, baselinePeriod: baselinePeriod, current: loaded.values, baseline: counts, areCounts: true)
      choices.append(("baseline_period", .string(baselinePeriod.description)))
      choices.append(("baseline_incidents_in_cells", .number(counts.reduce(0, +))))
      choices.append(("baseline_incidents_outside_cells", .number(Double(outside))))
      choices.append(("change", .string("incidents per cell: " + cellChange.description)))
      change = cellChange
    }
    return GistarResult(features: loaded, statistic: statistic, classes: classes, choices: choices, change: change)
  }
}
