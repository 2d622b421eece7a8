import GeoCore
import GeoIO
import SpatialAnalysis

/// `hotspot zones` as a value: incidents per 10,000 population in zones (selective licensing
/// schemes), all zones together, outside them and in total. `run()` returns a `ZonesResult`.
///
/// Zones may overlap: an incident or population point inside two zones counts in each of them and
/// once in all-zones. The population is a CSV of population-weighted centroid points (each point
/// counts for every zone containing it, the ONS best-fit rule) or keyed by zone id
/// (`zone_id,population`; rows `all-zones`, `outside-zones` and `total` may be given too).
public struct ZonesRequest: Sendable {
  /// The boundary file of the zones (GeoJSON or Shapefile).
  public var zonesFile: String
  /// The incidents, with their columns, declared CRS, period and categories.
  public var incidents: IncidentSource
  /// Repair invalid area polygons by the even-odd rule (`--repair`) instead of refusing them
  /// (`AreaValidity`); each change is reported among the warnings.
  public var repairAreas = false
  /// The population CSV: centroid points with a population column, or `zone_id,population`.
  public var populationFile: String
  /// The baseline period for the change and its exact p; needs `incidents.filter.period`.
  public var baselinePeriod: Period?
  /// Rates per this many people (default 10,000).
  public var per: Double
  /// The zone property holding the id (detected when nil).
  public var idField: String?
  /// The zone property holding the name (detected when nil).
  public var nameField: String?

  /// Rates of `incidents` in the zones of `zonesFile`; every other option as the command line's default.
  public init(
    zonesFile: String, incidents: IncidentSource, populationFile: String, baselinePeriod: Period? = nil,
    per: Double = 10_000, idField: String? = nil, nameField: String? = nil
  ) {
    self.zonesFile = zonesFile
    self.incidents = incidents
    self.populationFile = populationFile
    self.baselinePeriod = baselinePeriod
    self.per = per
    self.idField = idField
    self.nameField = nameField
  }

  /// Checks the options that need each other, before anything is read.
  /// - Throws: `RequestError` naming the options as the command line spells them.
  public func validate() throws(RequestError) {
    if baselinePeriod != nil && incidents.filter.period == nil {
      throw RequestError("'--compare-to' needs '--period': the change is measured from the baseline to the period.")
    }
    if let period = incidents.filter.period, let baselinePeriod {
      try CountRequest.checkComparison(period: period, baseline: baselinePeriod)
    }
  }

  /// Reads the zones, incidents and population and counts the incidents per zone.
  /// - Throws: `RequestError` (see `validate`), `InputError` for unreadable inputs.
  public func run(progress: (String) -> Void = { _ in }) throws -> ZonesResult {
    try validate()
    let declaredCRS = incidents.declaredCRS
    let layer = try AreaLayer.load(
      file: zonesFile, declaredCRS: declaredCRS, idField: idField, nameField: nameField, repair: repairAreas)
    let index = PolygonIndex(areas: layer.geometries)
    var current = ZoneTally(zoneCount: layer.count)
    var baseline = ZoneTally(zoneCount: layer.count)
    let filter = incidents.filter
    let baselineFilter = baselinePeriod.map { IncidentFilter(period: $0, categories: filter.categories) }
    var warnings: [String] = []
    var outcome = IncidentFilter.Outcome()
    var baselineOutcome = IncidentFilter.Outcome()
    var options = incidents.columns
    // Without a period the date is not needed: rows without a readable one count, as undated.
    options.keepsUndated = filter.period == nil
    let report = try IncidentInput.stream(incidents, options: options, working: layer.working) {
      chunk in
      let (kept, chunkOutcome) = filter.apply(to: chunk)
      outcome.add(chunkOutcome)
      for row in 0..<kept.count { current.add(zones: index.allContaining(kept.point(row))) }
      if let baselineFilter {
        let (before, chunkBaseline) = baselineFilter.apply(to: chunk)
        baselineOutcome.add(chunkBaseline)
        for row in 0..<before.count { baseline.add(zones: index.allContaining(before.point(row))) }
      }
    }
    try FilterCheck.check(filter, report: report, outcome: outcome, purpose: "count in the zones")
    warnings += layer.repairs + report.problems.map(\.description)
    if let note = FilterCheck.undatedNote(report) { warnings.append(note) }
    let (period, baselinePeriod) = try PeriodCoverage.compared(
      filter.period, baseline: self.baselinePeriod, report: report, outcome: outcome,
      baselineOutcome: baselineOutcome,
      columns:
        "change_pct compares incidents per month (incidents_per_month, baseline_incidents_per_month); the incidents and rates are over each whole period",
      warnings: &warnings)
    let population = try self.population(layer: layer, index: index, warnings: &warnings)
    if current.inSeveral > 0 {
      warnings.append("\(current.inSeveral) incidents lie in two or more zones: counted in each, once in all-zones")
    }
    let counts = (current.perZone + [current.allZones, current.outside, current.total]).map { Int($0) }
    let before = (baseline.perZone + [baseline.allZones, baseline.outside, baseline.total]).map { Int($0) }
    return ZonesResult(
      layer: layer, incidents: counts, baselineIncidents: baselinePeriod == nil ? nil : before, population: population,
      per: per, period: period, baselinePeriod: baselinePeriod, incidentsInSeveralZones: Int(current.inSeveral),
      warnings: warnings, inputs: layer.source.files + (try incidents.expandedFiles()) + [populationFile])
  }

  /// Population per zone, then all-zones, outside-zones and total (nil where unknown).
  private func population(layer: AreaLayer, index: PolygonIndex, warnings: inout [String]) throws(InputError)
    -> [Double?]
  {
    switch try AreaTables.population(file: populationFile, declaredCRS: incidents.declaredCRS) {
    case .byArea(let rows):
      var byID: [String: Double] = [:]
      for row in rows { byID[row.id, default: 0] += row.population }
      let unknown = byID.keys.filter {
        !layer.ids.contains($0) && !["all-zones", "outside-zones", "total"].contains($0)
      }.sorted()
      if !unknown.isEmpty {
        warnings.append(
          "\(populationFile): \(unknown.count) ids match no zone (e.g. \(unknown.prefix(3).joined(separator: ", ")))")
      }
      let zones = layer.ids.map { byID[$0] }
      // A zone the file leaves out (or gives 0) has no rate: said, as `count` says it of areas.
      let missing = layer.ids.indices.filter { (zones[$0] ?? 0) <= 0 }
      if !missing.isEmpty {
        warnings.append(
          "\(populationFile): \(missing.count) zones have no usable population (missing or zero), so their rate is left empty: "
            + missing.prefix(5).map { layer.ids[$0] }.joined(separator: ", ") + (missing.count > 5 ? ", …" : ""))
      }
      let all = byID["all-zones"] ?? (zones.contains { $0 == nil } ? nil : zones.reduce(0) { $0 + ($1 ?? 0) })
      var outside = byID["outside-zones"]
      var total = byID["total"]
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
        warnings.append(
          "no population point lies in \(empty.map { layer.ids[$0] }.joined(separator: ", ")): its rate is left empty")
      }
      return tally.perZone.map { $0 > 0 ? $0 : nil } + [tally.allZones, tally.outside, tally.total]
    }
  }
}
