import Foundation

/// British National Grid (EPSG:27700) ⇄ WGS84 longitude/latitude.
///
/// The grid is a transverse Mercator of the OSGB36 datum on the Airy 1830 ellipsoid: true origin
/// 49°N 2°W, scale factor 0.9996012717 on the central meridian, false easting 400 000 m, false
/// northing −100 000 m (Ordnance Survey, *A guide to coordinate systems in Great Britain*,
/// annex A). WGS84 and OSGB36 are related by the 7-parameter Helmert transformation EPSG:1314
/// "OSGB36 to WGS 84 (6)" (OS guide section 6.6), through geocentric Cartesian coordinates with
/// height 0 going in and the height dropped coming out:
///
///     WGS84 lon/lat → geocentric (WGS84) → inverse Helmert → geodetic on Airy 1830 → TM → E, N
///
/// and `unproject` runs the same steps backwards.
///
/// ## Parity
/// - PROJ's pipeline for EPSG:1314 (what pyproj uses when the OSTN15 grid is not installed):
///   about a millimetre. On `shared/conformance/proj_ref20.csv` (20 points across GB) `unproject`
///   is within 2.1e-9° (0.2 mm) of PROJ's WGS84 longitudes and latitudes and `project` within
///   0.3 mm of PROJ's eastings and northings. All of that is the Airy figure: PROJ's `+ellps=airy`
///   has 1/f = 299.3249646 (b = 6 356 256.9092 m), the OS guide b = 6 356 256.909 m; given PROJ's
///   figure, the two agree to the file's printed digits.
/// - The official OSTN15 transformation: this pipeline differs from it by up to about 3.5 m, the
///   accuracy of a single Helmert for all of Great Britain. Good for mapping incidents to areas
///   and cells; not for surveying.
///
/// ## Properties
/// - `unproject(project(c))` returns `c` to within about 2 mm (2e-8°), not to rounding: the
///   height dropped between the datums moves a point along one ellipsoid's normal going and along
///   the other's coming back. PROJ's own round trip is off by the same (`roundtrip_m` in the CSV).
/// - Complexity: O(1) per point, no allocation.
public enum BritishNationalGrid {
  /// The OSGB36 transverse Mercator alone (Airy 1830 lon/lat ⇄ EPSG:27700 metres, no datum
  /// change), with the parameters of OS guide annex A.
  public static let osgb36TransverseMercator = TransverseMercator(
    ellipsoid: .airy1830, centralMeridian: -2, latitudeOfOrigin: 49, scale: 0.9996012717,
    falseEasting: 400_000, falseNorthing: -100_000)

  /// The datum transformation from OSGB36 to WGS84 (EPSG:1314).
  public static let datumTransformation = Helmert.osgb36ToWGS84

  /// EPSG:27700 easting (x) and northing (y) in metres of a WGS84 longitude/latitude in degrees.
  public static func project(_ c: GeographicCoordinate) -> Point {
    let (x, y) = pipeline.project(longitude: c.longitude, latitude: c.latitude)
    return Point(x: x, y: y)
  }

  /// The WGS84 longitude/latitude in degrees of an EPSG:27700 easting (x) and northing (y) in metres.
  public static func unproject(_ p: Point) -> GeographicCoordinate {
    let (longitude, latitude) = pipeline.unproject(x: p.x, y: p.y)
    return GeographicCoordinate(longitude: longitude, latitude: latitude)
  }

  /// The OSGB36 (Airy 1830) longitude/latitude of a WGS84 one, degrees (EPSG:1314 inverted).
  public static func osgb36(fromWGS84 c: GeographicCoordinate) -> GeographicCoordinate {
    Ellipsoid.airy1830.geographic(datumTransformation.inverse(Ellipsoid.wgs84.geocentric(c)))
  }

  /// The WGS84 longitude/latitude of an OSGB36 (Airy 1830) one, degrees (EPSG:1314).
  public static func wgs84(fromOSGB36 c: GeographicCoordinate) -> GeographicCoordinate {
    Ellipsoid.wgs84.geographic(datumTransformation.forward(Ellipsoid.airy1830.geocentric(c)))
  }

  /// The whole pipeline with its parts held by value, so that `CoordinateTransform` can copy it
  /// and its loops read no global state.
  static let pipeline = Pipeline(projection: osgb36TransverseMercator, datum: datumTransformation)

  /// WGS84 ⇄ EPSG:27700, fused: angles enter and leave as degrees once, and every step between
  /// passes sines and cosines, so a point costs one `sin`/`cos` pair each way besides the
  /// projection's own functions.
  struct Pipeline: Sendable {
    let projection: TransverseMercator
    let datum: Helmert
    let airy = Ellipsoid.airy1830
    let wgs84 = Ellipsoid.wgs84

    @inline(__always)
    func project(longitude: Double, latitude: Double) -> (x: Double, y: Double) {
      let phi = latitude * Angle.radiansPerDegree
      let lambda = longitude * Angle.radiansPerDegree
      let (gx, gy, gz) = wgs84.geocentric(
        sinPhi: sin(phi), cosPhi: cos(phi), sinLambda: sin(lambda), cosLambda: cos(lambda))
      let (x, y, z) = datum.inverse(x: gx, y: gy, z: gz)
      let (sinPhi, cosPhi) = airy.geodeticLatitude(x: x, y: y, z: z)
      let p = (x * x + y * y).squareRoot()
      let (sinLambda, cosLambda) = p > 0 ? (y / p, x / p) : (0, 1)
      // λ − λ0 by the angle-difference identities.
      let s0 = projection.sinCentralMeridian
      let c0 = projection.cosCentralMeridian
      return projection.forward(
        sinPhi: sinPhi, cosPhi: cosPhi,
        sinLambda: sinLambda * c0 - cosLambda * s0, cosLambda: cosLambda * c0 + sinLambda * s0)
    }

    @inline(__always)
    func unproject(x: Double, y: Double) -> (longitude: Double, latitude: Double) {
      let (sinPhi, cosPhi, sinDLambda, cosDLambda) = projection.inverseSinCos(x: x, y: y)
      // λ = (λ − λ0) + λ0 by the angle-sum identities.
      let s0 = projection.sinCentralMeridian
      let c0 = projection.cosCentralMeridian
      let (gx, gy, gz) = airy.geocentric(
        sinPhi: sinPhi, cosPhi: cosPhi,
        sinLambda: sinDLambda * c0 + cosDLambda * s0, cosLambda: cosDLambda * c0 - sinDLambda * s0)
      let (wx, wy, wz) = datum.forward(x: gx, y: gy, z: gz)
      let (s, c) = wgs84.geodeticLatitude(x: wx, y: wy, z: wz)
      return (atan2(wy, wx) * Angle.degreesPerRadian, atan2(s, c) * Angle.degreesPerRadian)
    }
  }
}
