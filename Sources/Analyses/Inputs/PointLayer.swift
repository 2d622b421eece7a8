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
  /// Each point's id (a CSV's `site_id`, `candidate_id`, `id` or `code` column; a GeoJSON's
  /// detected id property), nil when the file has none.
  public var ids: [String]? = nil
  /// Each point's name (a CSV's `name`, `site_name` or `label` column; a GeoJSON's detected name
  /// property), nil when the file has none.
  public var names: [String]? = nil

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
    var ids: [String]?
    var names: [String]?
    let crs: CRS
    if BoundaryReader.isBoundaryFile(file) {
      let layer = try BoundaryReader.read(file: file, declaredCRS: declaredCRS)
      crs = layer.collection.crs
      let fields = BoundaryFields(features: layer.collection.features)
      ids = fields.id.map { field in layer.collection.features.map { $0.properties[field]?.text ?? "" } }
      names = fields.name.map { field in layer.collection.features.map { $0.properties[field]?.text ?? "" } }
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
      var options = IncidentColumnOptions(weightColumn: valueColumn, declaredCRS: declaredCRS, strict: true)
      // The id and name of each site, read as the incident reader reads ids and location labels.
      let header = try CSVDocument.read(file: file).header
      func named(_ names: [String]) -> String? {
        names.lazy.compactMap { name in header.first { $0.trimmingSpaces().lowercased() == name } }.first
      }
      options.idColumn = named(["site_id", "candidate_id", "id", "code", "ref"])
      options.locationColumn = named(["name", "site_name", "candidate_name", "label"])
      let (table, _) = try IncidentReader.read(files: [file], options: options)
      crs = table.crs
      points = zip(table.x, table.y).map { Point(x: $0, y: $1) }
      values = valueColumn == nil ? nil : table.weight
      ids = options.idColumn == nil ? nil : table.id.map { column in column.codes.map { column.values[Int($0)] } }
      names =
        options.locationColumn == nil
        ? nil : table.location.map { column in column.codes.map { column.values[Int($0)] } }
    }
    guard !points.isEmpty else { throw InputError(file: file, reason: .other("holds no points")) }
    let working = WorkingCRS.forData(in: crs, bounds: BoundingBox(points: points))
    guard let transform = CoordinateTransform(from: crs, to: working) else {
      throw InputError(file: file, reason: .other("cannot be projected from \(crs)"))
    }
    return PointLayer(
      file: file, points: points.map(transform.apply), values: values, sourceCRS: crs, working: working, ids: ids,
      names: names)
  }
}
