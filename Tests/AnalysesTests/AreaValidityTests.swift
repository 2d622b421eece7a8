import Analyses
import Foundation
import GeoCore
import GeoIO
import TestSupport
import Testing

@Suite("AreaValidity: invalid polygons refused or repaired, overlapping areas found")
struct AreaValidityTests {
  static func collection(_ features: [String]) -> String {
    "{\"type\":\"FeatureCollection\",\"features\":[" + features.joined(separator: ",") + "]}"
  }

  static func feature(_ id: String, _ coordinates: String) -> String {
    "{\"type\":\"Feature\",\"properties\":{\"code\":\"\(id)\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":\(coordinates)}}"
  }

  @Test("a bow-tie is refused with its feature and crossing; with repair it is two triangles and the change is listed")
  func bowTie() throws {
    let folder = try TemporaryFolder()
    let file = try folder.file(
      "areas.geojson",
      Self.collection([
        Self.feature("A", "[[[0,0],[1,0],[1,1],[0,1],[0,0]]]"),
        Self.feature("B", "[[[0,0],[2,2],[2,0],[0,2],[0,0]]]"),
      ]))
    do {
      _ = try AreaLayer.load(file: file, declaredCRS: .planar)
      Issue.record("the bow-tie was accepted")
    } catch {
      #expect(error.exitStatus == 65)
      #expect(error.feature == 1)
      #expect(error.description.contains("invalid polygon: the exterior ring crosses itself at (1, 1)"))
    }
    let layer = try AreaLayer.load(file: file, declaredCRS: .planar, repair: true)
    #expect(layer.ids == ["A", "B"])
    #expect(layer.areas == [1, 2])
    #expect(layer.geometries[1].polygons.count == 2)
    #expect(
      layer.repairs == [
        "\(file), feature 1: repaired: the exterior ring crossed itself: cut at 1 point into 2 rings (even-odd rule)",
        "\(file), feature 1: repaired: the polygon became 2 polygons",
      ])
  }

  @Test("an unclosed ring is refused unless repaired; repaired, the reader's closing is reported")
  func unclosedRing() throws {
    let folder = try TemporaryFolder()
    let file = try folder.file(
      "areas.geojson", Self.collection([Self.feature("A", "[[[0,0],[1,0],[1,1],[0,1]]]")]))
    #expect(throws: InputError.self) { try AreaLayer.load(file: file, declaredCRS: .planar) }
    let layer = try AreaLayer.load(file: file, declaredCRS: .planar, repair: true)
    #expect(layer.areas == [1])
    #expect(layer.repairs.count == 1)
    #expect(layer.repairs[0].contains("the ring was not closed"))
  }

  @Test("a feature whose every ring is degenerate is left out by the repair, and said so")
  func degenerateFeature() throws {
    let folder = try TemporaryFolder()
    let file = try folder.file(
      "areas.geojson",
      Self.collection([
        Self.feature("A", "[[[0,0],[1,0],[1,1],[0,1],[0,0]]]"), Self.feature("B", "[[[0,0],[1,1],[2,2],[0,0]]]"),
      ]))
    let layer = try AreaLayer.load(file: file, declaredCRS: .planar, repair: true)
    #expect(layer.ids == ["A"])
    #expect(layer.repairs.contains("\(file), feature 1: repaired: the exterior ring dropped: it encloses no area"))
  }

  @Test("overlapping zones: the pair and the shared area; a partition has none")
  func overlaps() throws {
    let folder = try TemporaryFolder()
    let file = try folder.file(
      "zones.geojson",
      Self.collection([
        Self.feature("Z1", "[[[0,0],[1000,0],[1000,1000],[0,1000],[0,0]]]"),
        Self.feature("Z2", "[[[500,0],[1500,0],[1500,1000],[500,1000],[500,0]]]"),
        Self.feature("Z3", "[[[2000,0],[3000,0],[3000,1000],[2000,1000],[2000,0]]]"),
      ]))
    let layer = try AreaLayer.load(file: file, declaredCRS: .planar)
    let found = layer.overlaps()
    #expect(found.map { [$0.first, $0.second] } == [[0, 1]])
    // The shared 500 × 1000 rectangle, estimated on the 16 × 16 lattice over the boxes' overlap: exact here.
    #expect(found.first?.sharedArea == 500_000)
    let warning = try #require(layer.overlapWarning())
    #expect(warning.hasPrefix("the areas overlap (1 pair; most: 'Z1' and 'Z2' share about 500000"), "\(warning)")
    #expect(warning.contains("square units, 50% of 'Z1')"), "\(warning)")
    let divisions = try AreaLayer.load(file: TestData.geoData("divisions.geojson").path)
    #expect(divisions.overlaps().isEmpty)
    #expect(divisions.overlapWarning() == nil)
  }

  @Test(
    "the County Durham boundaries (wards, LSOAs, MSOAs, constituencies) are valid and do not overlap, checked quickly",
    .enabled(if: TestData.realData("county-durham-boundaries") != nil, "shared/realdata is absent"))
  func realBoundaries() throws {
    let folder = try #require(TestData.realData("county-durham-boundaries"))
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".geojson") }
      .sorted()
    #expect(names.count == 6)
    var vertices = 0
    let clock = ContinuousClock()
    var elapsed = Duration.zero
    for name in names {
      let read = try BoundaryReader.read(file: folder.appendingPathComponent(name).path)
      let features = read.collection.features.indices
      vertices += read.collection.features.reduce(0) { $0 + ($1.geometry?.vertexCount ?? 0) }
      let start = clock.now
      let problems = AreaValidity.problems(in: read, features: Array(features))
      elapsed += clock.now - start
      #expect(problems.isEmpty, "\(name): \(problems.prefix(3))")
      let layer = try AreaLayer.prepare(read)
      #expect(layer.overlaps().isEmpty, "\(name)")
    }
    // shapely 2.2: 48,181 coordinates, every feature valid (`is_valid`) in the six files.
    #expect(vertices == 48_181)
    #expect(elapsed < .seconds(30), "\(elapsed) for \(vertices) vertices")
  }
}
