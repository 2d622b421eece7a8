import GeoCore
import SpatialAnalysis
import TestSupport
import Testing

@Suite("Transverse Mercator")
struct TransverseMercatorTests {
  /// British National Grid's projection, as the OS guide defines it (annex A).
  let osgb36 = TransverseMercator(
    ellipsoid: .airy1830, centralMeridian: -2, latitudeOfOrigin: 49, scale: 0.9996012717,
    falseEasting: 400_000, falseNorthing: -100_000)

  /// Degrees from degrees, minutes and seconds.
  func degrees(_ d: Double, _ m: Double, _ s: Double) -> Double { d + m / 60 + s / 3600 }

  /// A local transverse Mercator on WGS84 as `CRS.localTransverseMercator` defines it.
  func local(_ lon0: Double, _ lat0: Double) -> TransverseMercator {
    TransverseMercator(
      ellipsoid: .wgs84, centralMeridian: lon0, latitudeOfOrigin: lat0, scale: 1, falseEasting: 0,
      falseNorthing: 0)
  }

  @Test("the OS guide worked example inverts to 52°39′27.2531″N 1°43′04.5177″E on OSGB36")
  func osGuideInverse() {
    let c = osgb36.inverse(Point(x: 651409.903, y: 313177.270))
    // The guide prints 4 decimals of an arcsecond: agree to that (0.0001″ ≈ 3 mm).
    #expect(isClose(c.latitude, degrees(52, 39, 27.2531), tolerance: 1e-4 / 3600))
    #expect(isClose(c.longitude, degrees(1, 43, 4.5177), tolerance: 1e-4 / 3600))
  }

  @Test("the OS guide worked example projects to E 651409.903, N 313177.270")
  func osGuideForward() {
    let p = osgb36.forward(
      GeographicCoordinate(longitude: degrees(1, 43, 4.5177), latitude: degrees(52, 39, 27.2531)))
    // The printed angles are rounded to 0.0001″, about 3 mm on the ground.
    #expect(isClose(p.x, 651409.903, tolerance: 0.003))
    #expect(isClose(p.y, 313177.270, tolerance: 0.003))
  }

  @Test("the true origin maps to the false origin")
  func trueOrigin() {
    let p = osgb36.forward(GeographicCoordinate(longitude: -2, latitude: 49))
    #expect(isClose(p.x, 400_000, tolerance: 1e-9))
    #expect(isClose(p.y, -100_000, tolerance: 1e-9))
  }

  @Test(
    "inverse TM matches PROJ's lon_osgb36, lat_osgb36 for the 20 reference points within 1e-8°",
    .enabled(
      if: TestData.conformanceReference("proj_ref20.csv") != nil,
      "shared/conformance/proj_ref20.csv is absent"))
  func inverseMatchesPROJ() {
    let rows = ProjectionReference.rows
    #expect(rows.count == 20)
    for row in rows {
      let c = osgb36.inverse(Point(x: row.easting, y: row.northing))
      #expect(isClose(c.longitude, row.lonOSGB36, tolerance: 1e-8), "\(row.label)")
      #expect(isClose(c.latitude, row.latOSGB36, tolerance: 1e-8), "\(row.label)")
    }
  }

  @Test(
    "forward TM of PROJ's OSGB36 lon/lat returns the reference easting and northing within 1 mm",
    .enabled(
      if: TestData.conformanceReference("proj_ref20.csv") != nil,
      "shared/conformance/proj_ref20.csv is absent"))
  func forwardMatchesPROJ() {
    let rows = ProjectionReference.rows
    #expect(rows.count == 20)
    for row in rows {
      let p = osgb36.forward(
        GeographicCoordinate(longitude: row.lonOSGB36, latitude: row.latOSGB36))
      // The CSV's 10 decimals of a degree are 0.01 mm.
      #expect(isClose(p.x, row.easting, tolerance: 0.001), "\(row.label)")
      #expect(isClose(p.y, row.northing, tolerance: 0.001), "\(row.label)")
    }
  }

  // Reference values made with pyproj 3.7.2 (PROJ 9.5.1):
  //   Transformer.from_pipeline("+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad
  //     +step +proj=tmerc +algo=poder_engsager +lat_0=… +lon_0=… +k=… +x_0=… +y_0=… <ellipsoid>")
  //   .transform(lon, lat), printed to 6 decimals; <ellipsoid> is `+ellps=WGS84`, or for OSGB36
  //   `+a=6377563.396 +b=6356256.909` (PROJ's `+ellps=airy` has 1/f = 299.3249646, 0.24 mm
  //   longer b, which moves these points by 5 µm).
  static let offMeridian: [OffMeridianCase] = [
    .init("OSGB36, 3° east of 2°W", .airy1830, -2, 49, 1.0, 52.0, 605909.130349, 237803.365169),
    .init("OSGB36, 3° west of 2°W", .airy1830, -2, 49, -5.0, 58.0, 222725.126125, 905103.657439),
    .init("New York, 3° east", .wgs84, -74.0, 40.7, -71.0, 41.5, 250502.654755, 93192.355386),
    .init("New York, 3° west", .wgs84, -74.0, 40.7, -77.0, 38.9, -260270.007735, -195574.428415),
    .init("Sydney, 3° east", .wgs84, 151.2, -33.9, 154.2, -33.9, 277526.994316, -4054.598652),
    .init("Sydney, 3° west", .wgs84, 151.2, -33.9, 148.2, -30.0, -289525.463422, 428663.827270),
    .init("Nairobi, 3° east", .wgs84, 36.8, -1.3, 39.8, -1.3, 334026.621500, -198.534325),
    .init("Nairobi, 3° west", .wgs84, 36.8, -1.3, 33.8, 2.0, -333909.656239, 365201.554169),
    .init("Tromsø, 3° east", .wgs84, 18.95, 69.65, 21.95, 69.65, 116438.269421, 2858.898250),
    .init("Tromsø, 3° west", .wgs84, 18.95, 69.65, 15.95, 71.0, -109013.796272, 153313.422834),
  ]

  @Test(
    "3° off the central meridian, forward and inverse agree with PROJ within 1 µm",
    arguments: offMeridian)
  func offMeridianAgreesWithPROJ(_ r: OffMeridianCase) {
    let projection =
      r.ellipsoid == .airy1830 ? osgb36 : local(r.lon0, r.lat0)
    let p = projection.forward(GeographicCoordinate(longitude: r.lon, latitude: r.lat))
    #expect(isClose(p.x, r.x, tolerance: 1e-6))
    #expect(isClose(p.y, r.y, tolerance: 1e-6))
    let c = projection.inverse(Point(x: r.x, y: r.y))
    #expect(isClose(c.longitude, r.lon, tolerance: 1e-10))
    #expect(isClose(c.latitude, r.lat, tolerance: 1e-10))
  }

  @Test(
    "local TM round trips within 1 mm around New York, Sydney, Nairobi and Tromsø",
    arguments: [(-74.006, 40.7128), (151.2093, -33.8688), (36.8219, -1.2921), (18.9553, 69.6492)])
  func localRoundTrip(centre: (Double, Double)) {
    let projection = local(centre.0, centre.1)
    var rng = SplitMix64(seed: 7)
    for _ in 0..<500 {
      let c = GeographicCoordinate(
        longitude: centre.0 + Double.random(in: -4...4, using: &rng),
        latitude: max(-89, min(89, centre.1 + Double.random(in: -4...4, using: &rng))))
      let p = projection.forward(c)
      let back = projection.inverse(p)
      #expect(isClose(back.longitude, c.longitude, tolerance: 1e-11))
      #expect(isClose(back.latitude, c.latitude, tolerance: 1e-11))
      let again = projection.forward(back)
      #expect(isClose(again.x, p.x, tolerance: 0.001))
      #expect(isClose(again.y, p.y, tolerance: 0.001))
    }
  }

  @Test("the centre of a local TM is its origin, and the poles are finite")
  func originAndPoles() {
    let projection = local(-74.006, 40.7128)
    let origin = projection.forward(GeographicCoordinate(longitude: -74.006, latitude: 40.7128))
    #expect(isClose(origin.x, 0, tolerance: 1e-9))
    #expect(isClose(origin.y, 0, tolerance: 1e-9))
    let pole = projection.forward(GeographicCoordinate(longitude: 10, latitude: 90))
    #expect(isClose(pole.x, 0, tolerance: 1e-6))
    #expect(pole.y.isFinite)
    let back = projection.inverse(pole)
    #expect(isClose(back.latitude, 90, tolerance: 1e-9))
  }

  @Test("longitudes across the antimeridian are taken modulo 360°")
  func antimeridian() {
    let projection = local(179.5, -17)
    let east = projection.forward(GeographicCoordinate(longitude: -179.5, latitude: -17))
    let west = projection.forward(GeographicCoordinate(longitude: 180.5, latitude: -17))
    #expect(isClose(east.x, west.x, tolerance: 1e-6))
    #expect(east.x > 100_000)
    let back = projection.inverse(east)
    #expect(isClose(back.longitude, -179.5, tolerance: 1e-10))
  }
}

/// A point 3° from the central meridian of a transverse Mercator, with PROJ's easting and northing.
struct OffMeridianCase: Sendable, CustomTestStringConvertible {
  let name: String
  let ellipsoid: Ellipsoid
  let lon0, lat0, lon, lat, x, y: Double

  init(
    _ name: String, _ ellipsoid: Ellipsoid, _ lon0: Double, _ lat0: Double, _ lon: Double,
    _ lat: Double, _ x: Double, _ y: Double
  ) {
    (self.name, self.ellipsoid) = (name, ellipsoid)
    (self.lon0, self.lat0, self.lon, self.lat, self.x, self.y) = (lon0, lat0, lon, lat, x, y)
  }

  var testDescription: String { name }
}
