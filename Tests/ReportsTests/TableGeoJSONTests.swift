import Foundation
import GeoCore
import GeoIO
import Rendering
import Reports
import Testing

@Suite("TableGeoJSON: table rows as features")
struct TableGeoJSONTests {
  @Test("cells become properties (numbers as numbers, empty as null); planar data is refused")
  func rowsAsFeatures() throws {
    let table = Table(
      columns: [Table.Column("area_id"), Table.Column("count")],
      rows: [[.text("A"), .integer(3)], [.text("B"), .empty]])
    func square(_ x: Double) -> Geometry {
      .polygon(
        Polygon(
          exterior: Ring(uncheckedClosed: [
            Point(x: x, y: 0), Point(x: x + 1, y: 0), Point(x: x + 1, y: 1), Point(x: x, y: 0),
          ])))
    }
    let text = try TableGeoJSON.write(table, geometries: [square(0), square(2)], from: .wgs84, file: "t")
    #expect(text.contains("\"area_id\":\"A\""))
    #expect(text.contains("\"count\":3"))
    #expect(text.contains("\"count\":null"))
    #expect(throws: InputError.self) {
      try TableGeoJSON.write(table, geometries: [square(0), square(2)], from: .planar, file: "t")
    }
  }
}
