import GeoCore
import GeoIO
import TestSupport
import Testing

/// The OpenStreetMap main-road segments of Tyne and Wear (`shared/realdata`, ODbL; see its
/// PROVENANCE.md): geometry, `name` and `highway_type` only, which come from OpenStreetMap.
private let northEastRoadsFile = "roads-north-east-osm/north-east_cohesive_network.geojson"

@Suite("Lines on real roads")
struct LineRealDataTests {
  @Test(
    "Tyne and Wear's road segments read as LineStrings, project to British National Grid and simplify at one pixel of an 800-px map",
    .enabled(if: TestData.realData(northEastRoadsFile) != nil, "shared/realdata is absent"))
  func northEastRoads() throws {
    let url = try #require(TestData.realData(northEastRoadsFile))
    let layer = try GeoJSONReader.read(file: url.path)
    let features = layer.collection.features
    #expect(features.count == 3_593)
    #expect(layer.geometryTypeCounts.map { "\($0.type) \($0.count)" } == ["LineString 3593"])
    #expect(layer.problems.isEmpty)
    #expect(layer.collection.crs == .wgs84)
    #expect(features[0].properties["name"] == .string("Manor Road"))
    #expect(features[0].properties["highway_type"] == .string("primary"))
    #expect(features.filter { $0.properties["highway_type"] == .string("primary") }.count == 1_930)
    let before = features.reduce(0) { $0 + ($1.geometry?.vertexCount ?? 0) }
    #expect(before == 11_154)

    let transform = try #require(CoordinateTransform(from: .wgs84, to: .britishNationalGrid))
    let projected = transform.apply(layer.collection)
    let geometries = projected.features.compactMap(\.geometry)
    let length = geometries.reduce(0) { $0 + $1.length }
    // PROVENANCE.md: 262.9 km in EPSG:27700 (sf/GEOS/PROJ).
    #expect(isClose(length / 1000, 262.9, tolerance: 0.1), "length \(length) m")

    let extent = projected.boundingBox
    let tolerance = LineSimplification.tolerance(forMapOf: extent, widthInPixels: 800, pixels: 1)
    let simplified = geometries.map { $0.simplifyingLines(tolerance: tolerance) }
    let after = simplified.reduce(0) { $0 + $1.vertexCount }
    // Visvalingam–Whyatt at the area of half a square pixel, for comparison.
    let byArea = geometries.reduce(0) { total, geometry in
      geometry.lines.reduce(total) { $0 + $1.simplified(minimumArea: tolerance * tolerance / 2).vertexCount }
    }
    print(
      "roads-north-east-osm: \(features.count) features, \(before) vertices → \(after) at "
        + "\(NumberText.fixed(tolerance, digits: 2)) m (1 px of an 800-px map "
        + "\(NumberText.fixed(extent.width / 1000, digits: 1)) km wide), "
        + "\(NumberText.fixed(100 * Double(before - after) / Double(before), digits: 1))% fewer; "
        + "Visvalingam–Whyatt at half a square pixel keeps \(byArea)")
    #expect(after == 7_226)
    #expect(isClose(extent.width / 800, tolerance, tolerance: 1e-9))
    // Simplification never moves a line by more than the tolerance, so the length can only drop.
    let simplifiedLength = simplified.reduce(0) { $0 + $1.length }
    #expect(simplifiedLength <= length && simplifiedLength > 0.99 * length)
  }
}
