import Analyses
import GeoIO
import Rendering
import Reports

/// `hotspot cover`: the share of incidents within a radius of existing sites (cameras), and the
/// new sites that would cover the most of the rest (greedy maximal covering).
struct CoverCommand: HotspotCommand {
  static let spec = CommandSpec(
    name: "cover",
    abstract: "Incidents within a radius of existing sites, and the new sites that would cover the most of the rest.",
    discussion: """
      An incident is covered when its distance to a site is at most --radius (the radius itself \
      counts), measured in metres in the working CRS (British National Grid for data in Great \
      Britain). --add k chooses k new sites one at a time, each the candidate covering the most \
      incidents not yet covered (by the existing sites or the sites chosen before it); ties go to \
      the candidate first in order (file order for --candidates; for cell centres, rows from the \
      south, west to east). This greedy choice covers at least (1 − 1/e) ≈ 63.2 % of what the best \
      possible k candidates would (Nemhauser, Wolsey & Fisher 1978); the run also prints an upper \
      bound on that best, so the actual guarantee is usually much tighter. Candidates are \
      --candidates points, else the centres of square cells of --cell (default 50m) over the \
      incidents' extent, or those inside --areas. cumulative_covered and cumulative_share count \
      the existing sites' incidents too; location is the most common location label among the \
      incidents a site newly covers.
      """,
    options: [
      CommonOptions.incidents,
      OptionSpec(
        name: "sites", valueName: "file",
        help: "Existing sites: CSV with coordinate columns (site_id,easting,northing,name) or GeoJSON/Shapefile points."
      ),
      OptionSpec(
        name: "radius", valueName: "distance", help: "Covering distance (150m), the radius itself included.",
        isRequired: true),
      OptionSpec(name: "add", valueName: "k", help: "Choose this many new sites.", defaultValue: "0"),
      OptionSpec(
        name: "candidates", valueName: "file",
        help: "Candidate sites (CSV or GeoJSON/Shapefile points); default: cell centres."),
      OptionSpec(
        name: "cell", valueName: "size",
        help: "Without --candidates: candidates at the centres of square cells of this size.", defaultValue: "50m"),
      OptionSpec(
        name: "areas", valueName: "file", help: "Without --candidates: only cells whose centre lies inside these areas."
      ),
      OptionSpec(
        name: "extent", valueName: "xmin,ymin,xmax,ymax",
        help: "Without --candidates: the cell grid's extent in metres of the working CRS, used exactly."),
      CommonOptions.period, CommonOptions.category, CommonOptions.keepOutliers,
      CommonOptions.format(formats),
      CommonOptions.output, CommonOptions.crs, CommonOptions.repair,
    ] + CommonOptions.incidentColumns + [CommonOptions.quiet])

  /// The formats this command writes: what `--format` lists and accepts.
  static let formats: [OutputFormat] = [.text, .csv, .json, .geojson]

  let arguments: [String]
  let request: CoverRequest
  let format: OutputFormat
  let outputPath: String?
  let quiet: Bool

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments.original
    let radius = try ValueSyntax.distance(arguments.value("radius") ?? "", option: "radius")
    let addText = arguments.value("add") ?? "0"
    guard let add = Int(addText), add >= 0, add <= 100_000 else {
      throw UsageError("The value '\(addText)' for '--add' must be a whole number from 0 to 100000.")
    }
    let cell = try ValueSyntax.distance(arguments.value("cell") ?? "50m", option: "cell")
    let extent = try arguments.value("extent").map { text throws(UsageError) in try ValueSyntax.extent(text) }
    if arguments.value("candidates") != nil {
      for name in ["cell", "areas", "extent"] where arguments.value(name) != nil {
        throw UsageError(
          "'--\(name)' places candidate cells; with '--candidates' the candidates are the file's points.")
      }
    }
    var request = CoverRequest(
      incidents: IncidentSource(files: arguments.values("incidents")), sitesFile: arguments.value("sites"),
      radius: radius,
      add: add, candidatesFile: arguments.value("candidates"), cell: cell, areasFile: arguments.value("areas"),
      extent: extent)
    do { try request.check() } catch { throw UsageError(error.message) }
    if arguments.value("weight-column") != nil {
      throw UsageError("'cover' counts incidents; '--weight-column' is not used.")
    }
    let filter = try InputOptions.filter(arguments)
    outputPath = arguments.value("output")
    format = try OutputFormat.resolve(
      option: arguments.value("format"), outputPath: outputPath, supported: Self.formats)
    let declaredCRS = try InputOptions.crs(arguments)
    request.incidents.columns = InputOptions.incidentColumns(arguments, declaredCRS: declaredCRS)
    request.incidents.filter = filter
    request.repairAreas = arguments.flag("repair")
    request.incidents.keepsOutliers = arguments.flag("keep-outliers")
    self.request = request
    quiet = arguments.flag("quiet")
  }

  func run(_ console: Console) throws {
    let result = try request.run(progress: { console.progress($0, quiet: quiet) })
    try Self.write(result, format: format, outputPath: outputPath, arguments: arguments, quiet: quiet, console: console)
  }

  /// Writes a coverage as this command does: warnings, the table in `format` to `outputPath` (or
  /// the console), the existing sites' own coverage in `.existing.csv` beside a CSV (after the
  /// added sites on the console), provenance recording `arguments` (the command line after
  /// `cover`), and the summary unless `quiet`.
  static func write(
    _ result: CoverResult, format: OutputFormat, outputPath: String?, arguments: [String], quiet: Bool, console: Console
  ) throws {
    let text: String
    switch format {
    case .csv: text = CSVTable.render(result.siteTable)
    case .json: text = result.json.rendered()
    case .geojson: text = try result.geoJSON()
    default: text = result.text(width: outputPath == nil ? console.width : nil)
    }
    for warning in result.warnings { console.error("warning: \(warning)\n") }
    let provenance = Provenance(
      command: "cover", arguments: arguments, inputs: result.inputs, choices: result.choices)
    let written = try CommandOutput.deliver(
      text, to: outputPath, provenance: provenance, console: console, summary: result.summary,
      summaryInText: format == .text, quiet: quiet)
    if format == .csv, !result.existingCoverage.isEmpty {
      let existing = CSVTable.render(result.existingSiteTable)
      if let outputPath, written {
        try AtomicFile.write(existing, to: Self.existingPath(outputPath), inputs: result.inputs)
      } else {
        console.output("\r\n" + existing)
      }
    }
  }

  /// `cover.csv` → `cover.existing.csv`.
  static func existingPath(_ output: String) -> String {
    guard let dot = output.lastIndex(of: "."), !output[dot...].contains("/") else { return output + ".existing.csv" }
    return output[..<dot] + ".existing" + output[dot...]
  }
}
