import GeoCore
import TestSupport
import Testing

@Suite("Working CRS")
struct WorkingCRSTests {
  @Test("County Durham works in British National Grid")
  func durham() {
    let box = BoundingBox(minX: -2.36, minY: 54.45, maxX: -1.24, maxY: 55.0)
    #expect(WorkingCRS.choose(wgs84Bounds: box) == .britishNationalGrid)
  }

  @Test("New York works in a local transverse Mercator centred on the data")
  func newYork() {
    let box = BoundingBox(minX: -74.2591, minY: 40.4774, maxX: -73.7004, maxY: 40.9176)
    #expect(
      WorkingCRS.choose(wgs84Bounds: box)
        == .localTransverseMercator(centralMeridian: -73.97975, latitudeOfOrigin: 40.6975))
  }

  @Test("the centre is rounded to 0.000001°")
  func rounding() {
    let box = BoundingBox(minX: 10.0000001, minY: 20.00000049, maxX: 10.0000003, maxY: 20.00000049)
    #expect(
      WorkingCRS.choose(wgs84Bounds: box)
        == .localTransverseMercator(centralMeridian: 10, latitudeOfOrigin: 20))
  }

  @Test("no data gives British National Grid, the product's home setting")
  func empty() {
    #expect(WorkingCRS.choose(wgs84Bounds: .empty) == .britishNationalGrid)
  }

  @Test("the edges of Great Britain's extent are inside; a box crossing them is not")
  func edges() {
    let extent = BoundingBox(minX: -9, minY: 49, maxX: 2.5, maxY: 61.5)
    #expect(WorkingCRS.choose(wgs84Bounds: extent) == .britishNationalGrid)
    let crossing = BoundingBox(minX: 1, minY: 50, maxX: 3, maxY: 51)
    #expect(
      WorkingCRS.choose(wgs84Bounds: crossing)
        == .localTransverseMercator(centralMeridian: 2, latitudeOfOrigin: 50.5))
  }
}
