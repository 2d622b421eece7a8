import Analyses
import GeoCore
import GeoIO
import Testing

@Suite("AreaLayer refuses lines")
struct LineOnlyAreasTests {
  @Test("a file of roads (lines only) is refused as an areas file: it holds no polygons")
  func lineOnly() throws {
    let text = """
      {"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"code":"A68"},"geometry":{"type":"LineString","coordinates":[[-1.5,54.5],[-1.4,54.6]]}}]}
      """
    let source = try GeoJSONReader.read(bytes: Array(text.utf8), name: "roads.geojson")
    #expect(source.collection.features[0].geometry?.isLinear == true)
    #expect {
      _ = try AreaLayer.prepare(source)
    } throws: { error in
      "\(error)".contains("holds no polygons (1 features)")
    }
  }

  @Test("lines beside polygons are left out of the areas, as points are")
  func mixed() throws {
    let text = """
      {"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"code":"road"},"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}},
      {"type":"Feature","properties":{"code":"ward"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}}]}
      """
    let layer = try AreaLayer.prepare(
      try GeoJSONReader.read(bytes: Array(text.utf8), name: "mixed.geojson", declaredCRS: .planar))
    #expect(layer.ids == ["ward"])
  }
}
