import Analyses
import GeoIO
import Rendering
import Reports
import SpatialAnalysis

/// `hotspot evaluate`: did incidents fall in the target areas after an intervention, beyond the
/// comparison areas' trend, and what happened in a buffer ring around the target?
struct EvaluateCommand: HotspotCommand {
  static let spec = CommandSpec(
    name: "evaluate",
    abstract: "Change in target areas against comparison areas, before and after an intervention, with a buffer ring.",
    discussion: """
      Each incident counts in one group: target (inside a target polygon), else buffer (within \
      --buffer of a target boundary), else comparison (inside a comparison polygon), else \
      nowhere. The comparison is thus kept apart from the target and the ring where displacement \
      would show (Bowers & Johnson 2003); a warning says when the comparison polygons reach into \
      them. Counts are scaled to rates per month, so --before and --after may differ in length. \
      relative_change is the ratio of ratios (Ta/Tb)/(Ca/Cb), with a 95 % interval on the log \
      scale, Var = 1/Ta + 1/Tb + 1/Ca + 1/Cb (the reciprocal of the relative effect size of the \
      Campbell reviews: Farrington et al. 2007), and p from the same normal approximation; when a \
      count is 0, 0.5 is added to all four. net_change_pct = 100·(relative_change − 1) is the \
      "% reduction in targeted areas" net of the comparison trend. For the buffer the same ratio \
      against the comparison shows displacement (above 1) or diffusion of benefit (below 1), and \
      wdq is the Weighted Displacement Quotient (Da/Ca − Db/Cb)/(Ta/Ca − Tb/Cb) (Bowers & \
      Johnson 2003), read only when the target fell relative to the comparison. p_change is the \
      exact test of each group's before and after counts (exposures in months, as the rates; a \
      period running past the data's months is clipped to them, with a warning). Counts are \
      assumed Poisson; repeat incidents make the true intervals wider.
      """,
    options: [
      CommonOptions.incidents,
      OptionSpec(
        name: "target", valueName: "file", help: "Target areas (GeoJSON or Shapefile polygons).", isRequired: true),
      OptionSpec(
        name: "comparison", valueName: "file", help: "Comparison (control) areas (GeoJSON or Shapefile polygons).",
        isRequired: true),
      OptionSpec(
        name: "before", valueName: "period", help: "The period before the intervention (2023-04..2024-03).",
        isRequired: true),
      OptionSpec(name: "after", valueName: "period", help: "The period after it (2024-04..2024-12).", isRequired: true),
      OptionSpec(
        name: "buffer", valueName: "distance", help: "Add a buffer ring this wide around the target (500m) and its WDQ."
      ),
      OptionSpec(
        name: "target-id", valueName: "value", help: "Use only the target features with this id or name (repeatable).",
        repeating: true),
      OptionSpec(
        name: "comparison-id", valueName: "value",
        help: "Use only the comparison features with this id or name (repeatable).",
        repeating: true),
      CommonOptions.category,
      CommonOptions.format(formats),
      CommonOptions.output, CommonOptions.crs, CommonOptions.repair,
    ] + CommonOptions.incidentColumns + [CommonOptions.quiet])

  /// The formats this command writes: what `--format` lists and accepts.
  static let formats: [OutputFormat] = [.text, .csv, .json]

  let arguments: [String]
  var request: EvaluateRequest
  let format: OutputFormat
  let outputPath: String?
  let quiet: Bool

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments.original
    let before = try ValueSyntax.period(arguments.value("before") ?? "", option: "before")
    let after = try ValueSyntax.period(arguments.value("after") ?? "", option: "after")
    do { try EvaluateRequest.checkPeriods(before: before, after: after) } catch { throw UsageError(error.message) }
    let buffer = try arguments.value("buffer").map { text throws(UsageError) in
      try ValueSyntax.distance(text, option: "buffer")
    }
    if arguments.value("weight-column") != nil {
      throw UsageError("'evaluate' counts incidents (the intervals assume counts); '--weight-column' is not used.")
    }
    outputPath = arguments.value("output")
    format = try OutputFormat.resolve(
      option: arguments.value("format"), outputPath: outputPath, supported: Self.formats)
    let declaredCRS = try InputOptions.crs(arguments)
    let source = IncidentSource(
      files: arguments.values("incidents"), columns: InputOptions.incidentColumns(arguments, declaredCRS: declaredCRS),
      filter: IncidentFilter(categories: arguments.values("category")))
    request = EvaluateRequest(
      incidents: source, targetFile: arguments.value("target") ?? "",
      comparisonFile: arguments.value("comparison") ?? "",
      before: before, after: after, buffer: buffer, targetIDs: arguments.values("target-id"),
      comparisonIDs: arguments.values("comparison-id"))
    quiet = arguments.flag("quiet")
    request.repairAreas = arguments.flag("repair")
  }

  func run(_ console: Console) throws {
    let result = try request.run(progress: { console.progress($0, quiet: quiet) })
    try Self.write(result, format: format, outputPath: outputPath, arguments: arguments, quiet: quiet, console: console)
  }

  /// Writes an evaluation as this command does: warnings, the table in `format` to `outputPath` (or
  /// the console), provenance recording `arguments` (the command line after `evaluate`),
  /// and the findings unless `quiet`.
  static func write(
    _ result: EvaluateResult, format: OutputFormat, outputPath: String?, arguments: [String], quiet: Bool,
    console: Console
  ) throws {
    for warning in result.warnings { console.error("warning: \(warning)\n") }
    let text: String
    switch format {
    case .csv: text = CSVTable.render(result.table)
    case .json: text = result.json.rendered()
    default: text = result.text(width: outputPath == nil ? console.width : nil)
    }
    let provenance = Provenance(
      command: "evaluate", arguments: arguments, inputs: result.inputs, choices: result.choices)
    try CommandOutput.deliver(
      text, to: outputPath, provenance: provenance, console: console, summary: result.findings,
      summaryInText: format == .text, quiet: quiet)
  }
}
