import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// `hotspot report`: the numbers of one self-contained report of a period — the count (with
/// rates, comparison and roll-ups), the three maps' layers (counts, density, Gi*), the emerging hot
/// spots over the months, and the busiest patrol cells — composed from the count, map, emerging
/// and patrol requests with their defaults.
public struct ReportRequest: Sendable {
  /// The counting, as `hotspot count` with the same options; its incidents are kept for the maps
  /// and the patrol cells.
  public var count: CountRequest
  /// The maps' classes, palette, suppression and attribution (`hotspot map`'s defaults).
  public var map: MapRequest
  /// The report's title; nil: "Incidents report".
  public var title: String?
  /// Rows in the ranked table (> 0).
  public var top: Int

  /// How many cells the report's patrol section lists (150 m squares ranked by count, as
  /// `hotspot patrol --top 10`).
  public static let patrolCells = 10

  /// The layers of the report's three maps, in order.
  public static let mapLayers: [MapRequest.Layer] = [.count, .density, .gistar]

  /// The emerging hot spot section's analysis: `hotspot emerging`'s defaults (monthly steps,
  /// queen neighbours, one time lag, analytic p at 0.01) on the report's areas and incidents, over
  /// the months from the start of the earlier of the period and the comparison period to the end
  /// of the later (the period alone without `--compare-to`; the incidents' own months without a
  /// period), with the report's categories.
  public var emergingRequest: EmergingRequest {
    var filter = count.incidents.filter
    if let period = filter.period, let baseline = count.baselinePeriod {
      filter.period = Period(start: min(period.start, baseline.start), end: max(period.end, baseline.end))
    }
    let incidents =
      count.incidents.table.map { IncidentSource(table: $0, filter: filter) }
      ?? IncidentSource(files: count.incidents.files, columns: count.incidents.columns, filter: filter)
    return EmergingRequest(
      features: FeatureSource(
        areasFile: count.areasFile, incidents: incidents, idField: count.idField, nameField: count.nameField))
  }

  /// - Parameters:
  ///   - count: the counting request (areas, incidents, period, comparison, populations, roll-ups).
  ///   - map: classes, palette, suppression and attribution of the maps; its files are not read.
  ///   - title: the report's title.
  ///   - top: rows in the ranked table (default 20).
  public init(count: CountRequest, map: MapRequest, title: String? = nil, top: Int = 20) {
    self.count = count
    self.map = map
    self.title = title
    self.top = top
  }

  /// Checks the values a program could get wrong.
  /// - Throws: `RequestError` for a `top` under 1, and what the count and map requests refuse.
  public func validate() throws(RequestError) {
    guard top > 0 else { throw RequestError("The value for '--top' must be a positive whole number.") }
    try map.validate()
  }

  /// Counts, builds the three maps' layers and ranks the patrol cells.
  /// - Throws: `RequestError`, `InputError` (as the count, map and patrol requests throw them).
  public func run(progress: (String) -> Void = { _ in }) throws -> ReportResult {
    try validate()
    var count = self.count
    count.keepsIncidents = true
    let counted = try count.run(progress: progress)
    let layer = counted.layer
    let builder = MapLayers(
      areas: layer, incidents: counted.incidents, classes: map.classes, classesDescription: map.classesDescription,
      suppressBelow: map.suppressBelow, populationField: count.populationField, per: count.per,
      declaredCRS: count.incidents.declaredCRS)
    builder.overlapping = count.overlapping
    // The maps withhold what the tables withhold: one decision for every output of the report.
    builder.areaStatus = counted.disclosure?.areas
    var maps: [(layer: MapRequest.Layer, built: MapLayers.Built)] = []
    for mapLayer in Self.mapLayers { maps.append((mapLayer, try builder.build(mapLayer))) }
    // The emerging section: left out, with the reason, when the incidents have no dates.
    var emerging: EmergingResult?
    var emergingNote: String?
    do {
      emerging = try emergingRequest.run(progress: progress)
    } catch let error as InputError {
      emergingNote = "No emerging hot spots: \(error.description)."
    }
    var patrol: PatrolResult?
    if let incidents = counted.incidents, incidents.count > 0 {
      // patrol's own defaults (150 m squares ranked by count); the incidents are the report's,
      // already read and filtered.
      let request = PatrolRequest(incidents: IncidentSource(files: count.incidents.files), rule: .top(Self.patrolCells))
      patrol = try request.run(
        incidents: incidents, areas: layer, working: layer.working, report: counted.report, filtered: counted.filtered)
    }
    return ReportResult(
      request: self, count: counted, maps: maps, mapChoices: builder.choices, emerging: emerging,
      emergingNote: emergingNote, patrol: patrol,
      inputs: layer.source.files + (try count.incidents.expandedFiles()))
  }
}
