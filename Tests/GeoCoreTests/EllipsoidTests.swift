import GeoCore
import SpatialAnalysis
import TestSupport
import Testing

@Suite("Ellipsoid")
struct EllipsoidTests {
  @Test("Airy 1830 and WGS84 have the defining axes and flattening")
  func constants() {
    #expect(Ellipsoid.airy1830.a == 6_377_563.396)
    #expect(Ellipsoid.airy1830.b == 6_356_256.909)
    #expect(Ellipsoid.wgs84.a == 6_378_137)
    #expect(isClose(1 / Ellipsoid.wgs84.flattening, 298.257223563, tolerance: 1e-8))
    #expect(isClose(Ellipsoid.wgs84.b, 6_356_752.314245, tolerance: 1e-6))
  }

  @Test("the equator at Greenwich is at x = a, and the north pole at z = b")
  func axes() {
    for ellipsoid in [Ellipsoid.airy1830, .wgs84] {
      let equator = ellipsoid.geocentric(GeographicCoordinate(longitude: 0, latitude: 0))
      #expect(isClose(equator.x, ellipsoid.a, tolerance: 1e-9))
      #expect(isClose(equator.y, 0, tolerance: 1e-9))
      let pole = ellipsoid.geocentric(GeographicCoordinate(longitude: 0, latitude: 90))
      #expect(isClose(pole.z, ellipsoid.b, tolerance: 1e-6))
    }
  }

  @Test("geodetic → geocentric → geodetic returns the coordinate within 1e-12°")
  func roundTrip() {
    var rng = SplitMix64(seed: 1)
    for _ in 0..<1_000 {
      let c = GeographicCoordinate(
        longitude: Double.random(in: -180..<180, using: &rng),
        latitude: Double.random(in: -89.9...89.9, using: &rng))
      let back = Ellipsoid.airy1830.geographic(Ellipsoid.airy1830.geocentric(c))
      #expect(isClose(back.longitude, c.longitude, tolerance: 1e-12))
      #expect(isClose(back.latitude, c.latitude, tolerance: 1e-12))
    }
  }
}
