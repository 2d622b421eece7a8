import Foundation

/// An ellipsoid of revolution: the figure of the Earth a datum's latitudes and longitudes refer to.
///
/// Lengths are in metres. Besides the two axes it keeps the derived constants that projections and
/// the geodetic ⇄ geocentric conversions use, so they are computed once per ellipsoid.
///
/// Source: Ordnance Survey, *A guide to coordinate systems in Great Britain* (Airy 1830, and the
/// conversions in its annex B); NIMA TR8350.2 for WGS84.
public struct Ellipsoid: Hashable, Sendable {
  /// Semi-major (equatorial) axis, metres.
  public let a: Double
  /// Semi-minor (polar) axis, metres.
  public let b: Double
  /// Flattening f = (a − b) / a.
  public let flattening: Double
  /// First eccentricity squared, e² = (a² − b²) / a².
  public let eccentricitySquared: Double
  /// Second eccentricity squared, e′² = (a² − b²) / b².
  public let secondEccentricitySquared: Double

  /// The ellipsoid with semi-major axis `a` and semi-minor axis `b`, metres (`a ≥ b > 0`).
  public init(semiMajorAxis a: Double, semiMinorAxis b: Double) {
    precondition(a >= b && b > 0, "an ellipsoid needs a ≥ b > 0")
    self.a = a
    self.b = b
    flattening = (a - b) / a
    eccentricitySquared = (a * a - b * b) / (a * a)
    secondEccentricitySquared = (a * a - b * b) / (b * b)
  }

  /// The ellipsoid with semi-major axis `a` (metres) and inverse flattening 1/f.
  public init(semiMajorAxis a: Double, inverseFlattening: Double) {
    self.init(semiMajorAxis: a, semiMinorAxis: a * (1 - 1 / inverseFlattening))
  }

  /// Airy 1830, the ellipsoid of OSGB36 and so of British National Grid:
  /// a = 6 377 563.396 m, b = 6 356 256.909 m (OS guide, table 1).
  public static let airy1830 = Ellipsoid(semiMajorAxis: 6_377_563.396, semiMinorAxis: 6_356_256.909)

  /// WGS84: a = 6 378 137 m, 1/f = 298.257223563.
  public static let wgs84 = Ellipsoid(semiMajorAxis: 6_378_137, inverseFlattening: 298.257223563)

  /// Third flattening n = (a − b) / (a + b), the small parameter of Krüger's series.
  public var thirdFlattening: Double { (a - b) / (a + b) }

  /// The geocentric Cartesian position of a point on this ellipsoid's surface (height 0).
  ///
  /// OS guide, annex B.1: x = ν cos φ cos λ, y = ν cos φ sin λ, z = (1 − e²) ν sin φ with
  /// ν = a / √(1 − e² sin² φ). Exact to rounding.
  public func geocentric(_ c: GeographicCoordinate) -> GeocentricCoordinate {
    let phi = c.latitude * Angle.radiansPerDegree
    let lambda = c.longitude * Angle.radiansPerDegree
    let (x, y, z) = geocentric(
      sinPhi: sin(phi), cosPhi: cos(phi), sinLambda: sin(lambda), cosLambda: cos(lambda))
    return GeocentricCoordinate(x: x, y: y, z: z)
  }

  /// The geodetic longitude and latitude (degrees) of a geocentric position, its height above this
  /// ellipsoid dropped, as PROJ's `cart` step does between Helmert steps.
  ///
  /// Bowring's (1976) closed form, as in PROJ: within 1e-12 rad (under 0.01 mm) of the exact
  /// latitude for heights between −1 km and 10 km. Undefined at the Earth's centre.
  public func geographic(_ p: GeocentricCoordinate) -> GeographicCoordinate {
    let (sinPhi, cosPhi) = geodeticLatitude(x: p.x, y: p.y, z: p.z)
    return GeographicCoordinate(
      longitude: atan2(p.y, p.x) * Angle.degreesPerRadian,
      latitude: atan2(sinPhi, cosPhi) * Angle.degreesPerRadian)
  }

  /// `geocentric(_:)` from the sines and cosines of latitude and longitude, for the fused paths of
  /// `CoordinateTransform`, which never need the angles themselves.
  @inline(__always)
  func geocentric(
    sinPhi: Double, cosPhi: Double, sinLambda: Double, cosLambda: Double
  ) -> (x: Double, y: Double, z: Double) {
    let nu = a / (1 - eccentricitySquared * sinPhi * sinPhi).squareRoot()
    return (
      nu * cosPhi * cosLambda, nu * cosPhi * sinLambda, (1 - eccentricitySquared) * nu * sinPhi
    )
  }

  /// The sine and cosine of the geodetic latitude of a geocentric position (Bowring 1976), without
  /// calling a trigonometric function: the parametric latitude's sine and cosine come from the
  /// ratio z·a : p·b directly.
  @inline(__always)
  func geodeticLatitude(x: Double, y: Double, z: Double) -> (sin: Double, cos: Double) {
    let p = (x * x + y * y).squareRoot()
    let za = z * a
    let pb = p * b
    let r = (za * za + pb * pb).squareRoot()
    let sinTheta = za / r
    let cosTheta = pb / r
    let numerator = z + secondEccentricitySquared * b * sinTheta * sinTheta * sinTheta
    let denominator = p - eccentricitySquared * a * cosTheta * cosTheta * cosTheta
    let hypotenuse = (numerator * numerator + denominator * denominator).squareRoot()
    return (numerator / hypotenuse, denominator / hypotenuse)
  }
}
