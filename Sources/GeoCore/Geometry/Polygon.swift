/// An exterior ring minus its holes (the interiors).
///
/// Rings keep the orientation they were read with; algorithms here do not depend on it.
public struct Polygon: Hashable, Sendable {
  /// The outer boundary.
  public let exterior: Ring
  /// The interior rings (holes), possibly none, in file order.
  public let holes: [Ring]

  /// A polygon from its rings, taken as given: holes are not checked to lie inside the exterior.
  public init(exterior: Ring, holes: [Ring] = []) {
    self.exterior = exterior
    self.holes = holes
  }

  /// The exterior ring followed by the holes.
  public var rings: [Ring] { [exterior] + holes }

  /// The box of the exterior ring, which holds the holes too.
  public var boundingBox: BoundingBox { exterior.boundingBox }

  /// Positions over all rings, closing repeats included (as GEOS counts).
  public var vertexCount: Int { holes.reduce(exterior.vertexCount) { $0 + $1.vertexCount } }
}

/// The union of its polygons (parts). A part may have holes.
public struct MultiPolygon: Hashable, Sendable {
  /// The parts, in file order.
  public let polygons: [Polygon]

  /// A multipolygon of `polygons` (possibly none), taken as given: parts are not checked for overlap.
  public init(_ polygons: [Polygon]) {
    self.polygons = polygons
  }

  /// The union of the parts' boxes; `.empty` when there are no parts.
  public var boundingBox: BoundingBox {
    polygons.reduce(BoundingBox.empty) { $0.union($1.boundingBox) }
  }

  /// Positions over all parts and rings, closing repeats included (as GEOS counts).
  public var vertexCount: Int { polygons.reduce(0) { $0 + $1.vertexCount } }
}
