import Analyses
import GeoIO
import Rendering
import Reports
import SpatialAnalysis

/// `hotspot rank`: a transparent composite risk score per area, for choosing where to intervene.
struct RankCommand: HotspotCommand {
  static let spec = CommandSpec(
    name: "rank",
    abstract: "Rank areas by a transparent composite risk score, with 90 % intervals of each rank.",
    discussion: """
      Components: rate per 1,000 population; harm-weighted count (--harm JSON of category → \
      weight, 1 for categories not listed); trend, the rate ratio of the last 3 months of the data \
      against the 9 before ((c + ½) each), with its exact p; persistence, the share of months the \
      area was among the top fifth of areas by count; hotspot, the share of the area in the top 5 % \
      of incident density (as 'density --top 5%', held fixed across resamples); and each \
      --indicator joined on area id. \
      Each is normalised (percentile rank 0–100, or z) so that higher means more risk, weighted \
      (default rate 0.3, harm 0.2, trend 0.15, persistence 0.15, hotspot 0.1, indicators 0.1 \
      shared equally; --weights JSON overrides by key or indicator name) and summed. A component \
      no area has a value for (no population, too few months) is dropped, named, and its weight \
      shared among the rest; a value missing for some areas takes the median normalised value and \
      is reported. Equal scores rank by area order. rank_low..rank_high is the 90 % interval of \
      the rank over --resamples Poisson resamples of the counts (seeded); p_top_k is the share of \
      resamples that put the area in the top k (--top, else 10).
      """,
    options: [
      OptionSpec(
        name: "areas", valueName: "file", help: "Boundary file (GeoJSON or Shapefile) of the areas.",
        isRequired: true),
      CommonOptions.incidents, CommonOptions.period, CommonOptions.category,
      OptionSpec(name: "population-field", valueName: "name", help: "Area property holding the population."),
      OptionSpec(
        name: "population", valueName: "file",
        help: "Population CSV: area_id,population or centroid points with a population column."),
      OptionSpec(name: "harm", valueName: "file", help: "JSON object of category → harm weight (default 1 each)."),
      OptionSpec(name: "indicators", valueName: "file", help: "CSV of indicators, the area id in the first column."),
      OptionSpec(
        name: "indicator", valueName: "name:higher|lower",
        help: "An indicator column to use, and whether higher or lower values mean more risk (repeatable)."),
      OptionSpec(name: "weights", valueName: "file", help: "JSON object of component → weight."),
      OptionSpec(
        name: "normalise", valueName: "method", help: "How components are put on one scale.",
        defaultValue: "percentile", allowedValues: RiskScore.Normalisation.allCases.map(\.rawValue)),
      OptionSpec(name: "top", valueName: "n", help: "Show only the top n areas (of each group); k of p_top_k."),
      OptionSpec(
        name: "resamples", valueName: "n", help: "Poisson resamples for the rank intervals.", defaultValue: "999"),
      OptionSpec(name: "seed", valueName: "n", help: "Seed of the resampling.", defaultValue: "1"),
      OptionSpec(name: "group-field", valueName: "name", help: "Area property to rank within."),
      CommonOptions.idField,
      CommonOptions.nameField,
      CommonOptions.format(formats), CommonOptions.output, CommonOptions.crs, CommonOptions.repair,
    ] + CommonOptions.incidentColumns + [CommonOptions.quiet])

  /// The formats this command writes: what `--format` lists and accepts.
  static let formats: [OutputFormat] = [.text, .csv, .md, .json, .svg]

  let arguments: [String]
  var request: RankRequest
  let format: OutputFormat
  let outputPath: String?
  let quiet: Bool

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments.original
    let incidents = try InputOptions.incidentSource(arguments)
    let (populationField, populationFile) = try InputOptions.population(arguments)
    let indicatorsFile = arguments.value("indicators")
    var indicators: [RankRequest.Indicator] = []
    for text in arguments.values("indicator") {
      guard let colon = text.lastIndex(of: ":"),
        let direction = RiskScore.Direction(rawValue: String(text[text.index(after: colon)...])),
        colon != text.startIndex
      else {
        throw UsageError(
          "The value '\(text)' for '--indicator' must be NAME:higher or NAME:lower (deprivation_score:higher).")
      }
      indicators.append(RankRequest.Indicator(name: String(text[..<colon]), direction: direction))
    }
    if !indicators.isEmpty && indicatorsFile == nil {
      throw UsageError("'--indicator' needs '--indicators FILE'.")
    }
    if indicators.isEmpty && indicatorsFile != nil {
      throw UsageError("Name the columns of '--indicators' to use with '--indicator NAME:higher|lower'.")
    }
    let normalisation = RiskScore.Normalisation(rawValue: arguments.value("normalise") ?? "percentile") ?? .percentile
    let top = try arguments.value("top").map { text throws(UsageError) in
      guard let n = Int(text), n > 0 else {
        throw UsageError("The value '\(text)' for '--top' must be a positive whole number.")
      }
      return n
    }
    let resamplesText = arguments.value("resamples") ?? "999"
    guard let resamples = Int(resamplesText), resamples >= 1, resamples <= 100_000 else {
      throw UsageError("The value '\(resamplesText)' for '--resamples' must be a whole number from 1 to 100000.")
    }
    let seedText = arguments.value("seed") ?? "1"
    guard let seed = UInt64(seedText) else {
      throw UsageError("The value '\(seedText)' for '--seed' must be a whole number ≥ 0.")
    }
    outputPath = arguments.value("output")
    format = try OutputFormat.resolve(
      option: arguments.value("format"), outputPath: outputPath, supported: Self.formats)
    quiet = arguments.flag("quiet")
    request = RankRequest(
      areasFile: arguments.value("areas") ?? "", incidents: incidents, populationField: populationField,
      populationFile: populationFile, harmFile: arguments.value("harm"), indicatorsFile: indicatorsFile,
      indicators: indicators, weightsFile: arguments.value("weights"), normalisation: normalisation, top: top,
      resamples: resamples, seed: seed, groupField: arguments.value("group-field"),
      idField: arguments.value("id-field"),
      nameField: arguments.value("name-field"))
    request.repairAreas = arguments.flag("repair")
  }

  func run(_ console: Console) throws {
    let result = try request.run(progress: { console.progress($0, quiet: quiet) })
    try Self.write(result, format: format, outputPath: outputPath, arguments: arguments, quiet: quiet, console: console)
  }

  /// Writes a ranking as this command does: warnings and messages, the table in `format` to
  /// `outputPath` (or the console), provenance recording `arguments` (the command line after
  /// `rank`), and the summary unless `quiet`.
  static func write(
    _ result: RankResult, format: OutputFormat, outputPath: String?, arguments: [String], quiet: Bool, console: Console
  ) throws {
    for warning in result.warnings { console.error("warning: \(warning)\n") }
    for message in result.messages { console.error(message + "\n") }
    let text: String
    switch format {
    case .csv: text = CSVTable.render(result.table)
    case .md: text = result.markdown
    case .json: text = result.json.rendered()
    case .svg: text = result.svg()
    default: text = result.text(width: outputPath == nil ? console.width : nil)
    }
    let provenance = Provenance(
      command: "rank", arguments: arguments, inputs: result.inputs, choices: result.choices)
    try CommandOutput.deliver(
      text, to: outputPath, provenance: provenance, console: console, summary: result.summary,
      summaryInText: format == .text || format == .md, quiet: quiet)
  }
}
