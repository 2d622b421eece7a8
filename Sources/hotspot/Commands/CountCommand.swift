import Analyses
import GeoCore
import GeoIO
import Rendering
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
      --snap 25m gives them to the nearest area.
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
      OptionSpec(name: "id-field", valueName: "name", help: "Area property holding the id (detected if absent)."),
      OptionSpec(name: "name-field", valueName: "name", help: "Area property holding the name (detected if absent)."),
      .flag("overlapping", help: "The areas may overlap: count a point in every area containing it."),
      OptionSpec(name: "snap", valueName: "distance", help: "Give points this close outside to the nearest area."),
      OptionSpec(name: "suppress-below", valueName: "n", help: "Publish counts under n as <n (zero stays 0)."),
      CommonOptions.format, CommonOptions.output, CommonOptions.crs,
    ] + CommonOptions.incidentColumns + [CommonOptions.quiet])

  let arguments: [String]
  let areasFile: String
  let incidentSpecs: [String]
  let filter: IncidentFilter
  let baselinePeriod: Period?
  let breakdown: Breakdown?
  let populationField: String?
  let populationFile: String?
  let per: Double
  let groupField: String?
  let lookupFile: String?
  let idField: String?
  let nameField: String?
  let overlapping: Bool
  let snap: Double?
  let suppressBelow: Double?
  let format: OutputFormat
  let outputPath: String?
  let declaredCRS: CRS?
  let columns: IncidentColumnOptions
  let quiet: Bool

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments.original
    areasFile = arguments.value("areas") ?? ""
    incidentSpecs = arguments.values("incidents")
    filter = try InputOptions.filter(arguments)
    baselinePeriod = try arguments.value("compare-to").map { text throws(UsageError) in
      try ValueSyntax.period(text, option: "compare-to")
    }
    if baselinePeriod != nil && filter.period == nil {
      throw UsageError("'--compare-to' needs '--period': the change is measured from the baseline to the period.")
    }
    breakdown = arguments.value("by").flatMap { Breakdown(rawValue: $0.lowercased()) }
    (populationField, populationFile) = try InputOptions.population(arguments)
    per = try InputOptions.per(arguments)
    groupField = arguments.value("group-field")
    lookupFile = arguments.value("lookup")
    if groupField != nil && lookupFile != nil {
      throw UsageError("Roll up by '--group-field' or '--lookup', not both.")
    }
    idField = arguments.value("id-field")
    nameField = arguments.value("name-field")
    overlapping = arguments.flag("overlapping")
    suppressBelow = try InputOptions.suppressBelow(arguments)
    snap = try arguments.value("snap").map { text throws(UsageError) in try ValueSyntax.distance(text, option: "snap") }
    outputPath = arguments.value("output")
    format = try OutputFormat.resolve(
      option: arguments.value("format"), outputPath: outputPath, supported: [.text, .csv, .md, .json, .geojson])
    declaredCRS = try InputOptions.crs(arguments)
    columns = InputOptions.incidentColumns(arguments, declaredCRS: declaredCRS)
    quiet = arguments.flag("quiet")
  }

  func run(_ console: Console) throws {
    let (layer, result) = try compute(console)
    let text: String
    switch format {
    case .text: text = result.text(width: outputPath == nil ? console.width : nil)
    case .csv: text = CSVTable.render(result.areaTable)
    case .md: text = result.markdown
    case .json: text = result.json.rendered()
    case .geojson: text = try result.geoJSON()
    case .html, .asc, .svg: text = ""
    }
    guard let outputPath else {
      console.output(text)
      if format == .csv, let groupTable = result.groupTable {
        console.output("\r\n" + CSVTable.render(groupTable))
      }
      return
    }
    let inputs = layer.source.files + (try IncidentSources.expand(incidentSpecs)) + [populationFile, lookupFile].compactMap { $0 }
    try AtomicFile.write(text, to: outputPath, inputs: inputs)
    if format == .csv, let groupTable = result.groupTable {
      try AtomicFile.write(CSVTable.render(groupTable), to: CountCommand.groupsPath(outputPath), inputs: inputs)
    }
    var provenance = Provenance(command: "count", arguments: arguments, inputs: inputs)
    for (key, value) in choices(layer: layer, result: result) { provenance.record(key, value) }
    try provenance.write(beside: outputPath)
    if !quiet { console.error(result.summaryText) }
  }

  /// Reads the areas and incidents and counts them: the shared core of `count` and `report`.
  /// Each chunk of incidents kept by the filter (in the working CRS) is also handed to `kept`,
  /// with all its columns. Warnings go to the console's error stream.
  func compute(_ console: Console, kept keep: ((IncidentTable) -> Void)? = nil) throws -> (AreaLayer, CountResult) {
    // The areas are read and indexed on another thread while the first incidents are read.
    let (areasFile, declaredCRS, idField, nameField, snap) = (areasFile, declaredCRS, idField, nameField, snap)
    let indexed = BackgroundValue { () throws(InputError) -> IndexedAreas in
      let layer = try AreaLayer.load(file: areasFile, declaredCRS: declaredCRS, idField: idField, nameField: nameField)
      return IndexedAreas(
        layer: layer, index: PolygonIndex(areas: layer.geometries),
        nearest: NearestBoundary(areas: layer.geometries, radius: max(25, snap ?? 0)))
    }
    let makeTally = { (areaCount: Int, breakdown: Breakdown?) in
      AreaTally(
        areaCount: areaCount, breakdown: breakdown, overlapping: overlapping, nearDistance: 25, snapDistance: snap)
    }
    var tallies: (counted: AreaTally, baseline: AreaTally)?
    let baselineFilter = baselinePeriod.map { IncidentFilter(period: $0, categories: filter.categories) }
    var filtered = IncidentFilter.Outcome()
    var incidentBox = BoundingBox.empty
    var options = columns
    options.keepsLabels = keep != nil || breakdown == .category || !filter.categories.isEmpty
    let report: IncidentReadReport
    do {
      report = try IncidentInput.stream(
        incidentSpecs, options: options, working: { () throws(InputError) in try indexed.value().layer.working }
      ) { (chunk: IncidentTable) throws(InputError) in
        let areas = try indexed.value()
        var (tally, baselineTally) = tallies.take() ?? (makeTally(areas.layer.count, breakdown), makeTally(areas.layer.count, nil))
        let (kept, outcome) = filter.apply(to: chunk)
        filtered.add(outcome)
        tally.add(kept, index: areas.index, nearest: areas.nearest)
        // Only wanted while nothing is counted (see checkSanity).
        if tally.counted == 0 { incidentBox = incidentBox.union(chunk.boundingBox) }
        keep?(kept)
        if let baselineFilter {
          baselineTally.add(baselineFilter.apply(to: chunk).table, index: areas.index, nearest: areas.nearest)
        }
        tallies = (tally, baselineTally)
      }
    } catch {
      // A fault in the areas is reported first, as when they were read before the incidents.
      _ = try indexed.value()
      throw error
    }
    let layer = try indexed.value().layer
    console.progress("areas: \(layer.count) from \(areasFile), working CRS \(layer.working)", quiet: quiet)
    let (tally, baselineTally) = tallies ?? (makeTally(layer.count, breakdown), makeTally(layer.count, nil))
    try checkSanity(layer: layer, report: report, tally: tally, filtered: filtered, incidentBox: incidentBox)

    var warnings: [String] = []
    let population = try populations(layer: layer, warnings: &warnings)
    let groups = try groupsOfAreas(layer: layer, warnings: &warnings)
    var result = CountResult(
      layer: layer, tally: tally, baseline: baselineFilter == nil ? nil : baselineTally,
      period: filter.period, baselinePeriod: baselinePeriod, population: population, per: per,
      groups: groups, report: report, filtered: filtered)
    result.suppressBelow = suppressBelow
    let readProblems = report.problems.map(\.description)
    for warning in readProblems + warnings + result.warnings { console.error("warning: \(warning)\n") }
    return (layer, result)
  }

  /// Every value the run chose or read, for provenance and the report's methods section.
  func choices(layer: AreaLayer, result: CountResult) -> [(String, JSONValue)] {
    let report = result.report
    return [
      ("areas_crs", .string(layer.source.crsDecision.crs.identifier)),
      ("areas_crs_rule", .string(layer.source.crsDecision.rule.description)),
      ("incidents_crs", .string(report.crsDecision.crs.identifier)),
      ("incidents_crs_rule", .string(report.crsDecision.rule.description)),
      ("working_crs", .string(layer.working.identifier)),
      ("id_field", .string(layer.idField)),
      ("name_field", .string(layer.nameField)),
      ("coordinate_columns", .string(report.mapping.reason)),
      ("edge_rule", "half-open crossing: east of vertical edges, north of horizontal ones"),
      ("layer", .string(overlapping ? "overlapping" : "partition")),
      ("near_boundary_m", 25),
      ("snap_m", snap.map(JSONValue.number) ?? .null),
      ("summary", result.summaryJSON),
    ]
  }

  /// `counts.csv` → `counts.groups.csv`.
  static func groupsPath(_ output: String) -> String {
    guard let dot = output.lastIndex(of: "."), !output[dot...].contains("/") else { return output + ".groups.csv" }
    return output[..<dot] + ".groups" + output[dot...]
  }

  /// Errors for runs whose answer would mislead: no incidents near the areas, an empty period.
  private func checkSanity(
    layer: AreaLayer, report: IncidentReadReport, tally: AreaTally, filtered: IncidentFilter.Outcome,
    incidentBox: BoundingBox
  ) throws(InputError) {
    let files = incidentSpecs.joined(separator: ", ")
    if report.rowsWithLocation == 0 {
      let reasons = report.skippedByReason.map { "\($0.count) \($0.reason)" }.joined(separator: "; ")
      throw InputError(
        file: files,
        reason: .other(
          "no row has a usable location (\(report.dataRows) rows; \(report.rowsWithoutLocation) without location"
            + (reasons.isEmpty ? "" : "; skipped: " + reasons) + ")"))
    }
    if let period = filter.period, report.rowsWithLocation > 0, filtered.kept == 0 {
      let months = report.months
      let covered = months.isEmpty
        ? "no dates" : "\(IncidentDate.monthText(monthIndex: months[0].monthIndex))..\(IncidentDate.monthText(monthIndex: months[months.count - 1].monthIndex))"
      throw InputError(file: files, reason: .other("no incident falls in the period \(period) (the files cover \(covered))"))
    }
    if tally.counted == 0 && tally.total > 0 {
      let areasBox = layer.geometries.reduce(BoundingBox.empty) { $0.union($1.boundingBox) }
      let margin: Double = layer.working == .planar ? 0 : 40_000
      let grown = BoundingBox(
        minX: areasBox.minX - margin, minY: areasBox.minY - margin, maxX: areasBox.maxX + margin,
        maxY: areasBox.maxY + margin)
      if !grown.intersects(incidentBox) {
        throw InputError(
          file: files,
          reason: .other(
            "no incident falls within 40 km of the areas; is the CRS right? (incidents read as \(report.crsDecision.crs): \(report.crsDecision.rule); areas as \(layer.source.crsDecision.crs))"))
      }
    }
  }

  /// Population per area from the chosen source, nil where missing.
  private func populations(layer: AreaLayer, warnings: inout [String]) throws -> [Double?]? {
    if let populationField {
      return layer.property(populationField).map { $0?.number }
    }
    guard let populationFile else { return nil }
    switch try AreaTables.population(file: populationFile, declaredCRS: declaredCRS) {
    case .byArea(let rows):
      var byID: [String: Double] = [:]
      var unknown: [String] = []
      for row in rows {
        if layer.ids.contains(row.id) { byID[row.id, default: 0] += row.population } else { unknown.append(row.id) }
      }
      if !unknown.isEmpty {
        warnings.append(
          "\(populationFile): \(unknown.count) ids match no area (e.g. \(unknown.prefix(3).joined(separator: ", ")))")
      }
      return layer.ids.map { byID[$0] }
    case .points(var x, var y, let population, let crs):
      guard let transform = CoordinateTransform(from: crs, to: layer.working) else {
        throw InputError(file: populationFile, reason: .other("points in \(crs) cannot be related to the areas"))
      }
      transform.apply(x: &x, y: &y)
      let index = PolygonIndex(areas: layer.geometries)
      var sums = [Double?](repeating: nil, count: layer.count)
      var outside = 0
      for i in x.indices {
        if let area = index.firstContaining(Point(x: x[i], y: y[i])) {
          sums[area] = (sums[area] ?? 0) + population[i]
        } else {
          outside += 1
        }
      }
      if outside > 0 { warnings.append("\(populationFile): \(outside) population points lie in no area and were left out") }
      return sums
    }
  }

  /// The group of each area (nil where none), from a property or a lookup file.
  private func groupsOfAreas(layer: AreaLayer, warnings: inout [String]) throws -> [String?]? {
    if let groupField {
      let groups = layer.property(groupField).map { $0?.text }
      if groups.allSatisfy({ $0 == nil }) {
        throw InputError(file: areasFile, field: groupField, reason: .other("no area has this property"))
      }
      return groups
    }
    guard let lookupFile else { return nil }
    var groupOf: [String: String] = [:]
    for row in try AreaTables.lookup(file: lookupFile) where groupOf[row.id] == nil { groupOf[row.id] = row.group }
    let groups = layer.ids.map { groupOf[$0] }
    let missing = zip(layer.ids, groups).filter { $0.1 == nil }.map(\.0)
    if !missing.isEmpty {
      warnings.append(
        "\(lookupFile): \(missing.count) areas have no group (e.g. \(missing.prefix(3).joined(separator: ", ")))")
    }
    return groups
  }
}

/// The areas of a count with their point-in-polygon and nearest-boundary indexes.
private struct IndexedAreas {
  var layer: AreaLayer
  var index: PolygonIndex
  var nearest: NearestBoundary
}
