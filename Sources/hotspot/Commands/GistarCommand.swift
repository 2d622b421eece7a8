import Analyses
import GeoCore
import GeoIO
import Rendering
import Reports
import SpatialAnalysis

/// `hotspot gistar`: Getis-Ord Gi* hot and cold spots over areas, square or hexagonal cells, or points.
struct GistarCommand: HotspotCommand {
  static let spec = CommandSpec(
    name: "gistar",
    abstract: "Getis-Ord Gi* hot and cold spots over areas, cells or points, with classes at 90/95/99 %.",
    discussion: """
      For each area (or cell) Gi* compares the sum of values over it and its neighbours with what \
      the mean would give: z = (Σ w x − x̄ W) / (S √((n S1 − W²)/(n − 1))), self included with \
      weight 1 (Ord & Getis 1995; esda G_Local(star=True), ArcGIS Hot Spot Analysis). p is two-sided \
      normal; class is ±3/±2/±1 at 99/95/90 % (ArcGIS Gi_Bin). --fdr applies Benjamini–Hochberg to \
      the classes only, never to z or p. --permutations adds a conditional permutation p_sim. \
      Areas are neighbours when their boundaries come within --snap-tolerance (generalised \
      boundaries need not share vertices); square cells by default neighbour the 8 around them, \
      hexagons (--hex) the 6 around. --points analyses points (street-segment midpoints): the value \
      is --value-column, or the number of --incidents nearer that point than any other (ties to the \
      point first in the file); by default points neighbour within the smallest band that gives \
      every point a neighbour. --neighbours auto follows ArcGIS Optimized Hot Spot Analysis: \
      without --cell, --areas or --points the cell size is the shorter side of the incidents' \
      extent / 50 (rounded down to 100 m); the band is the first significant peak of Moran's I z \
      over 10 increasing bands, else the mean distance to the k-th neighbour (k = 5 % of n in \
      [3, 30]), never under 0.1 % of the extent; FDR is on; every choice is printed and recorded. \
      With cells, --compare-to P counts the incidents of P in the same cells and adds baseline_count, \
      change, change_pct, p_change (the exact two-Poisson test, the periods' months as exposures, as \
      count --compare-to) and change_per_month.
      """,
    options: AutocorrelationOptions.specs + [
      .flag("fdr", help: "Correct the classes for the false discovery rate (Benjamini–Hochberg)."),
      OptionSpec(name: "compare-to", valueName: "period", help: "Baseline period: each cell's change and its p-value."),
      CommonOptions.format(formats), CommonOptions.output, CommonOptions.crs, CommonOptions.repair,
    ] + CommonOptions.incidentColumns + [CommonOptions.quiet])

  /// The formats this command writes: what `--format` lists and accepts.
  static let formats: [OutputFormat] = [.text, .csv, .json, .geojson]

  let arguments: [String]
  let request: GistarRequest
  let format: OutputFormat
  let outputPath: String?
  let quiet: Bool

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments.original
    let options = try AutocorrelationOptions.parse(arguments, defaultPermutations: 0)
    let baselinePeriod = try arguments.value("compare-to").map { text throws(UsageError) in
      try ValueSyntax.period(text, option: "compare-to")
    }
    request = GistarRequest(
      features: options.features, transform: options.transform, permutations: options.permutations, seed: options.seed,
      fdr: arguments.flag("fdr"), baselinePeriod: baselinePeriod)
    outputPath = arguments.value("output")
    format = try OutputFormat.resolve(
      option: arguments.value("format"), outputPath: outputPath, supported: Self.formats)
    quiet = arguments.flag("quiet")
  }

  func run(_ console: Console) throws {
    let result = try request.run(progress: { console.progress($0, quiet: quiet) })
    try Self.write(result, format: format, outputPath: outputPath, arguments: arguments, quiet: quiet, console: console)
  }

  /// Writes Gi* z-scores as this command does: the automatic scale and features line unless `quiet`,
  /// warnings, the table in `format` to `outputPath` (or the console), provenance recording
  /// `arguments` (the command line after `gistar`), and the summary unless `quiet`.
  static func write(
    _ result: GistarResult, format: OutputFormat, outputPath: String?, arguments: [String], quiet: Bool,
    console: Console
  ) throws {
    if let scale = result.features.automaticScale, !quiet { console.error(scale) }
    console.progress(result.features.progressLine, quiet: quiet)
    for warning in result.warnings { console.error("warning: \(warning)\n") }
    let text: String
    switch format {
    case .csv: text = CSVTable.render(result.table)
    case .json: text = result.json.rendered()
    case .geojson: text = try result.geoJSON()
    default: text = result.text
    }
    let provenance = Provenance(
      command: "gistar", arguments: arguments, inputs: result.inputs, choices: result.choices)
    try CommandOutput.deliver(
      text, to: outputPath, provenance: provenance, console: console, summary: result.summaryText,
      summaryInText: format == .text, quiet: quiet)
  }
}
