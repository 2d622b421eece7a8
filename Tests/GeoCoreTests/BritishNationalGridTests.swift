import GeoCore
import TestSupport
import Testing

@Suite("British National Grid")
struct BritishNationalGridTests {
  @Test("the grid's projection has the OS guide's parameters")
  func parameters() {
    let tm = BritishNationalGrid.osgb36TransverseMercator
    #expect(tm.ellipsoid == .airy1830)
    #expect(tm.centralMeridian == -2 && tm.latitudeOfOrigin == 49)
    #expect(tm.scale == 0.9996012717)
    #expect(tm.falseEasting == 400_000 && tm.falseNorthing == -100_000)
    #expect(BritishNationalGrid.datumTransformation == .osgb36ToWGS84)
  }

  @Test(
    "unproject matches PROJ's EPSG:1314 pipeline for the 20 reference points within 1e-8°",
    .enabled(
      if: TestData.conformanceReference("proj_ref20.csv") != nil,
      "shared/conformance/proj_ref20.csv is absent"))
  func unprojectMatchesPROJ() {
    let rows = ProjectionReference.rows
    #expect(rows.count == 20)
    for row in rows {
      let c = BritishNationalGrid.unproject(Point(x: row.easting, y: row.northing))
      #expect(isClose(c.longitude, row.lonWGS84, tolerance: 1e-8), "\(row.label)")
      #expect(isClose(c.latitude, row.latWGS84, tolerance: 1e-8), "\(row.label)")
    }
  }

  @Test(
    "project returns PROJ's easting_back/northing_back within 5 mm and the original within 1 cm",
    .enabled(
      if: TestData.conformanceReference("proj_ref20.csv") != nil,
      "shared/conformance/proj_ref20.csv is absent"))
  func projectMatchesPROJ() {
    let rows = ProjectionReference.rows
    #expect(rows.count == 20)
    for row in rows {
      let p = BritishNationalGrid.project(
        GeographicCoordinate(longitude: row.lonWGS84, latitude: row.latWGS84))
      #expect(isClose(p.x, row.eastingBack, tolerance: 0.005), "\(row.label)")
      #expect(isClose(p.y, row.northingBack, tolerance: 0.005), "\(row.label)")
      #expect(isClose(p.x, row.easting, tolerance: 0.01), "\(row.label)")
      #expect(isClose(p.y, row.northing, tolerance: 0.01), "\(row.label)")
    }
  }

  @Test("the OS guide worked example unprojects near Caister, 1.716°E 52.658°N, on WGS84")
  func osGuideExampleOnWGS84() {
    // PROJ 9.5.1 gives 1.7160519904, 52.6579785986 (shared/conformance/proj_ref20.csv, row 1).
    let c = BritishNationalGrid.unproject(Point(x: 651409.903, y: 313177.270))
    #expect(isClose(c.longitude, 1.7160519904, tolerance: 1e-8))
    #expect(isClose(c.latitude, 52.6579785986, tolerance: 1e-8))
  }

  @Test("WGS84 → BNG → WGS84 across Great Britain returns within 2e-8° (PROJ's own 1 mm)")
  func roundTripAcrossGB() {
    var worst = 0.0
    for lat in stride(from: 50.0, through: 60.5, by: 0.5) {
      for lon in stride(from: -7.5, through: 1.75, by: 0.25) {
        let c = GeographicCoordinate(longitude: lon, latitude: lat)
        let back = BritishNationalGrid.unproject(BritishNationalGrid.project(c))
        worst = max(worst, abs(back.longitude - lon), abs(back.latitude - lat))
      }
    }
    // Not 1e-9°: the height dropped between the datums moves each point ~1 mm, as in PROJ
    // (proj_ref20.csv's roundtrip_m column).
    #expect(worst < 2e-8)
  }

  @Test("BNG → WGS84 → BNG across Great Britain returns within 2 mm")
  func gridRoundTrip() {
    for easting in stride(from: 50_000.0, through: 650_000, by: 50_000) {
      for northing in stride(from: 10_000.0, through: 1_210_000, by: 100_000) {
        let p = Point(x: easting, y: northing)
        let back = BritishNationalGrid.project(BritishNationalGrid.unproject(p))
        #expect(isClose(back.x, easting, tolerance: 0.002))
        #expect(isClose(back.y, northing, tolerance: 0.002))
      }
    }
  }

  @Test("the datum steps alone are each other's inverse within 1e-8°")
  func datumRoundTrip() {
    let c = GeographicCoordinate(longitude: -1.5754, latitude: 54.7761)
    let osgb = BritishNationalGrid.osgb36(fromWGS84: c)
    // OSGB36 lies about 100 m east-south-east of WGS84 positions in Durham.
    #expect(osgb.longitude > c.longitude)
    let back = BritishNationalGrid.wgs84(fromOSGB36: osgb)
    #expect(isClose(back.longitude, c.longitude, tolerance: 2e-8))
    #expect(isClose(back.latitude, c.latitude, tolerance: 2e-8))
  }

  @Test("project agrees with its parts: inverse Helmert, then the OSGB36 transverse Mercator")
  func projectIsItsParts() {
    let c = GeographicCoordinate(longitude: -1.5754, latitude: 54.7761)
    let p = BritishNationalGrid.project(c)
    let q = BritishNationalGrid.osgb36TransverseMercator.forward(
      BritishNationalGrid.osgb36(fromWGS84: c))
    #expect(isClose(p.x, q.x, tolerance: 1e-6))
    #expect(isClose(p.y, q.y, tolerance: 1e-6))
  }
}
