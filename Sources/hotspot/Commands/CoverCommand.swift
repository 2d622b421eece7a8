import Analyses
import GeoCore
import GeoIO
import Rendering
import Reports
import SpatialAnalysis

/// `hotspot cover`: the share of incidents within a radius of existing sites (cameras), and the
/// new sites that would cover the most of the rest (greedy maximal covering).
struct CoverCommand: HotspotCommand {
  static let spec = CommandSpec(
    name: "cover",
    abstract: "Incidents within a radius of existing sites, and the new sites that would cover the most of the rest.",
    discussion: """
      An incident is covered when its distance to a site is at most --radius (the radius itself \
      counts), measured in metres in the working CRS (British National Grid for data in Great \
      Britain). --add k chooses k new sites one at a time, each the candidate covering the most \
      incidents not yet covered (by the existing sites or the sites chosen before it); ties go to \
      the candidate first in order (file order for --candidates; for cell centres, rows from the \
      south, west to east). This greedy choice covers at least (1 − 1/e) ≈ 63.2 % of what the best \
      possible k candidates would (Nemhauser, Wolsey & Fisher 1978); the run also prints an upper \
      bound on that best, so the actual guarantee is usually much tighter. Candidates are \
      --candidates points, else the centres of square cells of --cell (default 50m) over the \
      incidents' extent, or those inside --areas. cumulative_covered and cumulative_share count \
      the existing sites' incidents too; location is the most common location label among the \
      incidents a site newly covers.
      """,
    options: [
      CommonOptions.incidents,
      OptionSpec(
        name: "sites", valueName: "file",
        help: "Existing sites: CSV with coordinate columns (site_id,easting,northing,name) or GeoJSON/Shapefile points."),
      OptionSpec(name: "radius", valueName: "distance", help: "Covering distance (150m), the radius itself included.", isRequired: true),
      OptionSpec(name: "add", valueName: "k", help: "Choose this many new sites.", defaultValue: "0"),
      OptionSpec(name: "candidates", valueName: "file", help: "Candidate sites (CSV or GeoJSON/Shapefile points); default: cell centres."),
      OptionSpec(name: "cell", valueName: "size", help: "Without --candidates: candidates at the centres of square cells of this size.", defaultValue: "50m"),
      OptionSpec(name: "areas", valueName: "file", help: "Without --candidates: only cells whose centre lies inside these areas."),
      OptionSpec(
        name: "extent", valueName: "xmin,ymin,xmax,ymax",
        help: "Without --candidates: the cell grid's extent in metres of the working CRS, used exactly."),
      CommonOptions.period, CommonOptions.category,
      OptionSpec(
        name: "format", valueName: "format", help: "Output format; by default taken from the --output extension, else text.",
        allowedValues: ["text", "csv", "json", "geojson"]),
      CommonOptions.output, CommonOptions.crs,
    ] + CommonOptions.incidentColumns + [CommonOptions.quiet])

  let arguments: [String]
  let incidentSpecs: [String]
  let sitesFile: String?
  let radius: Double
  let add: Int
  let candidatesFile: String?
  let cell: Double
  let areasFile: String?
  let extent: BoundingBox?
  let filter: IncidentFilter
  let format: OutputFormat
  let outputPath: String?
  let declaredCRS: CRS?
  let columns: IncidentColumnOptions
  let quiet: Bool

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments.original
    incidentSpecs = arguments.values("incidents")
    sitesFile = arguments.value("sites")
    radius = try ValueSyntax.distance(arguments.value("radius") ?? "", option: "radius")
    let addText = arguments.value("add") ?? "0"
    guard let add = Int(addText), add >= 0, add <= 100_000 else {
      throw UsageError("The value '\(addText)' for '--add' must be a whole number from 0 to 100000.")
    }
    self.add = add
    candidatesFile = arguments.value("candidates")
    cell = try ValueSyntax.distance(arguments.value("cell") ?? "50m", option: "cell")
    areasFile = arguments.value("areas")
    extent = try arguments.value("extent").map { text throws(UsageError) in try ValueSyntax.extent(text) }
    if candidatesFile != nil {
      for name in ["cell", "areas", "extent"] where arguments.value(name) != nil {
        throw UsageError("'--\(name)' places candidate cells; with '--candidates' the candidates are the file's points.")
      }
    }
    if sitesFile == nil && add == 0 {
      throw UsageError("Nothing to do: give '--sites FILE' (coverage of existing sites) and/or '--add k' (new sites).")
    }
    if arguments.value("weight-column") != nil {
      throw UsageError("'cover' counts incidents; '--weight-column' is not used.")
    }
    filter = try InputOptions.filter(arguments)
    outputPath = arguments.value("output")
    format = try OutputFormat.resolve(
      option: arguments.value("format"), outputPath: outputPath, supported: [.text, .csv, .json, .geojson])
    declaredCRS = try InputOptions.crs(arguments)
    columns = InputOptions.incidentColumns(arguments, declaredCRS: declaredCRS)
    quiet = arguments.flag("quiet")
  }

  func run(_ console: Console) throws {
    let areas = try areasFile.map { file throws in
      try AreaLayer.load(file: file, declaredCRS: declaredCRS, idField: nil, nameField: nil)
    }
    let sites = try sitesFile.map { file throws in try PointLayer.load(file: file, declaredCRS: declaredCRS, valueColumn: nil) }
    let candidateLayer = try candidatesFile.map { file throws in
      try PointLayer.load(file: file, declaredCRS: declaredCRS, valueColumn: nil)
    }
    let (demand, working) = try CoverDemand.read(
      specs: incidentSpecs, options: columns, filter: filter,
      working: areas?.working ?? sites?.working ?? candidateLayer?.working)
    var notes = demand.readReport.problems.map(\.description)
    if demand.filtered.straddlingMonths > 0 {
      notes.append("\(demand.filtered.straddlingMonths) incidents dated only by a month that straddles an end of --period were left out")
    }
    let sitePoints = try sites.map { layer throws in try Self.project(layer, to: working) } ?? []
    if let sites, !sitePoints.isEmpty {
      let box = BoundingBox(points: sitePoints)
      let reach = BoundingBox(minX: box.minX - radius, minY: box.minY - radius, maxX: box.maxX + radius, maxY: box.maxY + radius)
      if !reach.intersects(BoundingBox(points: demand.points)) {
        notes.append(
          "no site of \(sites.file) lies within \(NumberText.shortest(radius)) m of the incidents' extent; is the CRS right? (incidents read as \(demand.sourceCRS), sites as \(sites.sourceCRS))")
      }
    }

    // Candidates: the file's points, or cell centres.
    var choices: [(String, JSONValue)] = [
      ("working_crs", .string(working.identifier)),
      ("incidents_crs", .string(demand.sourceCRS.identifier)),
      ("radius_m", .number(radius)),
      ("covered_rule", "distance to the site ≤ radius (the radius itself included), planar, in the working CRS"),
    ]
    if let period = filter.period { choices.append(("period", .string(period.description))) }
    if !filter.categories.isEmpty { choices.append(("categories", .array(filter.categories.map(JSONValue.string)))) }
    let candidates: [Point]
    if let candidateLayer {
      candidates = try Self.project(candidateLayer, to: working)
      choices.append(("candidates", .string("points of \(candidateLayer.file), ties to the first in the file")))
    } else if add > 0 {
      let layout = try cellLayout(areas: areas, demand: demand)
      candidates = Self.cellsNear(demand.points, radius: radius, layout: layout).map { layout.centre(of: $0) }
      choices.append(("candidates", .string("centres of \(NumberText.shortest(cell)) m cells: \(layout.rule.rawValue); ties to the southernmost, then westernmost")))
      choices.append(("cell_m", .number(cell)))
      choices.append(("cells", .number(Double(layout.count))))
      let box = layout.extent
      choices.append(("grid", .array([.number(box.minX), .number(box.minY), .number(box.maxX), .number(box.maxY)])))
    } else {
      candidates = []
    }
    console.progress(
      "incidents: \(demand.incidentCount) at \(demand.points.count) distinct places; candidates: \(candidates.count); working CRS \(working)",
      quiet: quiet)

    let cover = MaximalCovering(points: demand.points, weights: demand.weights, radius: radius)
    let existing = cover.covered(by: sitePoints)
    let result = cover.greedy(candidates: candidates, count: add, covered: existing)
    let total = demand.incidentCount
    if result.selections.count < add {
      notes.append("only \(result.selections.count) of the \(add) sites asked for cover any further incident; the rest would add nothing")
    }
    let table = try siteTable(result: result, candidates: candidates, demand: demand, working: working, total: total)

    choices.append(("incidents", .number(Double(total))))
    choices.append(("incident_places", .number(Double(demand.points.count))))
    if let sites {
      choices.append(("sites", .string(sites.file)))
      choices.append(("existing_sites", .number(Double(sites.count))))
    }
    choices.append(("existing_covered", .number(Double(result.initiallyCovered))))
    choices.append(("existing_share", .number(Self.share(result.initiallyCovered, total))))
    choices.append(("candidates_considered", .number(Double(candidates.count))))
    choices.append(("candidates_covering_any", .number(Double(result.usefulCandidates))))
    choices.append(("added", .number(Double(result.selections.count))))
    choices.append(("added_covered", .number(Double(result.gained))))
    choices.append(("total_covered", .number(Double(result.initiallyCovered + result.gained))))
    choices.append(("total_share", .number(Self.share(result.initiallyCovered + result.gained, total))))
    if add > 0 {
      choices.append(("method", "greedy maximal covering (lazy evaluation, same choice as plain greedy): within (1 − 1/e) ≈ 63.2 % of the best k candidates (Nemhauser, Wolsey & Fisher 1978)"))
      choices.append(("best_possible_at_most", .number(Double(result.upperBound))))
      choices.append(("upper_bound_rule", "min(sum of the k largest single-site gains, greedy + the k largest gains left after it, all reachable incidents) (Leskovec et al. 2007)"))
      choices.append(("guaranteed_share_of_best", .number(Self.guarantee(result))))
    }

    let text: String
    switch format {
    case .csv: text = CSVTable.render(table)
    case .json: text = JSONValue.object([("summary", .object(choices)), ("sites", JSONTable.value(table))]).rendered()
    case .geojson:
      text = try TableGeoJSON.write(
        table, geometries: result.selections.map { .point(candidates[$0.candidate]) }, from: working,
        file: candidatesFile ?? incidentSpecs.first ?? "")
    default:
      text = summary(result: result, sites: sites, total: total, candidates: candidates.count)
        + (table.rows.isEmpty ? "" : "\n" + TextTable.render(table, maxWidth: outputPath == nil ? console.width : nil))
    }
    for note in notes { console.error("warning: \(note)\n") }
    guard let outputPath else {
      console.output(text)
      return
    }
    let inputs = demand.files + [sitesFile, candidatesFile].compactMap { $0 } + (areas?.source.files ?? [])
    try AtomicFile.write(text, to: outputPath, inputs: inputs)
    var provenance = Provenance(command: "cover", arguments: arguments, inputs: inputs)
    for (key, value) in choices { provenance.record(key, value) }
    try provenance.write(beside: outputPath)
    if !quiet { console.error(summary(result: result, sites: sites, total: total, candidates: candidates.count)) }
  }

  /// The added sites: `rank,x,y,new_covered,cumulative_covered,cumulative_share,lon,lat,grid_ref,location`.
  private func siteTable(
    result: MaximalCovering.Result, candidates: [Point], demand: CoverDemand, working: CRS, total: Int
  ) throws -> Table {
    let columns: [Table.Column] = [
      .init("rank", alignment: .right), .init("x", alignment: .right), .init("y", alignment: .right),
      .init("new_covered", alignment: .right), .init("cumulative_covered", alignment: .right),
      .init("cumulative_share", alignment: .right), .init("lon", alignment: .right), .init("lat", alignment: .right),
      .init("grid_ref"), .init("location"),
    ]
    let toWGS84 = CoordinateTransform(from: working, to: .wgs84)
    let labels = demand.commonLabels(groupOf: result.coveredBy, groups: result.selections.count)
    var rows: [[Table.Cell]] = []
    for (k, selection) in result.selections.enumerated() {
      let site = candidates[selection.candidate]
      var row: [Table.Cell] = [
        .integer(k + 1), .number(site.x, digits: 2), .number(site.y, digits: 2), .integer(selection.gain),
        .integer(selection.cumulative), .number(Self.share(selection.cumulative, total), digits: 4),
      ]
      if let toWGS84 {
        let lonLat = toWGS84.apply(site)
        row += [.number(lonLat.x, digits: 6), .number(lonLat.y, digits: 6)]
      } else {
        row += [.empty, .empty]
      }
      row.append(working == .britishNationalGrid ? OSGridReference.format(site).map(Table.Cell.text) ?? .empty : .empty)
      row.append(labels[k].map(Table.Cell.text) ?? .empty)
      rows.append(row)
    }
    return Table(columns: columns, rows: rows)
  }

  /// The summary lines of text output (and of stderr after writing a file).
  private func summary(result: MaximalCovering.Result, sites: PointLayer?, total: Int, candidates: Int) -> String {
    func percent(_ n: Int) -> String { NumberText.fixed(100 * Self.share(n, total), digits: 1, keepingZeros: true) + " %" }
    var lines = ["incidents        \(total)", "radius           \(NumberText.shortest(radius)) m (covered: distance ≤ radius)"]
    if let sites {
      lines.append("existing sites   \(sites.count): cover \(result.initiallyCovered) incidents (\(percent(result.initiallyCovered)))")
    }
    if add > 0 {
      let covered = result.initiallyCovered + result.gained
      lines.append(
        "added sites      \(result.selections.count) (of \(candidates) candidates within reach): cover \(result.gained) more; \(covered) in all (\(percent(covered)))")
      let share = NumberText.fixed(100 * Self.guarantee(result), digits: 1, keepingZeros: true)
      let exact = result.upperBound == result.gained
      lines.append(
        "best possible    \(exact ? "" : "at most ")\(result.upperBound) more with \(add) sites: these cover \(exact ? "all of it" : "≥ \(share) % of that")")
      lines.append("guarantee        greedy always covers ≥ 1 − 1/e ≈ 63.2 % of the best possible (Nemhauser, Wolsey & Fisher 1978)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A share 0…1 (0 when there is nothing).
  static func share(_ part: Int, _ total: Int) -> Double { total > 0 ? Double(part) / Double(total) : 0 }

  /// The share of the best possible gain that the greedy gain is known to reach: greedy / bound.
  static func guarantee(_ result: MaximalCovering.Result) -> Double {
    result.upperBound > 0 ? Double(result.gained) / Double(result.upperBound) : 1
  }

  /// A point layer's points in the run's working CRS.
  static func project(_ layer: PointLayer, to working: CRS) throws(InputError) -> [Point] {
    guard layer.working != working else { return layer.points }
    guard let transform = CoordinateTransform(from: layer.working, to: working) else {
      throw InputError(file: layer.file, reason: .other("points in \(layer.working) cannot be related to \(working); declare the CRS with --crs"))
    }
    return layer.points.map(transform.apply)
  }

  /// The analysed cells of `layout` whose centre lies within `radius` of some point, ascending:
  /// the only cells that can cover anything.
  /// - Complexity: O(points × (radius / cell)²).
  static func cellsNear(_ points: [Point], radius: Double, layout: CellLayout) -> [Int] {
    guard case .square(let grid) = layout.shape else { return Array(0..<layout.count) }
    var near = [Bool](repeating: false, count: layout.count)
    let c = grid.cellSize, r2 = radius * radius
    for p in points {
      // One column and row of margin either side: the exact test below decides.
      let (i0, i1) = Self.span(p.x - radius, p.x + radius, origin: grid.minX, size: c, count: grid.columns)
      let (j0, j1) = Self.span(p.y - radius, p.y + radius, origin: grid.minY, size: c, count: grid.rows)
      guard i0 <= i1, j0 <= j1 else { continue }
      for j in j0...j1 {
        for i in i0...i1 {
          let centre = grid.centre(column: i, row: j)
          let dx = centre.x - p.x, dy = centre.y - p.y
          guard dx * dx + dy * dy <= r2, let k = layout.cell(of: centre) else { continue }
          near[k] = true
        }
      }
    }
    return near.indices.filter { near[$0] }
  }

  /// The columns (or rows) whose centres may lie in [low, high], with a margin of one, clamped.
  private static func span(_ low: Double, _ high: Double, origin: Double, size: Double, count: Int) -> (Int, Int) {
    let limit = Double(count)
    let first = Swift.min(limit, Swift.max(-1, ((low - origin) / size - 0.5).rounded(.up) - 1))
    let last = Swift.min(limit, Swift.max(-1, ((high - origin) / size - 0.5).rounded(.down) + 1))
    return (Swift.max(0, Int(first)), Swift.min(count - 1, Int(last)))
  }

  /// The candidate cells: over --extent, else the areas, else the incidents, snapped outward
  /// (`CellGrid`, the layout every `--cell` command uses).
  private func cellLayout(areas: AreaLayer?, demand: CoverDemand) throws -> CellLayout {
    try CellGrid.layout(
      cell: cell, hex: false, extent: extent, areas: areas?.geometries, points: BoundingBox(points: demand.points),
      minimumCells: 1)
  }
}
