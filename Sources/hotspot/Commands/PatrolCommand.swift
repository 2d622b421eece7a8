import Analyses
import GeoIO
import Rendering
import Reports
import SpatialAnalysis

/// `hotspot patrol`: a short list of small cells for hot-spot patrols, with how concentrated
/// incidents are.
struct PatrolCommand: HotspotCommand {
  static let spec = CommandSpec(
    name: "patrol",
    abstract: "Rank small cells for hot-spot patrols; choose by coverage, top k or area budget.",
    discussion: """
      Square (or --hex) cells of --cell (150 m) are ranked by incident count, harm-weighted count \
      (--harm JSON of category → weight, 1 when not listed) or quartic kernel density at the cell \
      centre (--bandwidth, by default 2 × the cell size); ties go to the higher count, then to grid \
      order (rows from the south, west to east). One rule chooses the list: --coverage 25% (the \
      fewest leading cells holding that share of incidents), --top 20 or --top 2% (⌊0.02 · m⌋ of the m \
      cells, the rule backtest's budgets follow), or --area-budget 2km2 (as many leading cells as fit); by default --top 20. Cells with a score \
      of 0 are never chosen. The grid is the one gistar uses: over --extent exactly, else over the \
      areas' (or incidents') bounding box snapped to whole cells; with --areas the cells whose \
      centre lies inside them are ranked, else every cell of --extent, else the cells touching \
      the incidents' convex hull buffered by half a cell (as sfhotspot), locational outliers set \
      aside first (see --keep-outliers). Incidents outside the \
      ranked cells are left out and reported. Shares are fractions (0–1) of the incidents in the \
      ranked cells. Each cell gets its centre in lon/lat and as an OS grid reference (British \
      National Grid only), and its most common Location label (police.uk "On or near …"; ties \
      alphabetical). The Gini coefficient is over every ranked cell, empty ones included, with \
      Bernasco & Steenbeek's generalised Gini when incidents are fewer than cells. --zones merges \
      chosen cells that share an edge (corners do not count) into numbered patrol zones. Short, \
      unpredictable visits of 10–15 minutes to each place work best (Koper 1995). --compare-to P \
      counts the incidents of P in the same cells and adds baseline_count, change, change_pct, \
      p_change (the exact two-Poisson test, as count --compare-to) and change_per_month.
      """,
    options: [
      CommonOptions.incidents,
      OptionSpec(
        name: "areas", valueName: "file",
        help: "Study area (GeoJSON or Shapefile): the cells whose centre lies inside are ranked."),
      OptionSpec(
        name: "cell", valueName: "size",
        help: "Cell size: a square's side, or with --hex the distance between hexagon centres.",
        defaultValue: "150m"),
      .flag("hex", help: "Pointy-top hexagonal cells instead of squares."),
      OptionSpec(
        name: "extent", valueName: "xmin,ymin,xmax,ymax",
        help: "Grid extent in metres of the working CRS, used exactly; without --areas it is the study area."),
      OptionSpec(
        name: "rank-by", valueName: "score", help: "What cells are ranked by (harm with --harm).",
        defaultValue: "count",
        allowedValues: PatrolRequest.RankBy.allCases.map(\.rawValue)),
      OptionSpec(
        name: "harm", valueName: "file", help: "JSON object of category → harm weight; implies --rank-by harm."),
      OptionSpec(
        name: "bandwidth", valueName: "distance",
        help: "Quartic kernel bandwidth for --rank-by density (default: 2 × the cell size)."),
      OptionSpec(
        name: "coverage", valueName: "share", help: "Choose the fewest cells holding this share of incidents (25%)."),
      OptionSpec(
        name: "top", valueName: "n|share", help: "Choose the n best cells (20), or this share of the cells (2%).",
        defaultValue: "20"),
      OptionSpec(
        name: "area-budget", valueName: "area", help: "Choose the best cells fitting in this area (2km2, 50ha)."),
      .flag("zones", help: "Merge chosen cells that share an edge into numbered patrol zones."),
      OptionSpec(name: "map", valueName: "file", help: "Also draw the chosen cells (over the areas) as an SVG map."),
      OptionSpec(name: "title", valueName: "text", help: "With --map: the map's title."),
      OptionSpec(
        name: "attribution", valueName: "text",
        help: "With --map: an attribution line (repeatable), instead of those recognised from the inputs.",
        repeating: true),
      CommonOptions.period, CommonOptions.category, CommonOptions.keepOutliers,
      OptionSpec(name: "compare-to", valueName: "period", help: "Baseline period: each cell's change and its p-value."),
      CommonOptions.format(formats), CommonOptions.output, CommonOptions.crs, CommonOptions.repair,
    ] + CommonOptions.incidentColumns + [CommonOptions.quiet])

  /// The formats this command writes: what `--format` lists and accepts.
  static let formats: [OutputFormat] = [.text, .csv, .json, .geojson]

  let arguments: [String]
  var request: PatrolRequest
  let mapPath: String?
  let mapTitle: String?
  let mapAttribution: [String]
  let format: OutputFormat
  let outputPath: String?
  let quiet: Bool

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments.original
    let cell = try ValueSyntax.distance(arguments.value("cell") ?? "150m", option: "cell")
    let extent = try arguments.value("extent").map { text throws(UsageError) in try ValueSyntax.extent(text) }
    let harmFile = arguments.value("harm")
    let named = arguments.value("rank-by").flatMap { PatrolRequest.RankBy(rawValue: $0.lowercased()) }
    let rankBy = named ?? (harmFile != nil ? .harm : .count)
    try Self.check(rankBy: rankBy, harmFile: harmFile, bandwidth: nil)
    let bandwidth = try arguments.value("bandwidth").map { text throws(UsageError) in
      try ValueSyntax.distance(text, option: "bandwidth")
    }
    try Self.check(rankBy: rankBy, harmFile: harmFile, bandwidth: bandwidth)
    var rules: [PatrolSelection.Rule] = []
    if let text = arguments.value("coverage") {
      let share = try ValueSyntax.share(text, option: "coverage")
      guard share > 0 else { throw UsageError("The value '\(text)' for '--coverage' must be more than 0% (25%).") }
      rules.append(.coverage(share))
    }
    if let text = arguments.value("top") { rules.append(try Self.top(text)) }
    if let text = arguments.value("area-budget") {
      rules.append(.areaBudget(try ValueSyntax.area(text, option: "area-budget")))
    }
    guard rules.count <= 1 else {
      throw UsageError("Choose cells by one of '--coverage', '--top' and '--area-budget', not \(rules.count).")
    }
    mapPath = arguments.value("map")
    mapTitle = arguments.value("title")
    mapAttribution = arguments.values("attribution")
    if mapPath == nil && (mapTitle != nil || !mapAttribution.isEmpty) {
      throw UsageError("'--title' and '--attribution' are for the map: add '--map <file.svg>'.")
    }
    if arguments.value("weight-column") != nil {
      throw UsageError("'patrol' counts incidents (harm comes from '--harm'); '--weight-column' is not used.")
    }
    if let mapPath, let name = mapPath.split(separator: "/").last, !name.lowercased().hasSuffix(".svg") {
      throw UsageError("'--map' writes SVG: give a file ending in .svg.")
    }
    let filter = try InputOptions.filter(arguments)
    let baselinePeriod = try arguments.value("compare-to").map { text throws(UsageError) in
      try ValueSyntax.period(text, option: "compare-to")
    }
    if baselinePeriod != nil && filter.period == nil {
      throw UsageError("'--compare-to' needs '--period': the change is measured from the baseline to the period.")
    }
    outputPath = arguments.value("output")
    if let mapPath, mapPath == outputPath {
      throw UsageError("'--map' and '--output' name the same file.")
    }
    format = try OutputFormat.resolve(
      option: arguments.value("format"), outputPath: outputPath, supported: Self.formats)
    let declaredCRS = try InputOptions.crs(arguments)
    var source = IncidentSource(
      files: arguments.values("incidents"), columns: InputOptions.incidentColumns(arguments, declaredCRS: declaredCRS),
      filter: filter)
    source.keepsOutliers = arguments.flag("keep-outliers")
    request = PatrolRequest(
      incidents: source, areasFile: arguments.value("areas"), cell: cell, hex: arguments.flag("hex"), extent: extent,
      rankBy: rankBy, harmFile: harmFile, bandwidth: bandwidth, rule: rules.first, zones: arguments.flag("zones"),
      baselinePeriod: baselinePeriod)
    quiet = arguments.flag("quiet")
    request.repairAreas = arguments.flag("repair")
  }

  /// `PatrolRequest.checkRanking` as a usage error.
  private static func check(rankBy: PatrolRequest.RankBy, harmFile: String?, bandwidth: Double?) throws(UsageError) {
    do { try PatrolRequest.checkRanking(rankBy: rankBy, harmFile: harmFile, bandwidth: bandwidth) } catch {
      throw UsageError(error.message)
    }
  }

  /// `--top 20` (cells) or `--top 2%` (a share of the cells).
  static func top(_ text: String) throws(UsageError) -> PatrolSelection.Rule {
    let trimmed = text.trimmingSpaces()
    if trimmed.hasSuffix("%") {
      let share = try ValueSyntax.share(trimmed, option: "top")
      guard share > 0 else { throw UsageError("The value '\(text)' for '--top' must be more than 0%.") }
      return .topShare(share)
    }
    guard let k = Int(trimmed), k > 0 else {
      throw UsageError(
        "The value '\(text)' for '--top' must be a whole number of cells (20) or a share of the cells (2%).")
    }
    return .top(k)
  }

  func run(_ console: Console) throws {
    let result = try request.run(progress: { console.progress($0, quiet: quiet) })
    try Self.write(
      result, format: format, outputPath: outputPath, mapPath: mapPath, mapTitle: mapTitle,
      mapAttribution: mapAttribution,
      arguments: arguments, quiet: quiet, console: console)
  }

  /// Writes a patrol list as this command does: warnings, the map to `mapPath` (with `mapTitle`
  /// and `mapAttribution`), the table in `format` to `outputPath` (or the console), the
  /// `.zones.csv` beside a CSV with zones, provenance beside each file recording `arguments` (the
  /// command line after `patrol`), and the summary unless `quiet`.
  static func write(
    _ result: PatrolResult, format: OutputFormat, outputPath: String?, mapPath: String?, mapTitle: String?,
    mapAttribution: [String], arguments: [String], quiet: Bool, console: Console
  ) throws {
    for warning in result.warnings { console.error("warning: \(warning)\n") }

    let inputs = result.inputs
    let provenance = Provenance(command: "patrol", arguments: arguments, inputs: inputs, choices: result.choices)
    if let mapPath {
      let recognised = MapAttribution.lines(areas: result.areas, report: result.report)
      let svg = PatrolMap.svg(result, title: mapTitle, attribution: mapAttribution, recognised: recognised)
      try AtomicFile.write(svg, to: mapPath, inputs: inputs)
      try provenance.write(beside: mapPath)
    }
    let text: String
    switch format {
    case .csv: text = CSVTable.render(result.cellTable)
    case .json: text = result.json.rendered()
    case .geojson: text = try result.geoJSON()
    default:
      let width = outputPath == nil ? console.width : nil
      text =
        TextTable.render(result.textTable, maxWidth: width)
        + (result.zoneTable.map { "\n" + TextTable.render(PatrolResult.textColumns($0), maxWidth: width) } ?? "")
        + "\n" + result.summary
    }
    let written = try CommandOutput.deliver(
      text, to: outputPath, provenance: provenance, console: console, summary: result.summary,
      summaryInText: format == .text, quiet: quiet)
    if format == .csv, let zoneTable = result.zoneTable {
      if let outputPath, written {
        try AtomicFile.write(CSVTable.render(zoneTable), to: Self.zonesPath(outputPath), inputs: inputs)
      } else {
        console.output("\r\n" + CSVTable.render(zoneTable))
      }
    }

  }

  /// `patrol.csv` → `patrol.zones.csv`.
  static func zonesPath(_ output: String) -> String {
    guard let dot = output.lastIndex(of: "."), !output[dot...].contains("/") else { return output + ".zones.csv" }
    return output[..<dot] + ".zones" + output[dot...]
  }
}
