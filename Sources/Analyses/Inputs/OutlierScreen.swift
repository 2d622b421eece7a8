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

  /// The problems describing `outliers` of `table`, naming `file`; each ends with `tail`.
  public static func problems(
    _ outliers: LocationalOutliers, table: IncidentTable, file: String, lines: [Int: [Int]] = [:], tail: String
  ) -> [InputError] {
    var problems: [InputError] = []
    for row in outliers.rows.prefix(detailLimit) {
      let point = table.point(row)
      let distance =
        ((point.x - outliers.centre.x) * (point.x - outliers.centre.x)
        + (point.y - outliers.centre.y) * (point.y - outliers.centre.y)).squareRoot()
      problems.append(
        InputError(
          file: file, line: lines[row]?.first,
          reason: .other(text(point: point, crs: table.crs, distance: distance, threshold: outliers.threshold) + tail)))
    }
    if outliers.rows.count > detailLimit {
      problems.append(
        InputError(
          file: file,
          reason: .other("and \(outliers.rows.count - detailLimit) more locational outliers" + tail)))
    }
    return problems
  }
}

extension IncidentInput.Loaded {
  /// Sets aside the locational outliers of `table` (`LocationalOutliers`): they leave the table,
  /// are counted in `filtered.outliers` (and out of `filtered.kept`), and are described in
  /// `report.problems`. Nothing happens with fewer than `LocationalOutliers.minimumIncidents`.
  public mutating func setAsideOutliers() {
    let outliers = OutlierScreen.rows(of: table)
    guard !outliers.rows.isEmpty else { return }
    report.problems += OutlierScreen.problems(
      outliers, table: table,
      file: files.count == 1
        ? files[0] : (files.isEmpty ? report.files.joined(separator: ", ") : files.joined(separator: ", ")),
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
