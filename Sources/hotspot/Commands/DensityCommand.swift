import Analyses
import GeoCore
import GeoIO
import Rendering
import Reports
import SpatialAnalysis

/// `hotspot density`: an exact kernel density surface, and hot-spot regions drawn from it.
struct DensityCommand: HotspotCommand {
  static let spec = CommandSpec(
    name: "density",
    abstract: "Kernel density of incidents per km², exact at every cell centre, and hot-spot regions.",
    discussion: """
      The density at each cell centre is the sum over every incident of K(distance), in incidents \
      per km². Defaults follow the established tools and are printed: the bandwidth by ArcGIS's rule \
      (0.9 · min(SD, √(1/ln 2) · Dm) · n^-0.2), the cell size a 250th of the extent's shorter side \
      rounded to 1, 2, 2.5 or 5 × 10^k metres, the extent the areas' (or the incidents' plus one \
      bandwidth) snapped outward to whole cells. Write .asc (ESRI ASCII grid, with a .prj), .csv \
      (cell centres) or .geojson (hot-spot regions, WGS84). --compare-to P evaluates the incidents \
      of P on the same grid with the same bandwidth: the CSV adds baseline_density, change and \
      change_per_month (per km²; each period divided by its months first).
      """,
    options: [
      CommonOptions.incidents,
      OptionSpec(
        name: "areas", valueName: "file",
        help: "Study area (GeoJSON or Shapefile): cells whose centre lies outside are no-data."),
      OptionSpec(
        name: "kernel", valueName: "kernel", help: "The kernel.", defaultValue: "quartic",
        allowedValues: Kernel.allCases.map(\.rawValue)),
      OptionSpec(name: "bandwidth", valueName: "distance", help: "Bandwidth (400m) or auto.", defaultValue: "auto"),
      OptionSpec(name: "cell", valueName: "size", help: "Cell size (50m) or auto.", defaultValue: "auto"),
      OptionSpec(
        name: "extent", valueName: "xmin,ymin,xmax,ymax",
        help: "Grid extent in metres of the working CRS, used exactly."),
      CommonOptions.period, CommonOptions.category, CommonOptions.keepOutliers,
      OptionSpec(
        name: "compare-to", valueName: "period", help: "Baseline period: its density on the same grid, and the change."),
      .flag("edge-correct", help: "Divide each cell by the share of its kernel inside the study area."),
      OptionSpec(name: "top", valueName: "share", help: "Hot-spot regions: the top share of cells (5%)."),
      OptionSpec(name: "threshold", valueName: "value", help: "Hot-spot regions: cells at or above this density."),
      OptionSpec(
        name: "volume", valueName: "share", help: "Hot-spot regions: the fewest cells holding this share of the mass."),
      CommonOptions.format(formats), CommonOptions.output, CommonOptions.crs, CommonOptions.repair,
    ] + CommonOptions.incidentColumns + [CommonOptions.quiet])

  /// The formats this command writes: what `--format` lists and accepts.
  static let formats: [OutputFormat] = [.text, .asc, .csv, .geojson, .json]

  let arguments: [String]
  let request: DensityRequest
  let format: OutputFormat
  let outputPath: String?
  let quiet: Bool

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments.original
    let bandwidth = try ValueSyntax.distanceOrAuto(arguments.value("bandwidth"), option: "bandwidth")
    let cell = try ValueSyntax.distanceOrAuto(arguments.value("cell"), option: "cell")
    let extent = try arguments.value("extent").map { text throws(UsageError) in try ValueSyntax.extent(text) }
    let filter = try InputOptions.filter(arguments)
    let baselinePeriod = try arguments.value("compare-to").map { text throws(UsageError) in
      try ValueSyntax.period(text, option: "compare-to")
    }
    var request = DensityRequest(
      incidents: IncidentSource(files: arguments.values("incidents"), filter: filter),
      areasFile: arguments.value("areas"),
      kernel: Kernel(rawValue: (arguments.value("kernel") ?? "quartic").lowercased()) ?? .quartic,
      bandwidth: bandwidth, cell: cell, extent: extent, edgeCorrect: arguments.flag("edge-correct"),
      baselinePeriod: baselinePeriod)
    do { try request.validate() } catch { throw UsageError(error.message) }
    var rules: [HotSpotRegions.Rule] = []
    if let top = arguments.value("top") { rules.append(.top(share: try ValueSyntax.share(top, option: "top"))) }
    if let volume = arguments.value("volume") {
      rules.append(.volume(share: try ValueSyntax.share(volume, option: "volume")))
    }
    if let threshold = arguments.value("threshold") {
      guard let value = Double(threshold), value.isFinite, value >= 0 else {
        throw UsageError("The value '\(threshold)' for '--threshold' must be a density per km² (a number ≥ 0).")
      }
      rules.append(.threshold(value))
    }
    guard rules.count <= 1 else { throw UsageError("Give one of '--top', '--threshold' and '--volume'.") }
    outputPath = arguments.value("output")
    format = try OutputFormat.resolve(
      option: arguments.value("format"), outputPath: outputPath, supported: Self.formats)
    request.regions = rules.first ?? (format == .geojson ? .top(share: 0.05) : nil)
    request.incidents.columns = InputOptions.incidentColumns(arguments, declaredCRS: try InputOptions.crs(arguments))
    request.repairAreas = arguments.flag("repair")
    request.incidents.keepsOutliers = arguments.flag("keep-outliers")
    self.request = request
    quiet = arguments.flag("quiet")
  }

  func run(_ console: Console) throws {
    let result = try request.run(progress: { console.progress($0, quiet: quiet) })
    try Self.write(result, format: format, outputPath: outputPath, arguments: arguments, quiet: quiet, console: console)
  }

  /// Writes a density surface as this command does: warnings, the table in `format` to `outputPath` (or
  /// the console) (and the `.prj` beside an ESRI ASCII grid), provenance recording `arguments` (the command line after `density`),
  /// and the summary unless `quiet`.
  static func write(
    _ result: DensityResult, format: OutputFormat, outputPath: String?, arguments: [String], quiet: Bool,
    console: Console
  ) throws {
    for warning in result.warnings { console.error("warning: \(warning)\n") }
    let text: String
    switch format {
    case .asc: text = result.asciiGrid
    case .csv: text = CSVTable.render(try result.cellTable())
    case .geojson: text = try result.regionsGeoJSON()
    case .json: text = result.json.rendered()
    default: text = result.text
    }
    let provenance = Provenance(
      command: "density", arguments: arguments, inputs: result.inputs, choices: result.choices)
    if format == .asc, let outputPath, let projection = result.projectionText {
      try AtomicFile.write(projection, to: Self.projectionPath(outputPath), inputs: result.inputs)
    }
    try CommandOutput.deliver(
      text, to: outputPath, provenance: provenance, console: console, summary: result.summaryText,
      summaryInText: format == .text, quiet: quiet)
  }

  /// `surface.asc` → `surface.prj`.
  static func projectionPath(_ output: String) -> String {
    guard let dot = output.lastIndex(of: "."), !output[dot...].contains("/") else { return output + ".prj" }
    return output[..<dot] + ".prj"
  }
}
