import GeoCore
import GeoIO
import SpatialAnalysis

/// The location labels (police.uk "On or near …") of the incidents in chosen cells.
enum CellLabels {
  /// The location labels of each chosen cell's incidents with how many carry each, the most
  /// common first (ties in alphabetical order; empty labels ignored); nil without a location
  /// column.
  static func labels(_ incidents: IncidentTable, layout: CellLayout, chosen: [Int]) -> [[(label: String, count: Int)]]?
  {
    guard let location = incidents.location else { return nil }
    var position: [Int: Int] = [:]
    for (k, cell) in chosen.enumerated() { position[cell] = k }
    var tallies = [[Int32: Int]](repeating: [:], count: chosen.count)
    for row in 0..<incidents.count {
      guard let cell = layout.cell(of: incidents.point(row)), let k = position[cell] else { continue }
      tallies[k][location.codes[row], default: 0] += 1
    }
    return tallies.map { tally in
      tally.compactMap { code, count in
        let label = location.values[Int(code)]
        return label.trimmingSpaces().isEmpty ? nil : (label, count)
      }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.label < $1.label }
    }
  }
}
