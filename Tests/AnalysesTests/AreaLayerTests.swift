import Analyses
import Foundation
import GeoCore
import GeoIO
import TestSupport
import Testing

@Suite("AreaLayer: the one way areas are loaded")
struct AreaLayerTests {
  @Test("the sample divisions: 60 areas, ids and names detected, British National Grid")
  func sampleDivisions() throws {
    let layer = try AreaLayer.load(file: TestData.geoData("divisions.geojson").path)
    #expect(layer.count == 60)
    #expect(Set(layer.ids).count == 60)
    #expect(layer.working == .britishNationalGrid)
    #expect(layer.names.allSatisfy { !$0.isEmpty })
    #expect(layer.areas.allSatisfy { $0 > 0 })
  }

  @Test("a duplicate id is refused, naming the feature and the field")
  func duplicateIDs() throws {
    let folder = try TemporaryFolder()
    let square = "[[[0,0],[1,0],[1,1],[0,1],[0,0]]]"
    let file = try folder.file(
      "dup.geojson",
      """
      {"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"code":"A"},"geometry":{"type":"Polygon","coordinates":\(square)}},
      {"type":"Feature","properties":{"code":"A"},"geometry":{"type":"Polygon","coordinates":\(square)}}]}
      """)
    #expect(throws: InputError.self) { try AreaLayer.load(file: file, declaredCRS: .planar, idField: "code") }
    do {
      _ = try AreaLayer.load(file: file, declaredCRS: .planar, idField: "code")
    } catch {
      #expect(error.description.contains("duplicate area id 'A'"))
      #expect(error.description.contains("code"))
    }
  }

  @Test("a layer read in memory is prepared by the same rules as a file")
  func preparedInMemory() throws {
    let path = TestData.geoData("divisions.geojson").path
    let read = try BoundaryReader.read(file: path)
    let prepared = try AreaLayer.prepare(read)
    let loaded = try AreaLayer.load(file: path)
    #expect(prepared.ids == loaded.ids)
    #expect(prepared.areas == loaded.areas)
    #expect(prepared.idField == loaded.idField)
  }
}
