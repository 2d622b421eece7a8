import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// A `patrol` run: small cells ranked by incidents (or harm, or kernel density) and a short list
/// chosen for hot-spot patrols by coverage, top k or an area budget. Short, unpredictable visits
/// of 10–15 minutes to each place work best (Koper 1995).
public struct PatrolRequest: Sendable {
  /// What cells are ranked by.
  public enum RankBy: String, CaseIterable, Sendable {
    /// Incidents per cell.
    case count
    /// Harm-weighted incidents per cell (`harmFile`).
    case harm
    /// Quartic kernel density at the cell centre (`bandwidth`).
    case density
  }

  /// The number of cells chosen when no rule is given.
  public static let defaultTop = 20

  /// The incidents: files, columns, period and categories.
  public var incidents: IncidentSource
  /// Repair invalid area polygons by the even-odd rule (`--repair`) instead of refusing them
  /// (`AreaValidity`); each change is reported among the warnings.
  public var repairAreas = false
  /// Study areas (GeoJSON or Shapefile): the cells whose centre lies inside are ranked.
  public var areasFile: String?
  /// Cell size in metres: a square's side, or with `hex` the distance between hexagon centres.
  public var cell: Double
  /// Pointy-top hexagonal cells instead of squares.
  public var hex: Bool
  /// Grid extent in metres of the working CRS, used exactly.
  public var extent: BoundingBox?
  /// What cells are ranked by.
  public var rankBy: RankBy
  /// JSON object of category → harm weight (with `rankBy == .harm`).
  public var harmFile: String?
  /// Quartic kernel bandwidth in metres for `.density` (nil: 2 × the cell size).
  public var bandwidth: Double?
  /// How the list is chosen; nil: the `defaultTop` leading cells.
  public var rule: PatrolSelection.Rule?
  /// Merge chosen cells that share an edge into numbered patrol zones.
  public var zones: Bool
  /// A baseline period: its incidents are counted in the same cells, and the result holds each
  /// cell's change and its p (`PatrolResult.change`). Needs `incidents.filter.period`.
  public var baselinePeriod: Period?

  /// A request with the command line's defaults: 150 m squares ranked by count, the 20 best.
  public init(
    incidents: IncidentSource, areasFile: String? = nil, cell: Double = 150, hex: Bool = false,
    extent: BoundingBox? = nil,
    rankBy: RankBy = .count, harmFile: String? = nil, bandwidth: Double? = nil, rule: PatrolSelection.Rule? = nil,
    zones: Bool = false, baselinePeriod: Period? = nil
  ) {
    self.incidents = incidents
    self.areasFile = areasFile
    self.cell = cell
    self.hex = hex
    self.extent = extent
    self.rankBy = rankBy
    self.harmFile = harmFile
    self.bandwidth = bandwidth
    self.rule = rule
    self.zones = zones
    self.baselinePeriod = baselinePeriod
  }

  /// Checks that the ranking and its options agree: harm needs a harm file and a harm file means
  /// harm; a bandwidth is for density.
  /// - Throws: `RequestError` naming the options to change.
  public static func checkRanking(rankBy: RankBy, harmFile: String?, bandwidth: Double?) throws(RequestError) {
    if rankBy == .harm && harmFile == nil {
      throw RequestError("'--rank-by harm' needs '--harm <file>': a JSON object of category → weight.")
    }
    if rankBy != .harm && harmFile != nil {
      throw RequestError(
        "'--harm' weights the ranking by harm: leave out '--rank-by \(rankBy.rawValue)' or use '--rank-by harm'.")
    }
    if bandwidth != nil && rankBy != .density {
      throw RequestError("'--bandwidth' is for '--rank-by density'.")
    }
  }

  /// Reads the areas and incidents, ranks the cells and chooses the list.
  /// - Throws: `InputError` for unreadable inputs or when no incident lies in the cells,
  ///   `RequestError` for options that disagree, a grid too large, or an area budget below one cell.
  public func run(progress: (String) -> Void = { _ in }) throws -> PatrolResult {
    try Self.checkRanking(rankBy: rankBy, harmFile: harmFile, bandwidth: bandwidth)
    if baselinePeriod != nil && incidents.filter.period == nil {
      throw RequestError("'--compare-to' needs '--period': the change is measured from the baseline to the period.")
    }
    let layer = try areasFile.map { file throws(InputError) in
      try AreaLayer.load(
        file: file, declaredCRS: incidents.declaredCRS, idField: nil, nameField: nil, repair: repairAreas)
    }
    // Without a period the date is not needed: rows without a readable one count, as undated.
    var source = incidents
    source.columns.keepsUndated = incidents.filter.period == nil
    let loaded = try IncidentInput.load(
      source, working: layer?.working, purpose: "rank", extentFromIncidents: layer == nil && extent == nil)
    progress("incidents: \(Format.count(loaded.table.count)), working CRS \(loaded.working)")
    var result = try run(
      incidents: loaded.table, areas: layer, working: loaded.working, report: loaded.report, filtered: loaded.filtered,
      files: loaded.files)
    if let baselinePeriod, let period = incidents.filter.period {
      // The baseline's incidents counted in the same cells.
      var source = incidents
      source.filter = IncidentFilter(period: baselinePeriod, categories: incidents.filter.categories)
      let layout = result.layout
      var counts = [Double](repeating: 0, count: layout.count)
      var outside = 0
      _ = try IncidentInput.forEach(source, working: loaded.working, purpose: "compare", labels: false) { chunk in
        outside += layout.tally(x: chunk.x, y: chunk.y, into: &counts)
      }
      result.change = CellChange(
        period: period, baselinePeriod: baselinePeriod, current: result.counts, baseline: counts, areCounts: true)
      result.baselineOutside = outside
    }
    return result
  }

  /// Ranks the cells for `incidents` already read (filtered, in the `working` CRS), with `areas`
  /// when given instead of `areasFile`; `report` and `filtered` are the read's accounting.
  /// - Throws: as `run(progress:)`.
  public func run(
    incidents table: IncidentTable, areas layer: AreaLayer?, working: CRS, report: IncidentReadReport,
    filtered: IncidentFilter.Outcome, files: [String]? = nil
  ) throws -> PatrolResult {
    try Self.checkRanking(rankBy: rankBy, harmFile: harmFile, bandwidth: bandwidth)
    var warnings = (layer?.repairs ?? []) + report.problems.map(\.description)
    if let note = FilterCheck.undatedNote(report) { warnings.append(note) }
    let layout = try CellLayout.layout(
      cell: cell, hex: hex, extent: extent, areas: layer?.geometries, points: table.boundingBox,
      hull: layer == nil && extent == nil ? ConvexHull(x: table.x, y: table.y) : nil, minimumCells: 1)
    if let extent, layer == nil, case .square(let grid) = layout.shape,
      grid.maxX > extent.maxX + 1e-9 * cell || grid.maxY > extent.maxY + 1e-9 * cell
    {
      warnings.append(
        "the extent is not a whole number of \(NumberText.shortest(cell)) m cells: the last column or row of cells reaches past it, and its incidents count"
      )
    }
    let (counts, outside) = layout.tally(x: table.x, y: table.y)
    if outside > 0 {
      warnings.append("\(Format.count(outside)) incidents lie outside the ranked cells and are left out")
    }
    guard let concentration = Concentration(counts: counts) else {
      throw InputError(
        file: incidents.files.joined(separator: ", "),
        reason: .other(
          "no incident lies in the \(Format.count(layout.count)) ranked cells (\(Format.count(outside)) outside them); is the extent or the CRS right?"
        ))
    }

    var scoring: PatrolResult.Scoring = .count
    var scores = counts
    switch rankBy {
    case .count: break
    case .harm:
      let (weights, used) = try harmWeights(table, warnings: &warnings)
      scores = layout.tally(x: table.x, y: table.y, weights: weights).counts
      scoring = .harm(file: harmFile ?? "", weights: used)
    case .density:
      let h = bandwidth ?? 2 * cell
      switch layout.shape {
      case .square(let grid):
        let surface = KernelDensity.evaluate(x: table.x, y: table.y, grid: grid, kernel: .quartic, bandwidth: h)
        scores = layout.slots.map { surface[$0] }
      case .hexagon:
        scores = KernelDensity.evaluate(
          x: table.x, y: table.y, at: (0..<layout.count).map(layout.centre(of:)), kernel: .quartic, bandwidth: h)
      }
      scoring = .density(bandwidth: h, given: bandwidth != nil)
    }

    let rule = self.rule ?? .top(Self.defaultTop)
    let selection = PatrolSelection.select(rule, scores: scores, counts: counts, cellArea: layout.cellArea)
    if case .topShare(let share) = rule, selection.wanted == 0 {
      throw RequestError(
        "'--top \(NumberText.shortest(share * 100))%' of the \(Format.count(layout.count)) cells is less than one cell (⌊\(NumberText.shortest(share)) · \(layout.count)⌋ = 0); ask for a larger share or a number of cells."
      )
    }
    if case .areaBudget(let budget) = rule, selection.wanted == 0 {
      throw RequestError(
        "The area budget (\(NumberText.shortest(budget / 1_000_000)) km²) is smaller than one cell (\(NumberText.shortest(layout.cellArea / 1_000_000)) km²)."
      )
    }
    let inputs = (layer?.source.files ?? []) + (files ?? report.files) + [harmFile].compactMap { $0 }
    return PatrolResult(
      layout: layout, working: working, counts: counts, scores: scores, scoring: scoring, rule: rule,
      ruleGiven: self.rule != nil, selection: selection, concentration: concentration, zones: zones,
      labels: CellLabels.labels(table, layout: layout, chosen: Array(selection.chosen)),
      incidentsRead: table.count, outside: outside, filtered: filtered, report: report, areas: layer,
      period: incidents.filter.period, categories: incidents.filter.categories, inputWarnings: warnings, inputs: inputs)
  }

  /// The harm weight of each incident, and the weight of each category present (in order of
  /// first appearance), from `harmFile`.
  private func harmWeights(
    _ table: IncidentTable, warnings: inout [String]
  ) throws -> (perIncident: [Double], categories: [(String, Double)]) {
    guard let category = table.category else {
      throw InputError(
        file: incidents.files.joined(separator: ", "),
        reason: .other("has no category column, so '--harm' cannot weigh its incidents; name it with --category-column")
      )
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
}
