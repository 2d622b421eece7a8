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

  /// Reads, filters and projects the incidents into `working` (nil: the incidents' own choice).
  /// - Throws: `InputError` when nothing is left or the CRS cannot be related.
  static func read(
    specs: [String], options: IncidentColumnOptions, filter: IncidentFilter, working: CRS?
  ) throws(InputError) -> (CoverDemand, CRS) {
    let files = try IncidentSources.expand(specs)
    let fileList = files.joined(separator: ", ")
    var x: [Double] = [], y: [Double] = []
    var labelCode: [Int32] = []
    var labels: [String] = []
    var labelIndex: [String: Int32] = [:]
    var crs: CRS?
    var filtered = IncidentFilter.Outcome()
    let report = try IncidentReader.stream(files: files, options: options) { (chunk: IncidentTable) throws(InputError) in
      let (kept, outcome) = filter.apply(to: chunk)
      filtered.add(outcome)
      var table = kept
      if let first = crs, first != table.crs {
        guard let transform = CoordinateTransform(from: table.crs, to: first) else {
          throw InputError(file: fileList, reason: .other("incidents in \(table.crs) and \(first) cannot be related"))
        }
        table = transform.apply(table)
      }
      if crs == nil { crs = table.crs }
      x += table.x
      y += table.y
      if let location = table.location {
        // Chunk codes → run-wide codes, so labels of several files share one table.
        let mapped: [Int32] = location.values.map { value in
          if let code = labelIndex[value] { return code }
          let code = Int32(labels.count)
          labels.append(value)
          labelIndex[value] = code
          return code
        }
        labelCode += location.codes.map { mapped[Int($0)] }
      } else {
        labelCode += repeatElement(-1, count: table.count)
      }
    }
    guard let sourceCRS = crs, !x.isEmpty else {
      throw InputError(
        file: fileList,
        reason: .other("no incident with a location is left (\(report.dataRows) rows, \(report.rowsWithLocation) with a location, \(filtered.removed) removed by --period/--category)"))
    }
    let target = working ?? WorkingCRS.forData(in: sourceCRS, bounds: BoundingBox(points: zip(x, y).map { Point(x: $0, y: $1) }))
    guard let transform = CoordinateTransform(from: sourceCRS, to: target) else {
      throw InputError(
        file: fileList, reason: .other("incidents in \(sourceCRS) cannot be related to \(target); declare the CRS with --crs"))
    }
    transform.apply(x: &x, y: &y)

    // Merge stacked incidents: sort by (x, y, label) and count runs.
    let order = x.indices.sorted { a, b in
      x[a] != x[b] ? x[a] < x[b] : y[a] != y[b] ? y[a] < y[b] : labelCode[a] < labelCode[b]
    }
    var points: [Point] = [], weights: [Int] = [], labelOf: [Int32] = []
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
      readReport: report, filtered: filtered, sourceCRS: sourceCRS, files: files)
    return (demand, target)
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
