import GeoCore
import GeoIO
import SpatialAnalysis

/// Locational outliers (`LocationalOutliers`) set aside from incidents whose extent, grid,
/// bandwidth or study area an analysis derives from them (no `--areas`, no `--extent`), and
/// reported: one problem per outlier, counted as `IncidentFilter.Outcome.outliers`.
public enum OutlierScreen {
  /// How many outliers are described one by one; the rest are counted.
  public static let detailLimit = 10

  /// The rows of `table` (in a projected working CRS) that the rule sets aside, ascending.
  public static func rows(of table: IncidentTable) -> LocationalOutliers {
    LocationalOutliers(x: table.x, y: table.y)
  }

  /// One line about an outlier at `point` (working CRS `crs`), `distance` metres from the
  /// median centre, given the rule's `threshold`.
  public static func text(point: Point, crs: CRS, distance: Double, threshold: Double) -> String {
    "a locational outlier at (\(NumberText.fixed(point.x, digits: 0)), \(NumberText.fixed(point.y, digits: 0))) in \(crs.shortLabel), "
      + "\(NumberText.fixed(distance / 1000, digits: 1)) km from the incidents' median centre "
      + "(the rule's limit is \(NumberText.fixed(threshold / 1000, digits: 1)) km)"
  }

  /// The problems describing `outliers` of `table`: one per outlier up to `detailLimit` (naming
  /// its file and line when `places` has them, else `file`), then one counting the rest; each
  /// ends with `tail`.
  public static func problems(
    _ outliers: LocationalOutliers, table: IncidentTable, file: String, places: [(file: String, line: Int)?] = [],
    tail: String
  ) -> [InputError] {
    var problems: [InputError] = []
    for (k, row) in outliers.rows.prefix(detailLimit).enumerated() {
      let point = table.point(row)
      let dx = point.x - outliers.centre.x
      let dy = point.y - outliers.centre.y
      let place = k < places.count ? places[k] : nil
      problems.append(
        InputError(
          file: place?.file ?? file, line: place?.line,
          reason: .other(
            text(
              point: point, crs: table.crs, distance: (dx * dx + dy * dy).squareRoot(), threshold: outliers.threshold)
              + tail)))
    }
    if outliers.rows.count > detailLimit {
      problems.append(
        InputError(
          file: file, reason: .other("and \(outliers.rows.count - detailLimit) more locational outliers" + tail)))
    }
    return problems
  }

  /// The file and line of each of the first `detailLimit` outlier rows of `table` (in the
  /// working CRS), looked up in `files` (in `source` CRS, columns as `mapping`); nil where none
  /// is found. Rows at the same place take that place's lines in turn.
  public static func places(
    _ outliers: LocationalOutliers, table: IncidentTable, source: CRS, files: [String], mapping: ColumnMapping
  ) -> [(file: String, line: Int)?] {
    let rows = Array(outliers.rows.prefix(detailLimit))
    guard !files.isEmpty, !rows.isEmpty else { return [] }
    let points = rows.map(table.point)
    let found = OutlierLines.find(points, in: table.crs, source: source, files: files, mapping: mapping)
    var used: [Point: Int] = [:]
    return points.indices.map { k in
      let turn = used[points[k], default: 0]
      used[points[k]] = turn + 1
      return turn < found[k].count ? found[k][turn] : nil
    }
  }
}

extension IncidentInput.Loaded {
  /// Sets aside the locational outliers of `table` (`LocationalOutliers`): they leave the table,
  /// are counted in `filtered.outliers` (and out of `filtered.kept`), and are described in
  /// `report.problems`. Nothing happens with fewer than `LocationalOutliers.minimumIncidents`.
  public mutating func setAsideOutliers() {
    let outliers = OutlierScreen.rows(of: table)
    guard !outliers.rows.isEmpty else { return }
    let named = files.isEmpty ? report.files : files
    report.problems += OutlierScreen.problems(
      outliers, table: table, file: named.count == 1 ? named[0] : "\(named.count) incident files",
      places: OutlierScreen.places(
        outliers, table: table, source: report.crsDecision.crs, files: files, mapping: report.mapping),
      tail: ": left out of the grid, extent and study area (--keep-outliers keeps it)")
    let set = Set(outliers.rows)
    table = table.selecting(rows: table.x.indices.filter { !set.contains($0) })
    filtered.kept -= outliers.rows.count
    filtered.outliers += outliers.rows.count
  }
}

extension CRS {
  /// A short name for positions in messages.
  fileprivate var shortLabel: String {
    switch self {
    case .wgs84: "WGS84 degrees"
    case .britishNationalGrid: "British National Grid metres"
    case .planar: "metres"
    case .localTransverseMercator: "metres of a local transverse Mercator"
    }
  }
}
