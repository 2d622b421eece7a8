import Analyses
import GeoCore
import GeoIO
import Rendering
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
      fewest leading cells holding that share of incidents), --top 20 or --top 2% (of the cells), \
      or --area-budget 2km2 (as many leading cells as fit); by default --top 20. Cells with a score \
      of 0 are never chosen. The grid is the one gistar uses: over --extent exactly, else over the \
      areas' (or incidents') bounding box snapped to whole cells; with --areas the cells whose \
      centre lies inside them are ranked, else every cell of the grid. Incidents outside the \
      ranked cells are left out and reported. Shares are fractions (0–1) of the incidents in the \
      ranked cells. Each cell gets its centre in lon/lat and as an OS grid reference (British \
      National Grid only), and its most common Location label (police.uk "On or near …"; ties \
      alphabetical). The Gini coefficient is over every ranked cell, empty ones included, with \
      Bernasco & Steenbeek's generalised Gini when incidents are fewer than cells. --zones merges \
      chosen cells that share an edge (corners do not count) into numbered patrol zones. Short, \
      unpredictable visits of 10–15 minutes to each place work best (Koper 1995).
      """,
    options: [
      CommonOptions.incidents,
      OptionSpec(
        name: "areas", valueName: "file",
        help: "Study area (GeoJSON or Shapefile): the cells whose centre lies inside are ranked."),
      OptionSpec(
        name: "cell", valueName: "size", help: "Cell size: a square's side, or with --hex the distance between hexagon centres.",
        defaultValue: "150m"),
      .flag("hex", help: "Pointy-top hexagonal cells instead of squares."),
      OptionSpec(
        name: "extent", valueName: "xmin,ymin,xmax,ymax",
        help: "Grid extent in metres of the working CRS, used exactly; without --areas it is the study area."),
      OptionSpec(
        name: "rank-by", valueName: "score", help: "What cells are ranked by (harm with --harm).", defaultValue: "count",
        allowedValues: RankBy.allCases.map(\.rawValue)),
      OptionSpec(name: "harm", valueName: "file", help: "JSON object of category → harm weight; implies --rank-by harm."),
      OptionSpec(
        name: "bandwidth", valueName: "distance", help: "Quartic kernel bandwidth for --rank-by density (default: 2 × the cell size)."),
      OptionSpec(name: "coverage", valueName: "share", help: "Choose the fewest cells holding this share of incidents (25%)."),
      OptionSpec(
        name: "top", valueName: "n|share", help: "Choose the n best cells (20), or this share of the cells (2%).",
        defaultValue: "20"),
      OptionSpec(name: "area-budget", valueName: "area", help: "Choose the best cells fitting in this area (2km2, 50ha)."),
      .flag("zones", help: "Merge chosen cells that share an edge into numbered patrol zones."),
      OptionSpec(name: "map", valueName: "file", help: "Also draw the chosen cells (over the areas) as an SVG map."),
      OptionSpec(name: "title", valueName: "text", help: "With --map: the map's title."),
      OptionSpec(
        name: "attribution", valueName: "text",
        help: "With --map: an attribution line (repeatable), instead of those recognised from the inputs.", repeating: true),
      CommonOptions.period, CommonOptions.category,
      CommonOptions.format, CommonOptions.output, CommonOptions.crs,
    ] + CommonOptions.incidentColumns + [CommonOptions.quiet])

  /// What cells are ranked by.
  enum RankBy: String, CaseIterable, Sendable {
    case count, harm, density
  }

  /// The number of cells chosen when no rule is given.
  static let defaultTop = 20

  let arguments: [String]
  let incidentSpecs: [String]
  let areasFile: String?
  let cell: Double
  let hex: Bool
  let extent: BoundingBox?
  let rankBy: RankBy
  let harmFile: String?
  let bandwidth: Double?
  let rule: PatrolSelection.Rule
  let ruleGiven: Bool
  let zones: Bool
  let mapPath: String?
  let mapTitle: String?
  let mapAttribution: [String]
  let filter: IncidentFilter
  let format: OutputFormat
  let outputPath: String?
  let declaredCRS: CRS?
  let columns: IncidentColumnOptions
  let quiet: Bool

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments.original
    incidentSpecs = arguments.values("incidents")
    areasFile = arguments.value("areas")
    cell = try ValueSyntax.distance(arguments.value("cell") ?? "150m", option: "cell")
    hex = arguments.flag("hex")
    extent = try arguments.value("extent").map { text throws(UsageError) in try ValueSyntax.extent(text) }
    harmFile = arguments.value("harm")
    let named = arguments.value("rank-by").flatMap { RankBy(rawValue: $0.lowercased()) }
    rankBy = named ?? (harmFile != nil ? .harm : .count)
    if rankBy == .harm && harmFile == nil {
      throw UsageError("'--rank-by harm' needs '--harm <file>': a JSON object of category → weight.")
    }
    if rankBy != .harm && harmFile != nil {
      throw UsageError("'--harm' weights the ranking by harm: leave out '--rank-by \(rankBy.rawValue)' or use '--rank-by harm'.")
    }
    bandwidth = try arguments.value("bandwidth").map { text throws(UsageError) in
      try ValueSyntax.distance(text, option: "bandwidth")
    }
    if bandwidth != nil && rankBy != .density {
      throw UsageError("'--bandwidth' is for '--rank-by density'.")
    }
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
    ruleGiven = !rules.isEmpty
    rule = rules.first ?? .top(Self.defaultTop)
    zones = arguments.flag("zones")
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
    filter = try InputOptions.filter(arguments)
    outputPath = arguments.value("output")
    if let mapPath, mapPath == outputPath {
      throw UsageError("'--map' and '--output' name the same file.")
    }
    format = try OutputFormat.resolve(
      option: arguments.value("format"), outputPath: outputPath, supported: [.text, .csv, .json, .geojson])
    declaredCRS = try InputOptions.crs(arguments)
    columns = InputOptions.incidentColumns(arguments, declaredCRS: declaredCRS)
    quiet = arguments.flag("quiet")
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
      throw UsageError("The value '\(text)' for '--top' must be a whole number of cells (20) or a share of the cells (2%).")
    }
    return .top(k)
  }

  func run(_ console: Console) throws {
    let layer = try areasFile.map { file throws(InputError) in
      try AreaLayer.load(file: file, declaredCRS: declaredCRS, idField: nil, nameField: nil)
    }
    let loaded = try IncidentInput.load(incidentSpecs, options: columns, filter: filter, working: layer?.working, purpose: "rank")
    let (incidents, working, report, filtered, files) = (loaded.table, loaded.working, loaded.report, loaded.filtered, loaded.files)
    var warnings = report.problems.map(\.description)
    console.progress("incidents: \(Format.count(incidents.count)), working CRS \(working)", quiet: quiet)

    let result = try compute(incidents: incidents, layer: layer, working: working, report: report, filtered: filtered, warnings: &warnings)
    warnings += result.warnings
    for warning in warnings { console.error("warning: \(warning)\n") }

    let inputs = (layer?.source.files ?? []) + files + [harmFile].compactMap { $0 }
    if let mapPath {
      let svg = PatrolMap.svg(result, title: mapTitle, attribution: mapAttribution)
      try AtomicFile.write(svg, to: mapPath, inputs: inputs)
      try provenance(result, inputs: inputs).write(beside: mapPath)
    }
    let text: String
    switch format {
    case .csv: text = CSVTable.render(result.cellTable)
    case .json: text = result.json.rendered()
    case .geojson: text = try result.geoJSON()
    default:
      let width = outputPath == nil ? console.width : nil
      text = TextTable.render(result.textTable, maxWidth: width)
        + (result.zoneTable.map { "\n" + TextTable.render(PatrolResult.textColumns($0), maxWidth: width) } ?? "")
        + "\n" + result.summary
    }
    guard let outputPath else {
      console.output(text)
      if format == .csv, let zoneTable = result.zoneTable { console.output("\r\n" + CSVTable.render(zoneTable)) }
      return
    }
    try AtomicFile.write(text, to: outputPath, inputs: inputs)
    if format == .csv, let zoneTable = result.zoneTable {
      try AtomicFile.write(CSVTable.render(zoneTable), to: Self.zonesPath(outputPath), inputs: inputs)
    }
    try provenance(result, inputs: inputs).write(beside: outputPath)
    if !quiet { console.error(result.summary) }
  }

  /// Ranks the cells for `incidents` (already filtered, in the `working` CRS) and chooses the list.
  /// Shared by `patrol` and the report's patrol section; warnings are appended to `warnings`.
  func compute(
    incidents: IncidentTable, layer: AreaLayer?, working: CRS, report: IncidentReadReport,
    filtered: IncidentFilter.Outcome, warnings: inout [String]
  ) throws -> PatrolResult {
    let layout = try CellGrid.layout(
      cell: cell, hex: hex, extent: extent, areas: layer?.geometries, points: incidents.boundingBox, minimumCells: 1)
    if let extent, layer == nil, case .square(let grid) = layout.shape,
      grid.maxX > extent.maxX + 1e-9 * cell || grid.maxY > extent.maxY + 1e-9 * cell
    {
      warnings.append(
        "the extent is not a whole number of \(NumberText.shortest(cell)) m cells: the last column or row of cells reaches past it, and its incidents count")
    }
    let (counts, outside) = layout.tally(x: incidents.x, y: incidents.y)
    if outside > 0 {
      warnings.append("\(Format.count(outside)) incidents lie outside the ranked cells and are left out")
    }
    guard let concentration = Concentration(counts: counts) else {
      throw InputError(
        file: incidentSpecs.joined(separator: ", "),
        reason: .other("no incident lies in the \(Format.count(layout.count)) ranked cells (\(Format.count(outside)) outside them); is the extent or the CRS right?"))
    }

    var scoring: PatrolResult.Scoring = .count
    var scores = counts
    switch rankBy {
    case .count: break
    case .harm:
      let (weights, used) = try harmWeights(incidents, warnings: &warnings)
      scores = layout.tally(x: incidents.x, y: incidents.y, weights: weights).counts
      scoring = .harm(file: harmFile ?? "", weights: used)
    case .density:
      let h = bandwidth ?? 2 * cell
      switch layout.shape {
      case .square(let grid):
        let surface = KernelDensity.evaluate(x: incidents.x, y: incidents.y, grid: grid, kernel: .quartic, bandwidth: h)
        scores = layout.slots.map { surface[$0] }
      case .hexagon:
        scores = KernelDensity.evaluate(
          x: incidents.x, y: incidents.y, at: (0..<layout.count).map(layout.centre(of:)), kernel: .quartic, bandwidth: h)
      }
      scoring = .density(bandwidth: h, given: bandwidth != nil)
    }

    let selection = PatrolSelection.select(rule, scores: scores, counts: counts, cellArea: layout.cellArea)
    if case .areaBudget(let budget) = rule, selection.wanted == 0 {
      throw UsageError(
        "The area budget (\(NumberText.shortest(budget / 1_000_000)) km²) is smaller than one cell (\(NumberText.shortest(layout.cellArea / 1_000_000)) km²).")
    }
    return PatrolResult(
      layout: layout, working: working, counts: counts, scores: scores, scoring: scoring, rule: rule,
      ruleGiven: ruleGiven, selection: selection, concentration: concentration, zones: zones,
      labels: Self.labels(incidents, layout: layout, chosen: Array(selection.chosen)),
      incidentsRead: incidents.count, outside: outside, filtered: filtered, report: report, areas: layer,
      period: filter.period, categories: filter.categories)
  }

  private func provenance(_ result: PatrolResult, inputs: [String]) -> Provenance {
    var provenance = Provenance(command: "patrol", arguments: arguments, inputs: inputs)
    for (key, value) in result.choices { provenance.record(key, value) }
    return provenance
  }

  /// `patrol.csv` → `patrol.zones.csv`.
  static func zonesPath(_ output: String) -> String {
    guard let dot = output.lastIndex(of: "."), !output[dot...].contains("/") else { return output + ".zones.csv" }
    return output[..<dot] + ".zones" + output[dot...]
  }

  /// The harm weight of each incident, and the weight of each category present (in order of
  /// first appearance), from `--harm`.
  private func harmWeights(
    _ incidents: IncidentTable, warnings: inout [String]
  ) throws -> (perIncident: [Double], categories: [(String, Double)]) {
    guard let category = incidents.category else {
      throw InputError(
        file: incidentSpecs.joined(separator: ", "),
        reason: .other("has no category column, so '--harm' cannot weigh its incidents; name it with --category-column"))
    }
    var present = [Bool](repeating: false, count: category.values.count)
    for code in category.codes { present[Int(code)] = true }
    let codes = present.indices.filter { present[$0] }
    let names = codes.map { category.values[$0] }
    let weights = try HarmWeights.load(file: harmFile, categories: names, warnings: &warnings)
    var byCode = [Double](repeating: 1, count: category.values.count)
    for (k, code) in codes.enumerated() { byCode[code] = weights[k] }
    return (category.codes.map { byCode[Int($0)] }, Array(zip(names, weights)))
  }

  /// The location labels of each chosen cell's incidents with how many carry each, the most
  /// common first (ties in alphabetical order; empty labels ignored); nil without a location
  /// column.
  static func labels(_ incidents: IncidentTable, layout: CellLayout, chosen: [Int]) -> [[(label: String, count: Int)]]? {
    guard let location = incidents.location else { return nil }
    var position: [Int: Int] = [:]
    for (k, cell) in chosen.enumerated() { position[cell] = k }
    var tallies = [[Int32: Int]](repeating: [:], count: chosen.count)
    for row in 0..<incidents.count {
      guard let cell = layout.cell(of: incidents.point(row)), let k = position[cell] else { continue }
      tallies[k][location.codes[row], default: 0] += 1
    }
    return tallies.map { tally in
      tally.compactMap { code, count in
        let label = location.values[Int(code)]
        return label.trimmingSpaces().isEmpty ? nil : (label, count)
      }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.label < $1.label }
    }
  }
}
