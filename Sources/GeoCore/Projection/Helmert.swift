/// A 7-parameter Helmert transformation between two geocentric Cartesian frames, in the
/// position-vector convention (EPSG method 9606, "Position Vector transformation"):
///
///     X′ = T + (1 + s) · R · X,   R = [[1, −rz, ry], [rz, 1, −rx], [−ry, rx, 1]]
///
/// with the translation T in metres, the small rotations rx, ry, rz in radians (given in
/// arcseconds) and the scale change s (given in parts per million).
///
/// Sources: IOGP Geomatics Guidance Note 7-2, section 4.4.3; Ordnance Survey, *A guide to
/// coordinate systems in Great Britain*, section 6.6. The inverse is not the forward with the
/// signs flipped (4 mm off for EPSG:1314) but `X = Rᵀ (X′ − T) / (1 + s)`, as PROJ computes it.
///
/// ## Properties
/// - `inverse(forward(p))` is `p` to second order in the rotation angles: Rᵀ undoes the small-angle
///   matrix R up to terms in r², so for EPSG:1314 (rotations under 1″) the round trip is within
///   0.2 mm at the Earth's surface.
/// - Complexity: O(1), nine multiplications each way.
///
/// ## Parity
/// PROJ 9 `+proj=helmert +convention=position_vector` (its default, non-`exact` rotation matrix),
/// both directions, to rounding.
public struct Helmert: Hashable, Sendable {
  /// Translation tx, ty, tz in metres.
  public let translationX, translationY, translationZ: Double
  /// Rotations rx, ry, rz in arcseconds (position-vector convention).
  public let rotationX, rotationY, rotationZ: Double
  /// Scale change s in parts per million.
  public let scalePPM: Double

  private let rx, ry, rz: Double
  private let scaleFactor: Double

  /// The transformation with translation (metres), rotations (arcseconds, position-vector
  /// convention) and scale change (parts per million).
  public init(
    translationX: Double, translationY: Double, translationZ: Double,
    rotationX: Double, rotationY: Double, rotationZ: Double, scalePPM: Double
  ) {
    self.translationX = translationX
    self.translationY = translationY
    self.translationZ = translationZ
    self.rotationX = rotationX
    self.rotationY = rotationY
    self.rotationZ = rotationZ
    self.scalePPM = scalePPM
    rx = rotationX * Angle.radiansPerArcsecond
    ry = rotationY * Angle.radiansPerArcsecond
    rz = rotationZ * Angle.radiansPerArcsecond
    scaleFactor = 1 + scalePPM * 1e-6
  }

  /// OSGB36 → WGS84, EPSG:1314 "OSGB36 to WGS 84 (6)": tx +446.448 m, ty −125.157 m,
  /// tz +542.060 m, rx +0.150″, ry +0.247″, rz +0.842″, s −20.489 ppm. Stated accuracy 2 m
  /// (EPSG); up to about 3.5 m from the official OSTN15 transformation.
  public static let osgb36ToWGS84 = Helmert(
    translationX: 446.448, translationY: -125.157, translationZ: 542.060,
    rotationX: 0.150, rotationY: 0.247, rotationZ: 0.842, scalePPM: -20.489)

  /// The position in the target frame of `p` in the source frame.
  public func forward(_ p: GeocentricCoordinate) -> GeocentricCoordinate {
    let (x, y, z) = forward(x: p.x, y: p.y, z: p.z)
    return GeocentricCoordinate(x: x, y: y, z: z)
  }

  /// The position in the source frame of `p` in the target frame: `Rᵀ (p − T) / (1 + s)`.
  public func inverse(_ p: GeocentricCoordinate) -> GeocentricCoordinate {
    let (x, y, z) = inverse(x: p.x, y: p.y, z: p.z)
    return GeocentricCoordinate(x: x, y: y, z: z)
  }

  @inline(__always)
  func forward(x: Double, y: Double, z: Double) -> (x: Double, y: Double, z: Double) {
    (
      translationX + scaleFactor * (x - rz * y + ry * z),
      translationY + scaleFactor * (rz * x + y - rx * z),
      translationZ + scaleFactor * (-ry * x + rx * y + z)
    )
  }

  @inline(__always)
  func inverse(x: Double, y: Double, z: Double) -> (x: Double, y: Double, z: Double) {
    let u = (x - translationX) / scaleFactor
    let v = (y - translationY) / scaleFactor
    let w = (z - translationZ) / scaleFactor
    return (u + rz * v - ry * w, -rz * u + v + rx * w, ry * u - rx * v + w)
  }
}
