import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// Emerging Hot Spot Analysis (`hotspot emerging`; sfdep `emerging_hotspot_analysis`, ArcGIS Pro
/// Emerging Hot Spot Analysis): incidents counted per area or cell and time step, space-time
/// Getis-Ord Gi* of every bin, the Mann–Kendall trend of each location's z, and one of 17
/// categories per location (`EmergingHotSpotClass`).
public struct EmergingRequest: Sendable {
  /// The locations (areas with `--areas`, or square/hexagonal cells with `cell`) and their
  /// neighbours, and the incidents counted (with the period and categories kept).
  public var features: FeatureSource
  /// How months are grouped into steps.
  public var step: EmergingStep
  /// K: the steps before t in the neighbourhood of bin (i, t) (sfdep `k`).
  public var timeLags: Int
  /// α: a step is hot or cold, and a trend significant, at p ≤ α (sfdep `threshold`).
  public var threshold: Double
  /// Conditional permutations within each step for a pseudo p (0: the analytic p).
  public var permutations: Int
  /// The seed of the permutations.
  public var seed: UInt64

  /// A request with the command line's defaults for everything not given.
  public init(
    features: FeatureSource, step: EmergingStep = .month, timeLags: Int = 1, threshold: Double = 0.01,
    permutations: Int = 0, seed: UInt64 = 1
  ) {
    self.features = features
    self.step = step
    self.timeLags = timeLags
    self.threshold = threshold
    self.permutations = permutations
    self.seed = seed
  }

  /// Checks the options, without reading anything.
  /// - Throws: `RequestError`.
  public func validate() throws(RequestError) {
    if features.pointsFile != nil || features.valueColumn != nil {
      throw RequestError("'emerging' analyses areas ('--areas') or cells ('--cell'), not '--points'.")
    }
    if features.valueField != nil {
      throw RequestError("'emerging' counts '--incidents' per step: '--value-field' has no time steps.")
    }
    if features.incidents.isEmpty {
      throw RequestError("Missing '--incidents <file>': emerging counts incidents per location and step.")
    }
    if features.neighbours == .auto {
      throw RequestError("'--neighbours auto' is for gistar; give queen, rook, distance:<d> or knn:<k>.")
    }
    try features.validate()
    if case .months(let n) = step, n < 1 || n > 1200 {
      throw RequestError("The value '\(n)months' for '--step' must be month, quarter, year or <N>months with N ≥ 1.")
    }
    guard timeLags >= 0 && timeLags <= 1000 else {
      throw RequestError("The value '\(timeLags)' for '--time-lags' must be a whole number from 0 to 1000.")
    }
    guard threshold > 0 && threshold < 1 else {
      throw RequestError("The value '\(threshold)' for '--threshold' must be a number between 0 and 1 (0.01).")
    }
    guard permutations >= 0 && permutations <= 1_000_000 else {
      throw RequestError(
        "The value '\(permutations)' for '--permutations' must be a whole number from 0 to 1000000 (999).")
    }
  }

  /// Reads the locations and incidents, builds the cube and classifies every location.
  /// - Throws: `RequestError`, `InputError` (unreadable inputs; no incident with a date).
  public func run(progress: (String) -> Void = { _ in }) throws -> EmergingResult {
    try validate()
    // One read: the totals per location and, handed over by `load`, each incident's location and
    // month.
    var counts = MonthlyCounts(locationCount: 0)
    let loaded = try features.load { chunk, featureCount, locate in
      if counts.locationCount != featureCount { counts = MonthlyCounts(locationCount: featureCount) }
      counts.add(chunk, locate: locate)
    }
    if case .points = loaded.units {
      throw RequestError("'emerging' analyses areas ('--areas') or cells ('--cell'), not '--points'.")
    }
    if counts.locationCount != loaded.values.count { counts = MonthlyCounts(locationCount: loaded.values.count) }
    guard let readReport = loaded.readReport, let filtered = loaded.filtered else {
      throw RequestError("Missing '--incidents <file>': emerging counts incidents per location and step.")
    }
    let files = readReport.files
    let period = features.incidents.filter.period
    guard let months = period.map({ $0.start.monthIndex...$0.end.monthIndex }) ?? counts.months else {
      throw InputError(
        file: files.joined(separator: ", "),
        reason: .other("no incident has a date: emerging needs each incident's month (a date column)"))
    }
    let (cube, stepMonths) = counts.cube(step: step, months: months)
    progress(
      "cube: \(loaded.values.count) locations × \(cube.stepCount) steps (\(cube.stepLabels.first ?? "")..\(cube.stepLabels.last ?? ""))"
    )
    let statistics = EmergingStatistics(
      cube: cube, weights: loaded.weights, timeLags: timeLags, threshold: threshold, permutations: permutations,
      seed: seed)

    var warnings = loaded.warnings
    if counts.undated > 0 { warnings.append("\(counts.undated) incidents have no date and are in no step") }
    let monthsPerStep =
      switch step {
      case .month: 1
      case .quarter: 3
      case .year: 12
      case .months(let n): n
      }
    for t in Set([0, cube.stepCount - 1]).sorted() where stepMonths[t].count < monthsPerStep {
      warnings.append(
        "step \(cube.stepLabels[t]) covers \(stepMonths[t].count) of its \(monthsPerStep) months: its counts are not comparable with the others'"
      )
    }
    if cube.stepCount < 10 {
      warnings.append(
        "only \(cube.stepCount) time steps: the Mann–Kendall trend is weak with fewer than 10 (ArcGIS asks for at least 10)"
      )
    }
    if permutations > 0 && 1 / Double(permutations + 1) > threshold {
      warnings.append(
        "with \(permutations) permutations the smallest pseudo p is \(NumberText.significant(1 / Double(permutations + 1), digits: 3)), above the threshold \(NumberText.shortest(threshold)): no step can be significant"
      )
    }

    var choices = loaded.choices
    choices.append(("incidents_undated", .number(Double(counts.undated))))
    choices.append(("step", .string(step.description)))
    choices.append(("steps", .number(Double(cube.stepCount))))
    choices.append(("first_step", .string(cube.stepLabels.first ?? "")))
    choices.append(("last_step", .string(cube.stepLabels.last ?? "")))
    choices.append(
      (
        "steps_rule",
        .string(
          period != nil
            ? "the months of --period, empty steps kept as zeros"
            : "the months of the data (first to last dated incident), empty steps kept as zeros")
      ))
    choices.append(("time_lags", .number(Double(timeLags))))
    choices.append(
      (
        "space_time_neighbours",
        "bin (i, t): location i and its neighbours in step t and each of the time_lags steps before (fewer at the start), equal weights (sfdep emerging_hotspot_analysis)"
      ))
    choices.append(
      (
        "statistic",
        "space-time Getis-Ord Gi*, standardised by each step's mean and variance (divisor n), as sfdep local_g_spt"
      ))
    choices.append(("threshold", .number(threshold)))
    choices.append(
      (
        "p",
        .string(
          permutations > 0
            ? "conditional permutation within the bin's step, two-sided about the permutation mean, (M + 1)/(R + 1)"
            : "analytic: two-sided normal 2(1 − Φ(|z|))")
      ))
    choices.append(("permutations", .number(Double(permutations))))
    if permutations > 0 { choices.append(("seed", .number(Double(seed)))) }
    choices.append(
      (
        "trend",
        "Mann–Kendall of each location's z series: tau-b, continuity-corrected two-sided normal p (R Kendall::MannKendall)"
      ))
    choices.append(("categories_rule", "sfdep classify_hotspot / ArcGIS Pro Emerging Hot Spot Analysis"))
    choices.append(
      (
        "category_counts",
        .object(
          statistics.categoryCounts.filter { $0.count > 0 }.map { ($0.category.rawValue, .number(Double($0.count))) })
      ))
    return EmergingResult(
      features: loaded, step: step, cube: cube, stepMonths: stepMonths, statistics: statistics,
      incidentsOutside: counts.outside, undated: counts.undated, readReport: readReport, filtered: filtered,
      choices: choices, warnings: warnings)
  }
}
