import GeoCore
import SpatialAnalysis
import TestSupport
import Testing

@Suite("Coordinate transform")
struct CoordinateTransformTests {
  let durham = GeographicCoordinate(longitude: -1.5754, latitude: 54.7761)
  let newYorkCRS = CRS.localTransverseMercator(centralMeridian: -74.006, latitudeOfOrigin: 40.7128)

  @Test("planar coordinates cannot be related to the Earth")
  func planar() {
    #expect(CoordinateTransform(from: .planar, to: .wgs84) == nil)
    #expect(CoordinateTransform(from: .britishNationalGrid, to: .planar) == nil)
    #expect(CoordinateTransform(from: .planar, to: newYorkCRS) == nil)
    #expect(CoordinateTransform(from: .planar, to: .planar)?.isIdentity == true)
  }

  @Test("the same CRS on both sides is the identity, bit for bit")
  func identity() throws {
    for crs in [CRS.wgs84, .britishNationalGrid, .planar, newYorkCRS] {
      let transform = try #require(CoordinateTransform(from: crs, to: crs))
      #expect(transform.isIdentity)
      let p = Point(x: 427411.123456789, y: 542533.987654321)
      #expect(transform.apply(p) == p)
      var x = [p.x, -0.1]
      var y = [p.y, 51.5]
      transform.apply(x: &x, y: &y)
      #expect(x == [p.x, -0.1] && y == [p.y, 51.5])
    }
  }

  @Test("WGS84 ⇄ British National Grid is BritishNationalGrid.project and unproject")
  func britishNationalGrid() throws {
    let forward = try #require(CoordinateTransform(from: .wgs84, to: .britishNationalGrid))
    let inverse = try #require(CoordinateTransform(from: .britishNationalGrid, to: .wgs84))
    let p = forward.apply(Point(x: durham.longitude, y: durham.latitude))
    #expect(p == BritishNationalGrid.project(durham))
    let c = inverse.apply(p)
    let expected = BritishNationalGrid.unproject(p)
    #expect(c == Point(x: expected.longitude, y: expected.latitude))
  }

  @Test("WGS84 ⇄ a local transverse Mercator uses WGS84, scale 1 and false origin 0")
  func localTransverseMercator() throws {
    let transform = try #require(CoordinateTransform(from: .wgs84, to: newYorkCRS))
    let origin = transform.apply(Point(x: -74.006, y: 40.7128))
    #expect(isClose(origin.x, 0, tolerance: 1e-9) && isClose(origin.y, 0, tolerance: 1e-9))
    let projection = TransverseMercator(
      ellipsoid: .wgs84, centralMeridian: -74.006, latitudeOfOrigin: 40.7128, scale: 1,
      falseEasting: 0, falseNorthing: 0)
    let p = transform.apply(Point(x: -73.9857, y: 40.7484))
    #expect(p == projection.forward(GeographicCoordinate(longitude: -73.9857, latitude: 40.7484)))
  }

  @Test("British National Grid → local TM goes through WGS84 and comes back within 2 mm")
  func throughWGS84() throws {
    let local = CRS.localTransverseMercator(centralMeridian: -1.6, latitudeOfOrigin: 54.7)
    let there = try #require(CoordinateTransform(from: .britishNationalGrid, to: local))
    let back = try #require(CoordinateTransform(from: local, to: .britishNationalGrid))
    let p = Point(x: 427411, y: 542533)
    let q = there.apply(p)
    // Durham is a few km from the local origin.
    #expect(abs(q.x) < 10_000 && abs(q.y) < 20_000)
    let r = back.apply(q)
    #expect(isClose(r.x, p.x, tolerance: 0.002) && isClose(r.y, p.y, tolerance: 0.002))
  }

  @Test("an incident table is transformed column by column, keeping its other columns")
  func incidentTable() throws {
    var table = IncidentTable(crs: .britishNationalGrid)
    table.x = [427411, 437145.69, 401923.98]
    table.y = [542533, 544466.42, 519571.93]
    table.weight = [1, 2, 3]
    var category = CodedColumn()
    for name in ["Nuisance", "Personal", "Nuisance"] { category.append(name) }
    table.category = category
    let transform = try #require(CoordinateTransform(from: .britishNationalGrid, to: .wgs84))
    let result = transform.apply(table)
    #expect(result.crs == .wgs84)
    #expect(result.count == 3)
    #expect(result.weight == [1, 2, 3])
    #expect(result.category == category)
    for i in 0..<3 {
      let c = BritishNationalGrid.unproject(table.point(i))
      #expect(result.point(i) == Point(x: c.longitude, y: c.latitude))
    }
    #expect(table.crs == .britishNationalGrid && table.x[0] == 427411)
  }

  @Test("a feature collection is transformed point by point, keeping properties and ids")
  func featureCollection() throws {
    let square = [(0.0, 0.0), (1000, 0), (1000, 1000), (0, 1000), (0, 0)].map {
      Point(x: 420_000 + $0.0, y: 540_000 + $0.1)
    }
    let polygon = Polygon(exterior: try Ring(closed: square))
    let collection = FeatureCollection(
      features: [
        Feature(
          geometry: .polygon(polygon), properties: Properties([("name", .string("cell"))]), id: "7"),
        Feature(geometry: .point(Point(x: 427411, y: 542533))),
        Feature(geometry: nil),
      ],
      crs: .britishNationalGrid)
    let transform = try #require(CoordinateTransform(from: .britishNationalGrid, to: .wgs84))
    let result = transform.apply(collection)
    #expect(result.crs == .wgs84)
    #expect(result.features.count == 3)
    #expect(result.features[0].id == "7")
    #expect(result.features[0].properties["name"] == .string("cell"))
    let ring = try #require(result.features[0].geometry?.polygons.first?.exterior.points)
    #expect(ring.count == 5 && ring.first == ring.last)
    #expect(ring[0] == transform.apply(square[0]))
    #expect(result.features[1].geometry == .point(transform.apply(Point(x: 427411, y: 542533))))
    #expect(result.features[2].geometry == nil)
  }

  @Test("the bulk path gives the point path's bits, in parallel above 100,000 points")
  func bulkMatchesPoints() throws {
    let transform = try #require(CoordinateTransform(from: .wgs84, to: .britishNationalGrid))
    var rng = SplitMix64(seed: 5)
    let count = 150_001
    var x = (0..<count).map { _ in Double.random(in: -6...1.5, using: &rng) }
    var y = (0..<count).map { _ in Double.random(in: 50...58, using: &rng) }
    let (x0, y0) = (x, y)
    transform.apply(x: &x, y: &y)
    var mismatches = 0
    for i in stride(from: 0, to: count, by: 37)
    where transform.apply(Point(x: x0[i], y: y0[i])) != Point(x: x[i], y: y[i]) {
      mismatches += 1
    }
    #expect(mismatches == 0)
    #expect(x.last == transform.apply(Point(x: x0[count - 1], y: y0[count - 1])).x)
  }
}
