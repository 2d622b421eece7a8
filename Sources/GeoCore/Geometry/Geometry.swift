/// The geometries Hotspot reads: points for incidents and sites, polygons for areas, lines for
/// context layers (roads, rivers, railways) drawn under a map.
///
/// Lines are not areal: they have no area, contain no point, and every command that needs areas
/// leaves them out. GeometryCollection and other GeoJSON types are reported by the readers and
/// skipped.
public enum Geometry: Hashable, Sendable {
  case point(Point)
  case multiPoint([Point])
  case polygon(Polygon)
  case multiPolygon(MultiPolygon)
  /// A single line (a road segment, a river reach).
  case lineString(LineString)
  /// The parts of a multi-part line, in order; never empty (the readers give nil instead).
  case multiLineString([LineString])

  /// The GeoJSON type name (`Polygon`, `MultiPoint`, `LineString`…).
  public var typeName: String {
    switch self {
    case .point: "Point"
    case .multiPoint: "MultiPoint"
    case .polygon: "Polygon"
    case .multiPolygon: "MultiPolygon"
    case .lineString: "LineString"
    case .multiLineString: "MultiLineString"
    }
  }

  /// The polygons of an areal geometry (one for a Polygon), empty for points and lines.
  public var polygons: [Polygon] {
    switch self {
    case .polygon(let polygon): [polygon]
    case .multiPolygon(let multi): multi.polygons
    case .point, .multiPoint, .lineString, .multiLineString: []
    }
  }

  /// The positions of a point geometry, empty for polygons and lines.
  public var points: [Point] {
    switch self {
    case .point(let point): [point]
    case .multiPoint(let points): points
    case .polygon, .multiPolygon, .lineString, .multiLineString: []
    }
  }

  /// The parts of a linear geometry (one for a LineString), empty for points and polygons.
  public var lines: [LineString] {
    switch self {
    case .lineString(let line): [line]
    case .multiLineString(let lines): lines
    case .point, .multiPoint, .polygon, .multiPolygon: []
    }
  }

  /// True when the geometry has at least one polygon: a Polygon, or a MultiPolygon with one part or more.
  public var isAreal: Bool { !polygons.isEmpty }

  /// True for LineString and MultiLineString.
  public var isLinear: Bool { !lines.isEmpty }

  /// The box of every position, in the geometry's CRS. O(n).
  public var boundingBox: BoundingBox {
    switch self {
    case .point(let point): BoundingBox(points: [point])
    case .multiPoint(let points): BoundingBox(points: points)
    case .polygon(let polygon): polygon.boundingBox
    case .multiPolygon(let multi): multi.boundingBox
    case .lineString(let line): line.boundingBox
    case .multiLineString(let lines): lines.reduce(BoundingBox.empty) { $0.union($1.boundingBox) }
    }
  }

  /// Positions, ring closures and a closed line's repeated end included (as GEOS, shapely and
  /// QGIS count them).
  public var vertexCount: Int {
    switch self {
    case .point: 1
    case .multiPoint(let points): points.count
    case .polygon(let polygon): polygon.vertexCount
    case .multiPolygon(let multi): multi.vertexCount
    case .lineString(let line): line.vertexCount
    case .multiLineString(let lines): lines.reduce(0) { $0 + $1.vertexCount }
    }
  }

  /// The same geometry with every position passed through `transform`.
  /// `transform` must map finite points to finite points (a projection does).
  public func mapPoints(_ transform: (Point) -> Point) -> Geometry {
    func ring(_ r: Ring) -> Ring { Ring(uncheckedClosed: r.points.map(transform)) }
    func polygon(_ p: Polygon) -> Polygon {
      Polygon(exterior: ring(p.exterior), holes: p.holes.map(ring))
    }
    func line(_ l: LineString) -> LineString { LineString(unchecked: l.points.map(transform)) }
    switch self {
    case .point(let p): return .point(transform(p))
    case .multiPoint(let ps): return .multiPoint(ps.map(transform))
    case .polygon(let p): return .polygon(polygon(p))
    case .multiPolygon(let m): return .multiPolygon(MultiPolygon(m.polygons.map(polygon)))
    case .lineString(let l): return .lineString(line(l))
    case .multiLineString(let ls): return .multiLineString(ls.map(line))
    }
  }
}
