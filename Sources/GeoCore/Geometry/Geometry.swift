/// The geometries Hotspot reads: points for incidents and sites, polygons for areas.
///
/// Other GeoJSON types (LineString, GeometryCollection…) are reported by the readers and skipped.
public enum Geometry: Hashable, Sendable {
  case point(Point)
  case multiPoint([Point])
  case polygon(Polygon)
  case multiPolygon(MultiPolygon)

  /// The GeoJSON type name (`Polygon`, `MultiPoint`…).
  public var typeName: String {
    switch self {
    case .point: "Point"
    case .multiPoint: "MultiPoint"
    case .polygon: "Polygon"
    case .multiPolygon: "MultiPolygon"
    }
  }

  /// The polygons of an areal geometry (one for a Polygon), empty for points.
  public var polygons: [Polygon] {
    switch self {
    case .polygon(let polygon): [polygon]
    case .multiPolygon(let multi): multi.polygons
    case .point, .multiPoint: []
    }
  }

  /// The positions of a point geometry, empty for polygons.
  public var points: [Point] {
    switch self {
    case .point(let point): [point]
    case .multiPoint(let points): points
    case .polygon, .multiPolygon: []
    }
  }

  /// True when the geometry has at least one polygon: a Polygon, or a MultiPolygon with one part or more.
  public var isAreal: Bool { !polygons.isEmpty }

  /// The box of every position, in the geometry's CRS units (a polygon's box is its exterior's).
  public var boundingBox: BoundingBox {
    switch self {
    case .point(let point): BoundingBox(points: [point])
    case .multiPoint(let points): BoundingBox(points: points)
    case .polygon(let polygon): polygon.boundingBox
    case .multiPolygon(let multi): multi.boundingBox
    }
  }

  /// Positions, ring closures included (as GEOS, shapely and QGIS count them).
  public var vertexCount: Int {
    switch self {
    case .point: 1
    case .multiPoint(let points): points.count
    case .polygon(let polygon): polygon.vertexCount
    case .multiPolygon(let multi): multi.vertexCount
    }
  }

  /// The same geometry with every position passed through `transform`.
  /// `transform` must map finite points to finite points (a projection does).
  public func mapPoints(_ transform: (Point) -> Point) -> Geometry {
    func ring(_ r: Ring) -> Ring { Ring(uncheckedClosed: r.points.map(transform)) }
    func polygon(_ p: Polygon) -> Polygon {
      Polygon(exterior: ring(p.exterior), holes: p.holes.map(ring))
    }
    switch self {
    case .point(let p): return .point(transform(p))
    case .multiPoint(let ps): return .multiPoint(ps.map(transform))
    case .polygon(let p): return .polygon(polygon(p))
    case .multiPolygon(let m): return .multiPolygon(MultiPolygon(m.polygons.map(polygon)))
    }
  }
}
