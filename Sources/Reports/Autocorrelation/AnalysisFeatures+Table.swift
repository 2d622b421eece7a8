import Analyses
import GeoCore
import Rendering
import SpatialAnalysis

extension AnalysisFeatures {
  /// The key columns of a feature table: `area_id, area_name`, or `x, y` for cells and points.
  public var keyColumns: [Table.Column] {
    switch units {
    case .areas: [.init("area_id"), .init("area_name")]
    case .cells, .points: [.init("x", alignment: .right), .init("y", alignment: .right)]
    }
  }

  /// The key cells of feature k: its id and name, or its centre (working CRS; 3 decimals in text, in
  /// full in CSV and JSON).
  public func keys(_ k: Int) -> [Table.Cell] {
    switch units {
    case .areas(let layer): return [.text(layer.ids[k]), .text(layer.names[k])]
    case .cells, .points:
      let centre = units.centre(of: k)
      return [.number(centre.x, digits: 3), .number(centre.y, digits: 3)]
    }
  }

  /// Each feature's geometry in WGS84, with `table`'s row as properties (RFC 7946).
  public func geoJSON(_ table: Table) throws -> String {
    let geometries: [Geometry]
    switch units {
    case .areas(let layer): geometries = layer.geometries
    case .cells(let layout): geometries = (0..<layout.count).map { .polygon(Polygon(exterior: layout.ring(of: $0))) }
    case .points(let layer): geometries = layer.points.map { .point($0) }
    }
    return try TableGeoJSON.write(table, geometries: geometries, from: working, file: inputs.first ?? "")
  }

  /// The progress line: how many features, their mean neighbours, islands and the working CRS.
  public var progressLine: String {
    "features: \(values.count), mean neighbours \(NumberText.fixed(weights.meanNeighbours, digits: 2)), islands \(weights.islands.count), working CRS \(working)"
  }
}
