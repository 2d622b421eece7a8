import Analyses
import GeoCore
import GeoIO
import Rendering
import Reports
import SpatialAnalysis

/// `hotspot report`: one self-contained HTML report of a period: headline figures, maps (counts,
/// density, Gi*), the ranked table, the period comparison, data quality and every value chosen.
struct ReportCommand: HotspotCommand {
  static let spec = CommandSpec(
    name: "report",
    abstract: "Write one self-contained HTML report: figures, maps, ranked table, comparison, methods.",
    discussion: """
      The report inlines its maps and style: no scripts, nothing fetched from the network, and it \
      prints well (A4, page breaks between sections). It runs the counting of 'hotspot count' and the \
      maps of 'hotspot map' with the same options.
      """,
    options: [
      OptionSpec(name: "areas", valueName: "file", help: "Boundary file (GeoJSON or Shapefile).", isRequired: true),
      CommonOptions.incidents, CommonOptions.period, CommonOptions.category,
      OptionSpec(name: "compare-to", valueName: "period", help: "Baseline period for the comparison."),
      OptionSpec(name: "population-field", valueName: "name", help: "Area property holding the population."),
      OptionSpec(
        name: "population", valueName: "file", help: "Population CSV (area_id,population or centroid points)."),
      OptionSpec(name: "per", valueName: "n", help: "Rates per this many people.", defaultValue: "1000"),
      OptionSpec(name: "group-field", valueName: "name", help: "Area property to roll areas up by."),
      OptionSpec(name: "lookup", valueName: "file", help: "CSV of area id → group."),
      OptionSpec(name: "id-field", valueName: "name", help: "Area property holding the id."),
      OptionSpec(name: "name-field", valueName: "name", help: "Area property holding the name."),
      OptionSpec(
        name: "suppress-below", valueName: "n",
        help: "Withhold counts under n (<n), and those that would give them back, everywhere."),
      OptionSpec(name: "title", valueName: "text", help: "The report's title."),
      OptionSpec(name: "attribution", valueName: "text", help: "A source line (repeatable).", repeating: true),
      OptionSpec(name: "top", valueName: "n", help: "Rows in the ranked table.", defaultValue: "20"),
      OptionSpec(
        name: "output", valueName: "file", help: "The report (.html), written atomically.", shortName: "o",
        isRequired: true),
      CommonOptions.crs, CommonOptions.overlapping, CommonOptions.repair,
    ] + CommonOptions.incidentColumns + [CommonOptions.quiet])

  let arguments: [String]
  let request: ReportRequest
  let quiet: Bool
  let outputPath: String

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments.original
    outputPath = arguments.value("output") ?? ""
    guard outputPath.lowercased().hasSuffix(".html") || outputPath.lowercased().hasSuffix(".htm") else {
      throw UsageError("'report' writes HTML: give an --output ending in .html.")
    }
    let count = try CountCommand.request(arguments.removing(["output", "title", "top", "attribution"]))
    quiet = arguments.flag("quiet")
    let maps = MapRequest(
      areasFile: arguments.value("areas") ?? "", incidents: IncidentSource(files: arguments.values("incidents")),
      suppressBelow: try InputOptions.suppressBelow(arguments), attribution: arguments.values("attribution"))
    guard let top = Int(arguments.value("top") ?? "20") else {
      throw UsageError("The value for '--top' must be a positive whole number.")
    }
    request = ReportRequest(count: count, map: maps, title: arguments.value("title"), top: top)
    do { try request.validate() } catch { throw UsageError(error.message) }
  }

  func run(_ console: Console) throws {
    let result = try request.run(progress: { console.progress($0, quiet: quiet) })
    try Self.write(result, outputPath: outputPath, arguments: arguments, quiet: quiet, console: console)
  }

  /// Writes a report as this command does: warnings, the HTML to `outputPath`, provenance
  /// recording `arguments` (the command line after `report`), and the count's summary unless `quiet`.
  static func write(_ result: ReportResult, outputPath: String, arguments: [String], quiet: Bool, console: Console)
    throws
  {
    for warning in result.warnings { console.error("warning: \(warning)\n") }
    let provenance = Provenance(
      command: "report", arguments: arguments, inputs: result.inputs, choices: result.choices)
    try CommandOutput.deliver(result.html(), to: outputPath, provenance: provenance, console: console)
    if !quiet { console.error(result.count.summaryText) }
  }
}
