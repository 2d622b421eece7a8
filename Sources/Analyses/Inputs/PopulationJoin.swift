import GeoCore
import GeoIO

/// Population per area, joined once for every command that gives rates per person (`count`,
/// `rank`, `zones --screen`): from an area property, or from a population CSV keyed by area id or
/// of population-weighted centroid points.
public enum PopulationJoin {
  /// The population of each area of `layer`, in its order; nil for an area with none.
  ///
  /// - `field`: the area property holding the population (a number; nil where missing).
  /// - `file`: a CSV of `area_id,population` rows (summed per id; ids matching no area are
  ///   reported in `warnings`), or of points with a population column (each point's population
  ///   summed into the area containing it, the first in file order; with `overlapping`, into
  ///   every area containing it; points in no area are reported in `warnings`).
  ///
  /// Returns nil when neither `field` nor `file` is given (`field` wins when both are).
  /// - Throws: `InputError` for an unreadable file, or points whose CRS cannot be related to the areas.
  public static func perArea(
    layer: AreaLayer, field: String?, file: String?, declaredCRS: CRS?, overlapping: Bool = false,
    warnings: inout [String]
  ) throws(InputError) -> [Double?]? {
    if let field { return layer.property(field).map { $0?.number } }
    guard let file else { return nil }
    switch try AreaTables.population(file: file, declaredCRS: declaredCRS) {
    case .byArea(let rows):
      var byID: [String: Double] = [:]
      var unknown: [String] = []
      for row in rows {
        if layer.ids.contains(row.id) { byID[row.id, default: 0] += row.population } else { unknown.append(row.id) }
      }
      if !unknown.isEmpty {
        warnings.append(
          "\(file): \(unknown.count) ids match no area (e.g. \(unknown.prefix(3).joined(separator: ", ")))")
      }
      return layer.ids.map { byID[$0] }
    case .points(var x, var y, let population, let crs):
      guard let transform = CoordinateTransform(from: crs, to: layer.working) else {
        throw InputError(file: file, reason: .other("points in \(crs) cannot be related to the areas"))
      }
      transform.apply(x: &x, y: &y)
      let index = PolygonIndex(areas: layer.geometries)
      var sums = [Double?](repeating: nil, count: layer.count)
      var outside = 0
      for i in x.indices {
        let point = Point(x: x[i], y: y[i])
        let areas = overlapping ? index.allContaining(point) : index.firstContaining(point).map { [$0] } ?? []
        if areas.isEmpty { outside += 1 }
        for area in areas { sums[area] = (sums[area] ?? 0) + population[i] }
      }
      if outside > 0 { warnings.append("\(file): \(outside) population points lie in no area and were left out") }
      return sums
    }
  }
}
