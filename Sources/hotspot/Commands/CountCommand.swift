import Analyses
import GeoIO
import Rendering
import Reports
import SpatialAnalysis

/// `hotspot count`: incidents per area, with rates, breakdowns, a period comparison and roll-ups.
struct CountCommand: HotspotCommand {
  static let spec = CommandSpec(
    name: "count",
    abstract: "Count incidents per area: rates, breakdowns, a period comparison and roll-ups.",
    discussion: """
      Each incident counts in the area that contains it. In a partition (wards, divisions, LSOAs) \
      a point on a shared edge counts once (in the area east of a vertical edge, north of a \
      horizontal one); a point inside two overlapping areas counts in the first in file order and is \
      reported. With --overlapping (zones drawn by hand) a point counts in every area containing it. \
      Points outside every area are counted and reported, those within 25 m of a boundary apart; \
      --snap 25m gives them to the nearest area. --compare-to adds the baseline's counts, the \
      change and its exact p (exposures in months); when the periods differ in length the change \
      is per month (change_per_month, count_per_month, baseline_per_month). A period running past \
      the data's months is clipped to them, with a warning; a baseline sharing days with the \
      period is an error.
      """,
    options: [
      OptionSpec(
        name: "areas", valueName: "file", help: "Boundary file (GeoJSON or Shapefile) of the areas.",
        isRequired: true),
      CommonOptions.incidents,
      CommonOptions.period, CommonOptions.category,
      OptionSpec(
        name: "by", valueName: "breakdown", help: "Add one column per category or period.",
        allowedValues: Breakdown.allCases.map(\.rawValue)),
      OptionSpec(name: "compare-to", valueName: "period", help: "Baseline period for change and its p-value."),
      OptionSpec(name: "population-field", valueName: "name", help: "Area property holding the population."),
      OptionSpec(
        name: "population", valueName: "file",
        help: "Population CSV: area_id,population or centroid points with a population column."),
      OptionSpec(name: "per", valueName: "n", help: "Rates per this many people.", defaultValue: "1000"),
      OptionSpec(name: "group-field", valueName: "name", help: "Area property to roll areas up by."),
      OptionSpec(name: "lookup", valueName: "file", help: "CSV of area id → group to roll areas up by."),
      CommonOptions.idField,
      CommonOptions.nameField,
      CommonOptions.overlapping,
      OptionSpec(name: "snap", valueName: "distance", help: "Give points this close outside to the nearest area."),
      OptionSpec(
        name: "suppress-below", valueName: "n",
        help: "Publish counts under n as <n, and [c] those that would give them back."),
      OptionSpec(
        name: "sort", valueName: "column",
        help:
          "Sort areas by this column: numbers descending, text ascending; 'id' keeps file order. Text and Markdown sort by count unless told; CSV, JSON and GeoJSON keep file order unless told."
      ),
      OptionSpec(name: "top", valueName: "n", help: "Show only the first n areas (after sorting)."),
      CommonOptions.format(formats), CommonOptions.output, CommonOptions.crs, CommonOptions.repair,
    ] + CommonOptions.incidentColumns + [CommonOptions.quiet])

  /// The formats this command writes: what `--format` lists and accepts.
  static let formats: [OutputFormat] = [.text, .csv, .md, .json, .geojson]

  let arguments: [String]
  let request: CountRequest
  let format: OutputFormat
  let outputPath: String?
  let quiet: Bool
  /// `--sort` and `--top`; nil sort: the format's own order.
  let order: RowOrder

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments.original
    request = try Self.request(arguments)
    outputPath = arguments.value("output")
    format = try OutputFormat.resolve(
      option: arguments.value("format"), outputPath: outputPath, supported: Self.formats)
    quiet = arguments.flag("quiet")
    let top = try arguments.value("top").map { text throws(UsageError) in
      guard let n = Int(text), n > 0 else {
        throw UsageError("The value '\(text)' for '--top' must be a positive whole number.")
      }
      return n
    }
    order = RowOrder(sortBy: arguments.value("sort"), limit: top)
  }

  /// The count the options ask for (`report` counts by the same options).
  static func request(_ arguments: ParsedArguments) throws(UsageError) -> CountRequest {
    let incidents = try InputOptions.incidentSource(arguments)
    let baselinePeriod = try arguments.value("compare-to").map { text throws(UsageError) in
      try ValueSyntax.period(text, option: "compare-to")
    }
    if baselinePeriod != nil && incidents.filter.period == nil {
      throw UsageError("'--compare-to' needs '--period': the change is measured from the baseline to the period.")
    }
    let breakdown = arguments.value("by").flatMap { Breakdown(rawValue: $0.lowercased()) }
    let (populationField, populationFile) = try InputOptions.population(arguments)
    let per = try InputOptions.per(arguments)
    let groupField = arguments.value("group-field")
    let lookupFile = arguments.value("lookup")
    if groupField != nil && lookupFile != nil {
      throw UsageError("Roll up by '--group-field' or '--lookup', not both.")
    }
    let suppressBelow = try InputOptions.suppressBelow(arguments)
    let snap = try arguments.value("snap").map { text throws(UsageError) in
      try ValueSyntax.distance(text, option: "snap")
    }
    var request = CountRequest(
      areasFile: arguments.value("areas") ?? "", incidents: incidents, baselinePeriod: baselinePeriod,
      breakdown: breakdown, populationField: populationField, populationFile: populationFile, per: per,
      groupField: groupField, lookupFile: lookupFile, idField: arguments.value("id-field"),
      nameField: arguments.value("name-field"), overlapping: arguments.flag("overlapping"), snap: snap,
      suppressBelow: suppressBelow)
    request.repairAreas = arguments.flag("repair")
    return request
  }

  func run(_ console: Console) throws {
    let result = try request.run(progress: { console.progress($0, quiet: quiet) })
    try Self.write(
      result, format: format, outputPath: outputPath, arguments: arguments, quiet: quiet, order: order, console: console
    )
  }

  /// Writes a count as this command does: warnings, the table in `format` to `outputPath` (or
  /// the console), the `.groups.csv` beside a CSV with groups, provenance recording `arguments`
  /// (the command line after `count`), and the summary unless `quiet`. Rows follow `order`: with
  /// no column named, text and Markdown put the most incidents first, the other formats keep file
  /// order.
  /// - Throws: `RequestError` when `order` names no column of the table.
  static func write(
    _ result: CountResult, format: OutputFormat, outputPath: String?, arguments: [String], quiet: Bool,
    order: RowOrder = RowOrder(), console: Console
  ) throws {
    if let sortBy = order.sortBy, !result.sortableColumns.contains(sortBy) {
      throw RequestError(
        "'--sort \(sortBy)' names no column; sort by one of: \(result.sortableColumns.joined(separator: ", ")).")
    }
    for warning in result.warnings { console.error("warning: \(warning)\n") }
    var reading = order
    if reading.sortBy == nil { reading.sortBy = CountResult.readingOrder.sortBy }
    let text: String
    switch format {
    case .text: text = result.text(width: outputPath == nil ? console.width : nil, order: reading)
    case .csv: text = CSVTable.render(result.tables(order).areas)
    case .md: text = result.markdown(order: reading)
    case .json: text = result.json(order: order).rendered()
    case .geojson: text = try result.geoJSON(order: order)
    case .html, .asc, .svg: text = ""
    }
    let provenance = Provenance(
      command: "count", arguments: arguments, inputs: result.inputs, choices: result.choices)
    let written = try CommandOutput.deliver(
      text, to: outputPath, provenance: provenance, console: console, summary: result.summaryText,
      summaryInText: format == .text || format == .md, quiet: quiet)
    if format == .csv, let groupTable = result.groupTable {
      if let outputPath, written {
        try AtomicFile.write(
          CSVTable.render(groupTable), to: CountCommand.groupsPath(outputPath), inputs: result.inputs)
      } else {
        console.output("\r\n" + CSVTable.render(groupTable))
      }
    }
  }

  /// `counts.csv` → `counts.groups.csv`.
  static func groupsPath(_ output: String) -> String {
    guard let dot = output.lastIndex(of: "."), !output[dot...].contains("/") else { return output + ".groups.csv" }
    return output[..<dot] + ".groups" + output[dot...]
  }
}
