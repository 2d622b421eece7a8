import GeoCore
import GeoIO
import SpatialAnalysis

/// `hotspot count` as a value: incidents per area, with rates, breakdowns, a period comparison and
/// roll-ups. `run()` reads the areas and incidents and returns a `CountResult`.
///
/// Each incident counts in the area that contains it. In a partition a point on a shared edge
/// counts once (half-open crossing: east of a vertical edge, north of a horizontal one); a point in
/// two overlapping areas counts in the first in file order. With `overlapping` a point counts in
/// every area containing it. Points outside every area are counted, those within 25 m of a
/// boundary apart; `snap` (metres) gives them to the nearest area.
public struct CountRequest: Sendable {
  /// The boundary file of the areas (GeoJSON or Shapefile).
  public var areasFile: String
  /// Areas already in memory, used instead of reading `areasFile` (`idField` and `nameField` are
  /// then those the layer was prepared with).
  public var areaLayer: AreaLayer?
  /// The incidents, with their columns, declared CRS, period and categories.
  public var incidents: IncidentSource
  /// Repair invalid area polygons by the even-odd rule (`--repair`) instead of refusing them
  /// (`AreaValidity`); each change is reported among the warnings.
  public var repairAreas = false
  /// The baseline period for the change and its p-value; needs `incidents.filter.period`.
  public var baselinePeriod: Period?
  /// One count column per category or per month.
  public var breakdown: Breakdown?
  /// The area property holding the population.
  public var populationField: String?
  /// A population CSV: `area_id,population`, or centroid points with a population column.
  public var populationFile: String?
  /// Rates per this many people (default 1,000).
  public var per: Double
  /// The area property to roll areas up by.
  public var groupField: String?
  /// A CSV of area id → group to roll areas up by.
  public var lookupFile: String?
  /// The area property holding the id (detected when nil).
  public var idField: String?
  /// The area property holding the name (detected when nil).
  public var nameField: String?
  /// The areas may overlap: a point counts in every area containing it.
  public var overlapping: Bool
  /// Points this close (metres) outside every area go to the nearest area.
  public var snap: Double?
  /// Counts under this are published as `<n` (zero stays 0) by the result's tables.
  public var suppressBelow: Double?
  /// Keep the incidents the filter kept (in the working CRS, with every column) in
  /// `CountResult.incidents`, for maps and summaries of them.
  public var keepsIncidents: Bool

  /// A count of `incidents` in the areas of `areasFile`; every other option as the command line's default.
  public init(
    areasFile: String, incidents: IncidentSource, baselinePeriod: Period? = nil, breakdown: Breakdown? = nil,
    populationField: String? = nil, populationFile: String? = nil, per: Double = 1000, groupField: String? = nil,
    lookupFile: String? = nil, idField: String? = nil, nameField: String? = nil, overlapping: Bool = false,
    snap: Double? = nil, suppressBelow: Double? = nil, keepsIncidents: Bool = false, areaLayer: AreaLayer? = nil
  ) {
    self.areasFile = areasFile
    self.areaLayer = areaLayer
    self.incidents = incidents
    self.baselinePeriod = baselinePeriod
    self.breakdown = breakdown
    self.populationField = populationField
    self.populationFile = populationFile
    self.per = per
    self.groupField = groupField
    self.lookupFile = lookupFile
    self.idField = idField
    self.nameField = nameField
    self.overlapping = overlapping
    self.snap = snap
    self.suppressBelow = suppressBelow
    self.keepsIncidents = keepsIncidents
  }

  /// Checks the options that exclude or need each other, before anything is read.
  /// - Throws: `RequestError` naming the options as the command line spells them.
  public func validate() throws(RequestError) {
    if baselinePeriod != nil && incidents.filter.period == nil {
      throw RequestError("'--compare-to' needs '--period': the change is measured from the baseline to the period.")
    }
    if let period = incidents.filter.period, let baselinePeriod {
      try Self.checkComparison(period: period, baseline: baselinePeriod)
    }
    if populationField != nil && populationFile != nil {
      throw RequestError("Give the population by '--population-field' or '--population', not both.")
    }
    if groupField != nil && lookupFile != nil {
      throw RequestError("Roll up by '--group-field' or '--lookup', not both.")
    }
  }

  /// Checks that `baseline` can be compared with `period`: not the same period, no shared day.
  /// - Throws: `RequestError` (exit status 64) naming both options.
  public static func checkComparison(period: Period, baseline: Period) throws(RequestError) {
    if let problem = period.comparisonProblem(baseline: baseline) {
      throw RequestError(
        "'--compare-to \(baseline)' cannot be compared with '--period \(period)': \(problem). Give a baseline that shares no day with the period (the same months a year earlier: '--compare-to \(Self.yearEarlier(period))')."
      )
    }
  }

  /// The period a year before `period` (for messages).
  static func yearEarlier(_ period: Period) -> String {
    let start = IncidentDate(year: period.start.year - 1, month: period.start.month, day: 1)
    let end = IncidentDate(year: period.end.year - 1, month: period.end.month, day: 1)
    guard let start, let end, let months = Period(firstMonth: start, lastMonth: end) else { return "an earlier period" }
    return months.description
  }

  /// Reads the areas and incidents and counts them. `progress` hears what was read.
  /// - Throws: `RequestError` (see `validate`), `InputError` for unreadable inputs, no located
  ///   incident, an empty period, or incidents nowhere near the areas (a CRS mistake).
  public func run(progress: (String) -> Void = { _ in }) throws -> CountResult {
    try validate()
    let filter = incidents.filter
    // The areas are read and indexed on another thread while the first incidents are read.
    let (areasFile, declaredCRS, idField, nameField, snap, repairAreas) = (
      areasFile, incidents.declaredCRS, idField, nameField, snap, repairAreas
    )
    let given = areaLayer
    let indexed = BackgroundValue { () throws(InputError) -> IndexedAreas in
      let layer: AreaLayer
      if let given {
        layer = given
      } else {
        layer = try AreaLayer.load(
          file: areasFile, declaredCRS: declaredCRS, idField: idField, nameField: nameField, repair: repairAreas)
      }
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
    var baselineFiltered = IncidentFilter.Outcome()
    var incidentBox = BoundingBox.empty
    var keptIncidents: IncidentTable?
    var options = incidents.columns
    options.keepsLabels = keepsIncidents || breakdown == .category || !filter.categories.isEmpty
    // Without a period or a time breakdown the date is not needed: rows without a readable one
    // are counted (as undated) rather than skipped.
    options.keepsUndated = filter.period == nil && (breakdown == nil || breakdown == .category)
    let report: IncidentReadReport
    do {
      let working = { () throws(InputError) in try indexed.value().layer.working }
      report = try IncidentInput.stream(incidents, options: options, working: working) {
        (chunk: IncidentTable) throws(InputError) in
        let areas = try indexed.value()
        var (tally, baselineTally) =
          tallies.take() ?? (makeTally(areas.layer.count, breakdown), makeTally(areas.layer.count, nil))
        let (kept, outcome) = filter.apply(to: chunk)
        filtered.add(outcome)
        tally.add(kept, index: areas.index, nearest: areas.nearest)
        // Only wanted while nothing is counted (see checkSanity).
        if tally.counted == 0 { incidentBox = incidentBox.union(chunk.boundingBox) }
        if keepsIncidents {
          if keptIncidents == nil { keptIncidents = kept } else { keptIncidents?.append(contentsOf: kept) }
        }
        if let baselineFilter {
          let (kept, outcome) = baselineFilter.apply(to: chunk)
          baselineFiltered.add(outcome)
          baselineTally.add(kept, index: areas.index, nearest: areas.nearest)
        }
        tallies = (tally, baselineTally)
      }
    } catch {
      // A fault in the areas is reported first, as when they were read before the incidents.
      _ = try indexed.value()
      throw error
    }
    let layer = try indexed.value().layer
    progress("areas: \(layer.count) from \(areaLayer == nil ? areasFile : layer.file), working CRS \(layer.working)")
    let (tally, baselineTally) = tallies ?? (makeTally(layer.count, breakdown), makeTally(layer.count, nil))
    try checkSanity(layer: layer, report: report, tally: tally, filtered: filtered, incidentBox: incidentBox)

    var warnings = layer.repairs + report.problems.map(\.description)
    if !overlapping, let overlap = layer.overlapWarning(index: try indexed.value().index) { warnings.append(overlap) }
    let (period, baselinePeriod) = try PeriodCoverage.compared(
      incidents.filter.period, baseline: self.baselinePeriod, report: report, outcome: filtered,
      baselineOutcome: baselineFiltered,
      columns:
        "change_per_month and change_pct compare incidents per month (count_per_month, baseline_per_month); count and baseline_count are the totals",
      warnings: &warnings)
    let population = try PopulationJoin.perArea(
      layer: layer, field: populationField, file: populationFile, declaredCRS: declaredCRS, warnings: &warnings)
    let groups = try groupsOfAreas(layer: layer, warnings: &warnings)
    let inputs = layer.source.files + (try incidents.expandedFiles()) + [populationFile, lookupFile].compactMap { $0 }
    return CountResult(
      layer: layer, tally: tally, baseline: baselineFilter == nil ? nil : baselineTally,
      period: period, baselinePeriod: baselinePeriod, population: population, per: per,
      groups: groups, report: report, filtered: filtered,
      withoutLocation: report.withoutLocationOutcome(incidents.filter), suppressBelow: suppressBelow,
      overlapping: overlapping,
      snap: snap, incidents: keptIncidents, inputs: inputs, readingWarnings: warnings)
  }

  /// Errors for runs whose answer would mislead: no incidents near the areas, a category no file
  /// holds, an empty period (`FilterCheck`).
  private func checkSanity(
    layer: AreaLayer, report: IncidentReadReport, tally: AreaTally, filtered: IncidentFilter.Outcome,
    incidentBox: BoundingBox
  ) throws(InputError) {
    let files = FilterCheck.filesText(report.files)
    if report.rowsWithLocation == 0 && report.skippedRows > 0 {
      throw InputError(file: files, reason: .other(FilterCheck.nothingUsable(report)))
    }
    if report.rowsWithLocation == 0 {
      let reasons = report.skippedByReason.map { "\($0.count) \($0.reason)" }.joined(separator: "; ")
      throw InputError(
        file: files,
        reason: .other(
          "no row has a usable location (\(report.dataRows) rows; \(report.rowsWithoutLocation) without location"
            + (reasons.isEmpty ? "" : "; skipped: " + reasons) + ")"))
    }
    try FilterCheck.check(incidents.filter, report: report, outcome: filtered, purpose: "count")
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
            "no incident falls within 40 km of the areas; is the CRS right? (incidents read as \(report.crsDecision.crs): \(report.crsDecision.rule); areas as \(layer.source.crsDecision.crs))"
          ))
      }
    }
  }

  /// The group of each area (nil where none), from a property or a lookup file.
  private func groupsOfAreas(layer: AreaLayer, warnings: inout [String]) throws(InputError) -> [String?]? {
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
        "\(lookupFile): \(missing.count) areas have no group (e.g. \(missing.prefix(3).joined(separator: ", "))); "
          + "they are counted in the '\(CountResult.ungroupedLabel)' group row")
    }
    let known = Set(layer.ids)
    let unknown = groupOf.keys.filter { !known.contains($0) }.sorted()
    if !unknown.isEmpty {
      warnings.append(
        "\(lookupFile): \(unknown.count) ids match no area of \(areasFile) (e.g. \(unknown.prefix(3).joined(separator: ", "))); their rows are ignored"
      )
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
