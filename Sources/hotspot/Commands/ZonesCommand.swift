import Analyses
import GeoIO
import Rendering
import Reports

/// `hotspot zones`: incidents per 10,000 population in zones (selective licensing schemes),
/// all zones together, outside them and in total.
struct ZonesCommand: HotspotCommand {
  static let spec = CommandSpec(
    name: "zones",
    abstract: "Incidents per 10,000 population in each zone, all zones together, outside them and in total.",
    discussion: """
      Zones may overlap: an incident or population point inside two zones counts in each of them \
      and once in all-zones. --population is a CSV of population-weighted centroid points (each \
      point's population counts for every zone containing it, the ONS best-fit rule) or keyed by \
      zone id (zone_id,population; rows all-zones, outside-zones and total may be given too, \
      otherwise all-zones is the sum of the zones and outside-zones is total − all-zones). \
      total is every located incident of the period and every population point. --compare-to \
      adds the baseline period's incidents and rate, the change and its exact p (exposures in \
      months; the population is taken as the same in both periods); periods of different lengths \
      compare incidents per month, a period running past the data's months is clipped to them, \
      and a baseline that shares days with the period is an error. --screen instead lists the \
      --candidates that meet every criterion of --criteria (rates, or rates as a multiple of all \
      candidates', in each of the last N 12-month periods ending with the latest month in the data; \
      --indicators columns), then the near misses that fail exactly one, with the evidence.
      """,
    options: [
      OptionSpec(name: "zones", valueName: "file", help: "Boundary file (GeoJSON or Shapefile) of the zones."),
      CommonOptions.incidents,
      OptionSpec(
        name: "population", valueName: "file",
        help: "Population CSV: centroid points with a population column, or zone_id,population.", isRequired: true),
      CommonOptions.period, CommonOptions.category,
      OptionSpec(name: "compare-to", valueName: "period", help: "Baseline period for change and its p-value."),
      OptionSpec(name: "per", valueName: "n", help: "Rates per this many people.", defaultValue: "10000"),
      OptionSpec(name: "id-field", valueName: "name", help: "Zone property holding the id (detected if absent)."),
      OptionSpec(name: "name-field", valueName: "name", help: "Zone property holding the name (detected if absent)."),
      .flag("screen", help: "Screen --candidates against --criteria instead of measuring zones."),
      OptionSpec(name: "candidates", valueName: "file", help: "With --screen: boundary file of the candidate areas."),
      OptionSpec(name: "criteria", valueName: "file", help: "With --screen: JSON file of designation criteria."),
      OptionSpec(
        name: "indicators", valueName: "file",
        help: "With --screen: CSV of indicators, the area id in the first column."),
      CommonOptions.format(formats), CommonOptions.output, CommonOptions.crs, CommonOptions.repair,
    ] + CommonOptions.incidentColumns + [CommonOptions.quiet])

  /// What the options ask for: zones measured, or candidates screened.
  enum Mode {
    case zones(ZonesRequest)
    case screen(ZoneScreenRequest)
  }

  /// The formats this command writes: what `--format` lists and accepts.
  static let formats: [OutputFormat] = [.text, .csv, .md, .json]

  let arguments: [String]
  let mode: Mode
  let format: OutputFormat
  let outputPath: String?
  let quiet: Bool

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments.original
    let zonesFile = arguments.value("zones") ?? ""
    let populationFile = arguments.value("population") ?? ""
    let incidents = try InputOptions.incidentSource(arguments)
    let baselinePeriod = try arguments.value("compare-to").map { text throws(UsageError) in
      try ValueSyntax.period(text, option: "compare-to")
    }
    if baselinePeriod != nil && incidents.filter.period == nil {
      throw UsageError("'--compare-to' needs '--period': the change is measured from the baseline to the period.")
    }
    let per = try InputOptions.per(arguments, defaultValue: 10_000)
    let idField = arguments.value("id-field")
    let nameField = arguments.value("name-field")
    outputPath = arguments.value("output")
    format = try OutputFormat.resolve(
      option: arguments.value("format"), outputPath: outputPath, supported: Self.formats)
    quiet = arguments.flag("quiet")
    if arguments.flag("screen") {
      guard let candidates = arguments.value("candidates"), let criteria = arguments.value("criteria") else {
        throw UsageError("'--screen' needs '--candidates FILE' and '--criteria FILE.json'.")
      }
      if zonesFile != "" { throw UsageError("'--screen' ranks '--candidates'; leave out '--zones'.") }
      if baselinePeriod != nil {
        throw UsageError("'--screen' takes its years from the data; leave out '--compare-to'.")
      }
      var request = ZoneScreenRequest(
        candidatesFile: candidates, criteriaFile: criteria, indicatorsFile: arguments.value("indicators"),
        incidents: incidents, populationFile: populationFile, idField: idField, nameField: nameField)
      request.repairAreas = arguments.flag("repair")
      mode = .screen(request)
    } else {
      if zonesFile == "" { throw UsageError("Missing '--zones FILE' (or '--screen' with '--candidates').") }
      for name in ["candidates", "criteria", "indicators"] where arguments.value(name) != nil {
        throw UsageError("'--\(name)' goes with '--screen'.")
      }
      var request = ZonesRequest(
        zonesFile: zonesFile, incidents: incidents, populationFile: populationFile, baselinePeriod: baselinePeriod,
        per: per, idField: idField, nameField: nameField)
      request.repairAreas = arguments.flag("repair")
      mode = .zones(request)
    }
  }

  func run(_ console: Console) throws {
    switch mode {
    case .zones(let request): try run(request, console: console)
    case .screen(let request): try run(request, console: console)
    }
  }

  private func run(_ request: ZonesRequest, console: Console) throws {
    let result = try request.run(progress: { console.progress($0, quiet: quiet) })
    try Self.write(result, format: format, outputPath: outputPath, arguments: arguments, quiet: quiet, console: console)
  }

  /// Writes the zones measured as this command does: warnings, the table in `format` to `outputPath`
  /// (or the console), provenance recording `arguments` (the command line after `zones`).
  static func write(
    _ result: ZonesResult, format: OutputFormat, outputPath: String?, arguments: [String], quiet: Bool, console: Console
  ) throws {
    for warning in result.warnings { console.error("warning: \(warning)\n") }
    let text: String
    switch format {
    case .csv: text = CSVTable.render(result.table)
    case .md: text = MarkdownTable.render(result.table)
    case .json: text = result.json.rendered()
    default: text = TextTable.render(result.table, maxWidth: outputPath == nil ? console.width : nil)
    }
    let provenance = Provenance(
      command: "zones", arguments: arguments, inputs: result.inputs, choices: result.choices)
    guard try CommandOutput.deliver(text, to: outputPath, provenance: provenance, console: console) else { return }
  }

  private func run(_ request: ZoneScreenRequest, console: Console) throws {
    let result = try request.run(progress: { console.progress($0, quiet: quiet) })
    try Self.write(result, format: format, outputPath: outputPath, arguments: arguments, quiet: quiet, console: console)
  }

  /// Writes the candidates screened as this command does: warnings, the table in `format` to `outputPath`
  /// (or the console), provenance recording `arguments` (the command line after `zones`), and the
  /// summary unless `quiet`.
  static func write(
    _ result: ZoneScreenResult, format: OutputFormat, outputPath: String?, arguments: [String], quiet: Bool,
    console: Console
  ) throws {
    for warning in result.warnings { console.error("warning: \(warning)\n") }
    let text: String
    switch format {
    case .csv: text = CSVTable.render(result.table)
    case .md: text = result.markdown
    case .json: text = result.json.rendered()
    default: text = result.text(width: outputPath == nil ? console.width : nil)
    }
    let provenance = Provenance(
      command: "zones --screen", arguments: arguments, inputs: result.inputs, choices: result.choices)
    try CommandOutput.deliver(
      text, to: outputPath, provenance: provenance, console: console, summary: result.summary,
      summaryInText: format == .text || format == .md, quiet: quiet)
  }
}
