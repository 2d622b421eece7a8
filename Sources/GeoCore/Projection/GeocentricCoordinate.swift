/// A position in an Earth-centred, Earth-fixed Cartesian frame, in metres: `x` towards the equator
/// at the prime meridian, `y` towards the equator at 90°E, `z` towards the north pole.
///
/// Which frame (OSGB36 or WGS84) is implied by the ellipsoid or Helmert step that produced it.
public struct GeocentricCoordinate: Hashable, Sendable {
  public var x: Double
  public var y: Double
  public var z: Double

  public init(x: Double, y: Double, z: Double) {
    self.x = x
    self.y = y
    self.z = z
  }
}
