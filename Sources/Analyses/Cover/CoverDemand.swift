import GeoCore
import GeoIO
import SpatialAnalysis

/// The incidents of a `cover` run as demand for `MaximalCovering`: stacked incidents (police.uk
/// snap points) merged into one weighted point per distinct position and location label.
struct CoverDemand {
  /// Distinct (position, label) pairs in the working CRS, sorted by x, then y, then label.
  let points: [Point]
  /// Incidents at each.
  let weights: [Int]
  /// The label of each (index into `labels`), −1 when the incident has none.
  let labelOf: [Int32]
  /// Distinct location labels, in the order first met.
  let labels: [String]
  /// Located incidents kept after the filters.
  let incidentCount: Int
  let readReport: IncidentReadReport
  let filtered: IncidentFilter.Outcome
  /// The CRS the incidents were read in.
  let sourceCRS: CRS
  let files: [String]

  /// Reads, filters and projects the incidents into `working` (nil: the incidents' own choice),
  /// as `IncidentInput.load` (locational outliers set aside when `extentFromIncidents`).
  /// - Throws: `InputError` when nothing is left or the CRS cannot be related.
  static func read(_ source: IncidentSource, working: CRS?, extentFromIncidents: Bool = false) throws(InputError) -> (
    CoverDemand, CRS
  ) {
    let loaded = try IncidentInput.load(
      source, working: working, purpose: "cover", extentFromIncidents: extentFromIncidents)
    let x = loaded.table.x
    let y = loaded.table.y
    // One table: its location column holds every label once, with a code per incident.
    let labels = loaded.table.location?.values ?? []
    let labelCode = loaded.table.location?.codes ?? [Int32](repeating: -1, count: x.count)

    // Merge stacked incidents: sort by (x, y, label) and count runs.
    let order = x.indices.sorted { a, b in
      x[a] != x[b] ? x[a] < x[b] : y[a] != y[b] ? y[a] < y[b] : labelCode[a] < labelCode[b]
    }
    var points: [Point] = []
    var weights: [Int] = []
    var labelOf: [Int32] = []
    for row in order {
      if let last = points.last, last.x == x[row], last.y == y[row], labelOf[labelOf.count - 1] == labelCode[row] {
        weights[weights.count - 1] += 1
      } else {
        points.append(Point(x: x[row], y: y[row]))
        weights.append(1)
        labelOf.append(labelCode[row])
      }
    }
    let demand = CoverDemand(
      points: points, weights: weights, labelOf: labelOf, labels: labels, incidentCount: x.count,
      readReport: loaded.report, filtered: loaded.filtered, sourceCRS: loaded.report.crsDecision.crs,
      files: loaded.files)
    return (demand, loaded.working)
  }

  /// The most common label among the demand points `groupOf` puts in each group 1…groups (by weight;
  /// ties to the label first in alphabetical order); nil where no incident of the group has one.
  func commonLabels(groupOf: [Int32], groups: Int) -> [String?] {
    var tallies = [[Int32: Int]](repeating: [:], count: groups)
    for (j, group) in groupOf.enumerated() where group >= 1 && Int(group) <= groups && labelOf[j] >= 0 {
      tallies[Int(group) - 1][labelOf[j], default: 0] += weights[j]
    }
    return tallies.map { tally in
      tally.map { (label: labels[Int($0.key)], count: $0.value) }
        .min { a, b in a.count != b.count ? a.count > b.count : a.label < b.label }?.label
    }
  }
}
