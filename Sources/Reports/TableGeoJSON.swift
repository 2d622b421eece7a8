import GeoCore
import GeoIO
import Rendering

/// A table's rows as GeoJSON features (RFC 7946, WGS84): one feature per row, its geometry
/// converted from the working CRS, its cells as properties (numbers as numbers, empty as null).
public enum TableGeoJSON {
  /// - Throws: `InputError` naming `file` when `crs` is planar (no way to WGS84).
  public static func write(_ table: Table, geometries: [Geometry], from crs: CRS, file: String) throws(InputError)
    -> String
  {
    guard let toWGS84 = CoordinateTransform(from: crs, to: .wgs84) else {
      throw InputError(
        file: file, reason: .other("planar coordinates cannot be written as GeoJSON in WGS84; use another --format"))
    }
    let features = zip(geometries, table.rows).map { geometry, row in
      Feature(
        geometry: geometry.mapPoints(toWGS84.apply),
        properties: Properties(
          zip(table.columns, row).map { column, cell in
            let value: PropertyValue =
              switch cell {
              case .text(let text): .string(text)
              case .integer(let n): .number(Double(n))
              case .number(let x, _), .significant(let x, _): .number(x)
              case .empty: .null
              }
            return (column.name, value)
          }))
    }
    return GeoJSONWriter.write(FeatureCollection(features: features, crs: .wgs84), precision: 6)
  }
}
