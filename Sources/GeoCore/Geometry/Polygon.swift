/// An exterior ring minus its holes (the interiors).
///
/// Rings keep the orientation they were read with; algorithms here do not depend on it.
public struct Polygon: Hashable, Sendable {
  public let exterior: Ring
  public let holes: [Ring]

  public init(exterior: Ring, holes: [Ring] = []) {
    self.exterior = exterior
    self.holes = holes
  }

  /// The exterior ring followed by the holes.
  public var rings: [Ring] { [exterior] + holes }

  public var boundingBox: BoundingBox { exterior.boundingBox }

  /// Positions over all rings, closing repeats included (as GEOS counts).
  public var vertexCount: Int { holes.reduce(exterior.vertexCount) { $0 + $1.vertexCount } }
}

/// The union of its polygons (parts). A part may have holes.
public struct MultiPolygon: Hashable, Sendable {
  public let polygons: [Polygon]

  public init(_ polygons: [Polygon]) {
    self.polygons = polygons
  }

  public var boundingBox: BoundingBox {
    polygons.reduce(BoundingBox.empty) { $0.union($1.boundingBox) }
  }

  public var vertexCount: Int { polygons.reduce(0) { $0 + $1.vertexCount } }
}
