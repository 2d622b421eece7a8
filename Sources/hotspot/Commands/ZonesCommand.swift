import Analyses
import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

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
      adds the baseline period's incidents and rate, the change and its exact p (exposures in days; \
      the population is taken as the same in both periods). --screen instead lists the \
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
      OptionSpec(name: "indicators", valueName: "file", help: "With --screen: CSV of indicators, the area id in the first column."),
      CommonOptions.format, CommonOptions.output, CommonOptions.crs,
    ] + CommonOptions.incidentColumns + [CommonOptions.quiet])

  let arguments: [String]
  let zonesFile: String
  let incidentSpecs: [String]
  let populationFile: String
  let filter: IncidentFilter
  let baselinePeriod: Period?
  let per: Double
  let idField: String?
  let nameField: String?
  let format: OutputFormat
  let outputPath: String?
  let declaredCRS: CRS?
  let columns: IncidentColumnOptions
  let quiet: Bool
  let screen: (candidates: String, criteria: String, indicators: String?)?

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments.original
    zonesFile = arguments.value("zones") ?? ""
    incidentSpecs = arguments.values("incidents")
    populationFile = arguments.value("population") ?? ""
    filter = try InputOptions.filter(arguments)
    baselinePeriod = try arguments.value("compare-to").map { text throws(UsageError) in
      try ValueSyntax.period(text, option: "compare-to")
    }
    if baselinePeriod != nil && filter.period == nil {
      throw UsageError("'--compare-to' needs '--period': the change is measured from the baseline to the period.")
    }
    per = try InputOptions.per(arguments, defaultValue: 10_000)
    idField = arguments.value("id-field")
    nameField = arguments.value("name-field")
    outputPath = arguments.value("output")
    format = try OutputFormat.resolve(
      option: arguments.value("format"), outputPath: outputPath, supported: [.text, .csv, .md, .json])
    declaredCRS = try InputOptions.crs(arguments)
    columns = InputOptions.incidentColumns(arguments, declaredCRS: declaredCRS)
    quiet = arguments.flag("quiet")
    if arguments.flag("screen") {
      guard let candidates = arguments.value("candidates"), let criteria = arguments.value("criteria") else {
        throw UsageError("'--screen' needs '--candidates FILE' and '--criteria FILE.json'.")
      }
      if zonesFile != "" { throw UsageError("'--screen' ranks '--candidates'; leave out '--zones'.") }
      if baselinePeriod != nil { throw UsageError("'--screen' takes its years from the data; leave out '--compare-to'.") }
      screen = (candidates, criteria, arguments.value("indicators"))
    } else {
      if zonesFile == "" { throw UsageError("Missing '--zones FILE' (or '--screen' with '--candidates').") }
      for name in ["candidates", "criteria", "indicators"] where arguments.value(name) != nil {
        throw UsageError("'--\(name)' goes with '--screen'.")
      }
      screen = nil
    }
  }

  func run(_ console: Console) throws {
    if let screen {
      try ZonesScreen(command: self).run(
        console, candidatesFile: screen.candidates, criteriaFile: screen.criteria, indicatorsFile: screen.indicators)
      return
    }
    let layer = try AreaLayer.load(file: zonesFile, declaredCRS: declaredCRS, idField: idField, nameField: nameField)
    let index = PolygonIndex(areas: layer.geometries)
    var current = ZoneTally(zoneCount: layer.count)
    var baseline = ZoneTally(zoneCount: layer.count)
    let baselineFilter = baselinePeriod.map { IncidentFilter(period: $0, categories: filter.categories) }
    var warnings: [String] = []
    let report = try IncidentInput.stream(incidentSpecs, options: columns, working: layer.working) { chunk in
      let kept = filter.apply(to: chunk).table
      for row in 0..<kept.count { current.add(zones: index.allContaining(kept.point(row))) }
      if let baselineFilter {
        let before = baselineFilter.apply(to: chunk).table
        for row in 0..<before.count { baseline.add(zones: index.allContaining(before.point(row))) }
      }
    }
    warnings += report.problems.map(\.description)
    let population = try self.population(layer: layer, index: index, warnings: &warnings)
    if current.inSeveral > 0 {
      warnings.append("\(current.inSeveral) incidents lie in two or more zones: counted in each, once in all-zones")
    }
    for warning in warnings { console.error("warning: \(warning)\n") }

    let rateColumn = "rate_per_" + NumberText.shortest(per)
    var columns: [Table.Column] = [
      .init("zone_id"), .init("zone_name"), .init("incidents", alignment: .right), .init("population", alignment: .right),
      .init(rateColumn, alignment: .right),
    ]
    if baselinePeriod != nil {
      columns += ["baseline_incidents", "baseline_" + rateColumn, "change_pct", "p_change"].map { Table.Column($0, alignment: .right) }
    }
    var keys: [(String, String)] = layer.ids.indices.map { (layer.ids[$0], layer.names[$0]) }
    keys += [("all-zones", "all zones together"), ("outside-zones", "outside every zone"), ("total", "total")]
    let counts = current.perZone + [current.allZones, current.outside, current.total]
    let before = baseline.perZone + [baseline.allZones, baseline.outside, baseline.total]
    var rows: [[Table.Cell]] = []
    for (r, key) in keys.enumerated() {
      let count = Int(counts[r])
      let people = population[r]
      var cells: [Table.Cell] = [.text(key.0), .text(key.1), .integer(count)]
      cells.append(people.map { .number($0, digits: $0.rounded() == $0 ? 0 : 2) } ?? .empty)
      cells.append(Rates.perPopulation(count, population: people, per: per).map { .number($0, digits: 2) } ?? .empty)
      if let period = filter.period, let baselinePeriod {
        let earlier = Int(before[r])
        cells.append(.integer(earlier))
        cells.append(Rates.perPopulation(earlier, population: people, per: per).map { .number($0, digits: 2) } ?? .empty)
        cells.append(Rates.percentChange(from: earlier, to: count).map { .number($0, digits: 2) } ?? .empty)
        let p = CountComparison.pValue(
          current: count, currentExposure: Double(period.dayCount), baseline: earlier,
          baselineExposure: Double(baselinePeriod.dayCount))
        cells.append(.significant(p, digits: 4))
      }
      rows.append(cells)
    }
    let table = Table(columns: columns, rows: rows)
    var choices: [(String, JSONValue)] = [
      ("period", filter.period.map { .string($0.description) } ?? "all incidents"),
      ("population_rule", "each population point counts for every zone containing it (ONS best-fit); all-zones counts it once"),
      ("incidents_in_several_zones", .number(Double(current.inSeveral))),
    ]
    if let baselinePeriod {
      choices.append(("baseline_period", .string(baselinePeriod.description)))
      choices.append(("p_change", "exact binomial test of the two counts, exposures in days"))
    }
    let text: String
    switch format {
    case .csv: text = CSVTable.render(table)
    case .md: text = MarkdownTable.render(table)
    case .json: text = JSONValue.object([("summary", .object(choices)), ("zones", JSONTable.value(table))]).rendered()
    default: text = TextTable.render(table, maxWidth: outputPath == nil ? console.width : nil)
    }
    guard let outputPath else {
      console.output(text)
      return
    }
    let inputs = layer.source.files + (try IncidentSources.expand(incidentSpecs)) + [populationFile]
    try AtomicFile.write(text, to: outputPath, inputs: inputs)
    var provenance = Provenance(command: "zones", arguments: arguments, inputs: inputs)
    provenance.record("working_crs", .string(layer.working.identifier))
    provenance.record("id_field", .string(layer.idField))
    for (key, value) in choices { provenance.record(key, value) }
    try provenance.write(beside: outputPath)
  }

  /// Population per zone, then all-zones, outside-zones and total (nil where unknown).
  private func population(layer: AreaLayer, index: PolygonIndex, warnings: inout [String]) throws -> [Double?] {
    switch try AreaTables.population(file: populationFile, declaredCRS: declaredCRS) {
    case .byArea(let rows):
      var byID: [String: Double] = [:]
      for row in rows { byID[row.id, default: 0] += row.population }
      let unknown = byID.keys.filter { !layer.ids.contains($0) && !["all-zones", "outside-zones", "total"].contains($0) }.sorted()
      if !unknown.isEmpty {
        warnings.append("\(populationFile): \(unknown.count) ids match no zone (e.g. \(unknown.prefix(3).joined(separator: ", ")))")
      }
      let zones = layer.ids.map { byID[$0] }
      let all = byID["all-zones"] ?? (zones.contains { $0 == nil } ? nil : zones.reduce(0) { $0 + ($1 ?? 0) })
      var outside = byID["outside-zones"], total = byID["total"]
      if outside == nil, let total, let all { outside = total - all }
      if total == nil, let outside, let all { total = outside + all }
      return zones + [all, outside, total]
    case .points(var x, var y, let population, let crs):
      guard let transform = CoordinateTransform(from: crs, to: layer.working) else {
        throw InputError(file: populationFile, reason: .other("points in \(crs) cannot be related to the zones"))
      }
      transform.apply(x: &x, y: &y)
      var tally = ZoneTally(zoneCount: layer.count)
      for i in x.indices { tally.add(zones: index.allContaining(Point(x: x[i], y: y[i])), weight: population[i]) }
      let empty = layer.ids.indices.filter { tally.perZone[$0] == 0 }
      if !empty.isEmpty {
        warnings.append("no population point lies in \(empty.map { layer.ids[$0] }.joined(separator: ", ")): its rate is left empty")
      }
      return tally.perZone.map { $0 > 0 ? $0 : nil } + [tally.allZones, tally.outside, tally.total]
    }
  }
}
