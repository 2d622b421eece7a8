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
      OptionSpec(name: "population", valueName: "file", help: "Population CSV (area_id,population or centroid points)."),
      OptionSpec(name: "per", valueName: "n", help: "Rates per this many people.", defaultValue: "1000"),
      OptionSpec(name: "group-field", valueName: "name", help: "Area property to roll areas up by."),
      OptionSpec(name: "lookup", valueName: "file", help: "CSV of area id → group."),
      OptionSpec(name: "id-field", valueName: "name", help: "Area property holding the id."),
      OptionSpec(name: "name-field", valueName: "name", help: "Area property holding the name."),
      OptionSpec(name: "suppress-below", valueName: "n", help: "Show counts under n as <n on maps and tables."),
      OptionSpec(name: "title", valueName: "text", help: "The report's title."),
      OptionSpec(name: "attribution", valueName: "text", help: "A source line (repeatable).", repeating: true),
      OptionSpec(name: "top", valueName: "n", help: "Rows in the ranked table.", defaultValue: "20"),
      OptionSpec(name: "output", valueName: "file", help: "The report (.html), written atomically.", shortName: "o", isRequired: true),
      CommonOptions.crs,
    ] + CommonOptions.incidentColumns + [CommonOptions.quiet])

  let arguments: [String]
  let count: CountRequest
  let quiet: Bool
  /// The maps' classes, palette, suppression and attribution (`hotspot map`'s defaults).
  let maps: MapRequest
  let title: String?
  let top: Int
  let outputPath: String

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments.original
    outputPath = arguments.value("output") ?? ""
    guard outputPath.lowercased().hasSuffix(".html") || outputPath.lowercased().hasSuffix(".htm") else {
      throw UsageError("'report' writes HTML: give an --output ending in .html.")
    }
    let shared = arguments.removing(["output", "title", "top", "attribution"])
    var count = try CountCommand.request(shared)
    // The maps need the incidents themselves: kept as they are counted.
    count.keepsIncidents = true
    self.count = count
    quiet = arguments.flag("quiet")
    maps = MapRequest(
      areasFile: arguments.value("areas") ?? "", incidents: IncidentSource(files: arguments.values("incidents")),
      suppressBelow: try InputOptions.suppressBelow(arguments), attribution: arguments.values("attribution"))
    do { try maps.validate() } catch { throw UsageError(error.message) }
    title = arguments.value("title")
    guard let top = Int(arguments.value("top") ?? "20"), top > 0 else {
      throw UsageError("The value for '--top' must be a positive whole number.")
    }
    self.top = top
  }

  func run(_ console: Console) throws {
    let result = try count.run(progress: { console.progress($0, quiet: quiet) })
    for warning in result.warnings { console.error("warning: \(warning)\n") }
    let (layer, incidents) = (result.layer, result.incidents)
    let builder = MapLayers(
      areas: layer, incidents: incidents, classes: maps.classes, classesDescription: maps.classesDescription,
      suppressBelow: maps.suppressBelow, populationField: count.populationField,
      per: count.per, declaredCRS: count.incidents.declaredCRS)
    let recognised = MapAttribution.lines(areas: layer, report: result.report)
    let attribution = maps.attribution.isEmpty ? recognised.lines : maps.attribution
    var figures: [HTMLReport.Block] = []
    let mapSpecs: [(MapRequest.Layer, String, String)] = [
      (.count, "Incidents by area", "Incidents counted in each area; classes by \(maps.classesDescription)."),
      (.density, "Incident density", "Kernel density of incidents per km² (quartic kernel, defaults as 'hotspot density')."),
      (.gistar, "Hot spots (Getis-Ord Gi*)", "Areas whose counts, with their neighbours', are higher (hot) or lower (cold) than chance would give."),
    ]
    for (index, spec) in mapSpecs.enumerated() {
      var document = MapDocument(
        title: spec.1, subtitle: subtitle(result),
        layers: MapDrawing.layers(
          try builder.build(spec.0).contents, areas: layer, palette: maps.palette, classesDescription: maps.classesDescription),
        attribution: attribution, dataNote: recognised.note, generator: "hotspot \(Hotspot.version)")
      document.idPrefix = "map\(index + 1)"
      figures.append(.figure(svg: document.svg(), caption: spec.2))
    }
    let report = HTMLReport(
      title: title ?? "Incidents report", subtitle: subtitle(result), headline: headline(result),
      sections: [
        HTMLReport.Section("Maps", figures),
        HTMLReport.Section("Areas ranked by incidents", [.table(ranked(result), caption: "The \(min(top, layer.count)) areas with the most incidents")]),
      ] + comparison(result) + (try patrol(layer: layer, result: result, incidents: incidents)) + [
        HTMLReport.Section("Data quality", [.facts(quality(result, incidents: incidents))]),
        HTMLReport.Section("Methods and values chosen", [.facts(methods(layer: layer, result: result, builder: builder))]),
      ],
      footer: (recognised.note.map { [$0] } ?? []) + attribution + ["Made by hotspot \(Hotspot.version)."])
    let inputs = layer.source.files + (try count.incidents.expandedFiles())
    try AtomicFile.write(report.html(), to: outputPath, inputs: inputs)
    var provenance = Provenance(command: "report", arguments: arguments, inputs: inputs)
    for (key, value) in result.choices + builder.choices { provenance.record(key, value) }
    try provenance.write(beside: outputPath)
    if !quiet { console.error(result.summaryText) }
  }

  /// The places to patrol: the 10 busiest 150 m cells inside the areas, as `hotspot patrol --top 10`.
  private func patrol(layer: AreaLayer, result: CountResult, incidents: IncidentTable?) throws -> [HTMLReport.Section] {
    guard let incidents, incidents.count > 0 else { return [] }
    // patrol's own defaults (150 m squares ranked by count); the incidents are the report's,
    // already read and filtered.
    let request = PatrolRequest(incidents: IncidentSource(files: count.incidents.files), rule: .top(Self.patrolCells))
    let patrol = try request.run(
      incidents: incidents, areas: layer, working: layer.working, report: result.report, filtered: result.filtered)
    let text = "The \(Self.patrolCells) squares of 150 m with the most incidents, for short visits of 10–15 minutes (Koper 1995): "
      + patrol.statement + ". Grid references are Ordnance Survey's; the location is the most common police.uk label in the cell. "
      + "The Gini coefficient over all \(Format.count(patrol.layout.count)) cells is \(NumberText.fixed(patrol.concentration.gini, digits: 3))."
    return [HTMLReport.Section("Where to patrol", [.paragraph(text), .table(patrol.textTable, caption: "Patrol cells, busiest first")])]
  }

  /// How many cells the report's patrol section lists.
  static let patrolCells = 10

  private func subtitle(_ result: CountResult) -> String {
    var parts: [String] = []
    if let period = result.period { parts.append(period.description) }
    if !count.incidents.filter.categories.isEmpty { parts.append(count.incidents.filter.categories.joined(separator: ", ")) }
    parts.append("\(result.layer.count) areas")
    return parts.joined(separator: " · ")
  }

  private func headline(_ result: CountResult) -> [(label: String, value: String)] {
    var items: [(String, String)] = [
      ("incidents counted", Format.count(result.tally.counted)),
      ("areas", Format.count(result.layer.count)),
    ]
    if let baseline = result.baseline, let period = result.period, let baselinePeriod = result.baselinePeriod {
      let change = Rates.percentChange(from: baseline.counted, to: result.tally.counted)
      items.append(("change from \(baselinePeriod)", change.map { (($0 >= 0) ? "+" : "") + NumberText.fixed($0, digits: 1) + " %" } ?? "n/a"))
      let p = CountComparison.pValue(
        current: result.tally.counted, currentExposure: Double(period.dayCount), baseline: baseline.counted,
        baselineExposure: Double(baselinePeriod.dayCount))
      items.append(("p-value of the change", NumberText.significant(p, digits: 3)))
    }
    if let busiest = result.tally.counts.indices.max(by: { (result.tally.counts[$0], -$0) < (result.tally.counts[$1], -$1) }) {
      let name = result.layer.names[busiest].isEmpty ? result.layer.ids[busiest] : result.layer.names[busiest]
      items.append(("busiest area", "\(name) (\(Format.count(result.tally.counts[busiest])))"))
    }
    return items.map { (label: $0.0, value: $0.1) }
  }

  /// The columns of the ranked table, where present.
  static let rankedColumns = [
    "area_name", "count", "population", "per_km2", "baseline_count", "change", "change_pct",
    "p_change", "group",
  ]

  /// The area table sorted by count (ties by file order), cut to `top` rows, with a rank column
  /// and the columns a reader needs (counts under `--suppress-below` already read `<n`).
  private func ranked(_ result: CountResult) -> Table {
    let full = result.areaTable
    let keep = full.columns.indices.filter { index in
      let name = full.columns[index].name
      return Self.rankedColumns.contains(name) || name.hasPrefix("rate_per_")
    }
    let table = Table(columns: keep.map { full.columns[$0] }, rows: full.rows.map { row in keep.map { row[$0] } })
    guard let countColumn = table.columns.firstIndex(where: { $0.name == "count" }) else { return table }
    func count(_ row: [Table.Cell]) -> Int { if case .integer(let n) = row[countColumn] { n } else { 0 } }
    let order = table.rows.indices.sorted { (count(table.rows[$0]), -$0) > (count(table.rows[$1]), -$1) }
    var ranked = Table(columns: [Table.Column("rank", alignment: .right)] + table.columns)
    for (rank, index) in order.prefix(top).enumerated() {
      ranked.rows.append([.integer(rank + 1)] + table.rows[index])
    }
    return ranked
  }

  private func comparison(_ result: CountResult) -> [HTMLReport.Section] {
    guard let baseline = result.baseline, let period = result.period, let baselinePeriod = result.baselinePeriod else { return [] }
    let p = CountComparison.pValue(
      current: result.tally.counted, currentExposure: Double(period.dayCount), baseline: baseline.counted,
      baselineExposure: Double(baselinePeriod.dayCount))
    let text = "\(Format.count(result.tally.counted)) incidents in \(period) against \(Format.count(baseline.counted)) in \(baselinePeriod): "
      + "a change of \(Format.count(result.tally.counted - baseline.counted))"
      + (Rates.percentChange(from: baseline.counted, to: result.tally.counted).map { " (\(NumberText.fixed($0, digits: 1)) %)" } ?? "")
      + ". Two-sided p = \(NumberText.significant(p, digits: 3)) by the exact test for two Poisson counts with the periods' lengths as exposures; "
      + (p < 0.05 ? "a change beyond chance at the 5 % level." : "within what chance alone would give at the 5 % level.")
    return [HTMLReport.Section("Change from \(baselinePeriod)", [.paragraph(text)])]
  }

  private func quality(_ result: CountResult, incidents: IncidentTable?) -> [(label: String, value: String)] {
    let report = result.report
    var facts: [(String, String)] = [
      ("rows read", Format.count(report.dataRows) + " in " + report.files.map { $0.split(separator: "/").last.map(String.init) ?? $0 }.joined(separator: ", ")),
      ("counted in an area", Format.count(result.tally.counted)),
      ("outside every area", Format.count(result.tally.outside) + " (\(Format.count(result.tally.nearBoundary)) within 25 m of a boundary)"),
      ("without a location", Format.count(report.rowsWithoutLocation)),
      ("skipped as malformed", report.skippedByReason.isEmpty ? "0" : report.skippedByReason.map { "\($0.count) \($0.reason)" }.joined(separator: "; ")),
      ("filtered out", Format.count(result.filtered.removed)),
    ]
    if let incidents, incidents.count > 0 {
      var stacks: [Point: Int] = [:]
      for i in 0..<incidents.count { stacks[incidents.point(i), default: 0] += 1 }
      let stacked = stacks.values.filter { $0 >= 5 }.reduce(0, +)
      let largest = stacks.values.max() ?? 0
      facts.append((
        "stacked locations",
        "\(Format.count(stacks.count)) distinct places; \(NumberText.fixed(100 * Double(stacked) / Double(incidents.count), digits: 1)) % of incidents at places holding 5 or more; the largest stack holds \(largest)"
      ))
    }
    return facts.map { (label: $0.0, value: $0.1) }
  }

  private func methods(layer: AreaLayer, result: CountResult, builder: MapLayers) -> [(label: String, value: String)] {
    (result.choices.filter { $0.0 != "summary" } + builder.choices).map { key, value in
      let text: String =
        switch value {
        case .string(let s): s
        case .number(let n): NumberText.significant(n, digits: 6)
        case .array(let items): items.map { if case .number(let n) = $0 { NumberText.significant(n, digits: 5) } else { "" } }.joined(separator: ", ")
        case .null: "none"
        default: value.rendered().trimmingSpaces()
        }
      return (label: key.replacingOccurrences(of: "_", with: " "), value: text)
    }
  }
}
