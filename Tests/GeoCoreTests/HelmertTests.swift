import GeoCore
import SpatialAnalysis
import TestSupport
import Testing

@Suite("Helmert")
struct HelmertTests {
  let helmert = Helmert.osgb36ToWGS84

  @Test("EPSG:1314 carries its published parameters")
  func parameters() {
    #expect(helmert.translationX == 446.448)
    #expect(helmert.translationY == -125.157)
    #expect(helmert.translationZ == 542.060)
    #expect(helmert.rotationX == 0.150)
    #expect(helmert.rotationY == 0.247)
    #expect(helmert.rotationZ == 0.842)
    #expect(helmert.scalePPM == -20.489)
  }

  @Test("the origin moves by the translation alone")
  func origin() {
    let p = helmert.forward(GeocentricCoordinate(x: 0, y: 0, z: 0))
    #expect(p == GeocentricCoordinate(x: 446.448, y: -125.157, z: 542.060))
  }

  @Test("inverse undoes forward at the Earth's surface within 0.2 mm")
  func inverseUndoesForward() {
    var rng = SplitMix64(seed: 3)
    for _ in 0..<1_000 {
      let p = Ellipsoid.airy1830.geocentric(
        GeographicCoordinate(
          longitude: Double.random(in: -10...3, using: &rng),
          latitude: Double.random(in: 49...61, using: &rng)))
      let back = helmert.inverse(helmert.forward(p))
      #expect(isClose(back.x, p.x, tolerance: 2e-4))
      #expect(isClose(back.y, p.y, tolerance: 2e-4))
      #expect(isClose(back.z, p.z, tolerance: 2e-4))
    }
  }

  @Test("the transposed inverse is closer than flipping the signs of the parameters")
  func transposeBeatsSignFlip() {
    let flipped = Helmert(
      translationX: -446.448, translationY: 125.157, translationZ: -542.060,
      rotationX: -0.150, rotationY: -0.247, rotationZ: -0.842, scalePPM: 20.489)
    let p = Ellipsoid.airy1830.geocentric(GeographicCoordinate(longitude: -1.5, latitude: 54.8))
    let q = helmert.forward(p)
    let exact = helmert.inverse(q)
    let approximate = flipped.forward(q)
    func distance(_ a: GeocentricCoordinate, _ b: GeocentricCoordinate) -> Double {
      ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y) + (a.z - b.z) * (a.z - b.z))
        .squareRoot()
    }
    #expect(distance(exact, p) < 2e-4)
    #expect(distance(approximate, p) > 2e-3)
  }
}
