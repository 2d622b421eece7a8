import GeoCore
import GeoIO

/// Point features to analyse (street-segment midpoints, junctions, sites): a CSV with
/// coordinate columns, or a GeoJSON or Shapefile of Point features, in the working CRS.
public struct PointLayer: Sendable {
  /// The file read, as given.
  public let file: String
  /// Positions in the working CRS, in file order.
  public let points: [Point]
  /// The value of each point from `--value-column` (nil without it).
  public let values: [Double]?
  /// The CRS the file was read in, and the working CRS of the points.
  public let sourceCRS: CRS
  /// The CRS of `points`: British National Grid in Great Britain, else a local projection.
  public let working: CRS

  /// The number of points.
  public var count: Int { points.count }

  /// Reads `file`: a boundary-style file (`.geojson`, `.json`, `.shp`) of Point features, else a
  /// CSV read as incidents are (coordinate columns by name, `--crs`), strictly: a bad row is an
  /// error, since a dropped point would be a dropped feature.
  /// - Throws: `InputError` for unreadable files, non-point features, a missing or non-numeric value.
  public static func load(file: String, declaredCRS: CRS? = nil, valueColumn: String? = nil) throws(InputError)
    -> PointLayer
  {
    var points: [Point] = []
    var values: [Double]?
    let crs: CRS
    if BoundaryReader.isBoundaryFile(file) {
      let layer = try BoundaryReader.read(file: file, declaredCRS: declaredCRS)
      crs = layer.collection.crs
      if valueColumn != nil { values = [] }
      for (k, feature) in layer.collection.features.enumerated() {
        guard case .point(let point)? = feature.geometry else {
          throw InputError(
            file: file, feature: k,
            reason: .other(
              "is not a Point (\(feature.geometry?.typeName ?? "null")); a points file (--points, --sites, --candidates) needs Point features"
            ))
        }
        points.append(point)
        if let valueColumn {
          guard let number = feature.properties[valueColumn]?.number, number.isFinite else {
            throw InputError(file: file, feature: k, field: valueColumn, reason: .other("has no numeric value"))
          }
          values?.append(number)
        }
      }
    } else {
      let options = IncidentColumnOptions(weightColumn: valueColumn, declaredCRS: declaredCRS, strict: true)
      let (table, _) = try IncidentReader.read(files: [file], options: options)
      crs = table.crs
      points = zip(table.x, table.y).map { Point(x: $0, y: $1) }
      values = valueColumn == nil ? nil : table.weight
    }
    guard !points.isEmpty else { throw InputError(file: file, reason: .other("holds no points")) }
    let working = WorkingCRS.forData(in: crs, bounds: BoundingBox(points: points))
    guard let transform = CoordinateTransform(from: crs, to: working) else {
      throw InputError(file: file, reason: .other("cannot be projected from \(crs)"))
    }
    return PointLayer(file: file, points: points.map(transform.apply), values: values, sourceCRS: crs, working: working)
  }
}
