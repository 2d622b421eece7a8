/// A position in an Earth-centred, Earth-fixed Cartesian frame, in metres: `x` towards the equator
/// at the prime meridian, `y` towards the equator at 90°E, `z` towards the north pole.
///
/// Which frame (OSGB36 or WGS84) is implied by the ellipsoid or Helmert step that produced it.
public struct GeocentricCoordinate: Hashable, Sendable {
  /// Metres towards the equator at the prime meridian.
  public var x: Double
  /// Metres towards the equator at 90°E.
  public var y: Double
  /// Metres towards the north pole.
  public var z: Double

  /// A position from its three coordinates in metres.
  public init(x: Double, y: Double, z: Double) {
    self.x = x
    self.y = y
    self.z = z
  }
}
