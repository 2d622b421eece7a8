import Analyses
import GeoCore
import GeoIO
import Rendering
import Reports
import SpatialAnalysis

/// `hotspot emerging`: Emerging Hot Spot Analysis, hot and cold spots over time per area or cell.
struct EmergingCommand: HotspotCommand {
  static let spec = CommandSpec(
    name: "emerging",
    abstract: "Emerging hot spots: how each area's or cell's Gi* hot or cold spots change over time, in 17 categories.",
    discussion: """
      Incidents are counted per area (or cell) and time step: --step month (default), quarter \
      (calendar), year, or N months from the first month (3months); the steps cover the months of \
      the data, or --period, empty steps kept as zeros. Each bin (i, t) gets a space-time \
      Getis-Ord Gi*: its neighbourhood is i and its neighbours in step t and in the --time-lags \
      steps before it (default 1; the first step has no lag), all with equal weights, as sfdep's \
      emerging_hotspot_analysis with k = 1; z is standardised by that step's mean and variance \
      (divisor n, as sfdep). p is the analytic two-sided normal p by default; --permutations draws \
      each bin's neighbourhood from the other locations of its own step (sfdep draws from the whole \
      cube: not copied). A step is hot (cold) at p ≤ --threshold (default 0.01) with z > 0 (< 0). \
      The trend is Mann–Kendall on each location's z series: tau-b with the continuity-corrected \
      normal p (R Kendall::MannKendall). The category (new, consecutive, intensifying, persistent, \
      diminishing, sporadic, oscillating or historical hot or cold spot, or no pattern) follows \
      sfdep classify_hotspot's rules, with the departures the library documents (hot runs and hot \
      steps as ArcGIS Pro words them). Areas neighbour by queen contiguity, square cells the 8 \
      around, hexagons the 6 around. Fewer than 10 steps make the trend weak. --series writes the \
      long table location, step, count, z, p.
      """,
    options: [
      OptionSpec(
        name: "areas", valueName: "file",
        help: "Boundary file (GeoJSON): the areas analysed, or the study area for --cell."),
      CommonOptions.incidents,
      CommonOptions.idField,
      CommonOptions.nameField,
      OptionSpec(name: "cell", valueName: "size", help: "Analyse square cells of this size (250m) instead of areas."),
      .flag("hex", help: "With --cell: pointy-top hexagons, the size being the distance between neighbouring centres."),
      OptionSpec(
        name: "extent", valueName: "xmin,ymin,xmax,ymax",
        help: "Cell grid extent in metres of the working CRS (default: the areas', else the incidents')."),
      OptionSpec(
        name: "step", valueName: "step", help: "Time step: month, quarter, year, or <N>months (3months).",
        defaultValue: "month"),
      OptionSpec(
        name: "time-lags", valueName: "k", help: "Steps before t in the neighbourhood of a bin (sfdep k).",
        defaultValue: "1"),
      OptionSpec(
        name: "threshold", valueName: "alpha", help: "Significance level of a hot or cold step and of the trend.",
        defaultValue: "0.01"),
      OptionSpec(
        name: "permutations", valueName: "n", help: "Permutations within each step for a pseudo p (0: analytic p)."),
      OptionSpec(name: "seed", valueName: "n", help: "Seed of the permutations.", defaultValue: "1"),
      OptionSpec(
        name: "neighbours", valueName: "rule",
        help:
          "queen, rook, distance:<d> (distance:750m) or knn:<k>. Default: queen for areas, the 8 around square cells, the 6 around hexagons."
      ),
      OptionSpec(
        name: "snap-tolerance", valueName: "distance",
        help: "Boundaries this close count as touching (contiguity). Default 1m; under --crs planar 1e-7 of the extent."
      ),
      CommonOptions.period, CommonOptions.category,
      OptionSpec(
        name: "series", valueName: "csv",
        help: "Also write the long table location, step, count, z, p to this CSV file."),
      CommonOptions.format(formats),
      CommonOptions.output, CommonOptions.crs, CommonOptions.repair,
    ] + CommonOptions.incidentColumns + [CommonOptions.quiet])

  /// The formats this command writes: what `--format` lists and accepts.
  static let formats: [OutputFormat] = [.text, .csv, .json, .geojson]

  let arguments: [String]
  let request: EmergingRequest
  let format: OutputFormat
  let outputPath: String?
  let seriesPath: String?
  let quiet: Bool

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments.original
    let options = try AutocorrelationOptions.parse(arguments, defaultPermutations: 0)
    let stepText = arguments.value("step") ?? "month"
    guard let step = EmergingStep(stepText) else {
      throw UsageError("The value '\(stepText)' for '--step' must be month, quarter, year or <N>months (3months).")
    }
    let lagText = arguments.value("time-lags") ?? "1"
    guard let lags = Int(lagText), lags >= 0, lags <= 1000 else {
      throw UsageError("The value '\(lagText)' for '--time-lags' must be a whole number from 0 to 1000.")
    }
    let thresholdText = arguments.value("threshold") ?? "0.01"
    guard let threshold = Double(thresholdText), threshold > 0, threshold < 1 else {
      throw UsageError("The value '\(thresholdText)' for '--threshold' must be a number between 0 and 1 (0.01).")
    }
    request = EmergingRequest(
      features: options.features, step: step, timeLags: lags, threshold: threshold, permutations: options.permutations,
      seed: options.seed)
    do { try request.validate() } catch { throw UsageError(error.message) }
    outputPath = arguments.value("output")
    seriesPath = arguments.value("series")
    format = try OutputFormat.resolve(
      option: arguments.value("format"), outputPath: outputPath, supported: Self.formats)
    quiet = arguments.flag("quiet")
  }

  func run(_ console: Console) throws {
    let result = try request.run(progress: { console.progress($0, quiet: quiet) })
    try Self.write(
      result, format: format, outputPath: outputPath, seriesPath: seriesPath, arguments: arguments, quiet: quiet,
      console: console)
  }

  /// Writes `result` as `format` to `outputPath` (or stdout), the series table to `seriesPath`,
  /// each with its provenance, and the summary to stderr unless `quiet`: what the command line
  /// does, for `hotspot demo`'s typed requests too.
  static func write(
    _ result: EmergingResult, format: OutputFormat, outputPath: String?, seriesPath: String? = nil,
    arguments: [String], quiet: Bool, console: Console
  ) throws {
    console.progress(result.features.progressLine, quiet: quiet)
    for warning in result.warnings { console.error("warning: \(warning)\n") }
    let text: String
    switch format {
    case .csv: text = CSVTable.render(result.table)
    case .json: text = result.json.rendered()
    case .geojson: text = try result.geoJSON()
    default: text = result.text()
    }
    let provenance = Provenance(
      command: "emerging", arguments: arguments, inputs: result.inputs, choices: result.choices)
    if let seriesPath {
      try AtomicFile.write(CSVTable.render(result.seriesTable), to: seriesPath, inputs: result.inputs)
      try provenance.write(beside: seriesPath)
    }
    try CommandOutput.deliver(
      text, to: outputPath, provenance: provenance, console: console, summary: format == .text ? nil : result.text(),
      quiet: quiet)
  }
}
