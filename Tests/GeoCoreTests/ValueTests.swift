import GeoCore
import Testing

@Suite("Dates, numbers, properties and incident columns")
struct ValueTests {
  @Test("dates pack as yyyymmdd and reject impossible days")
  func dates() throws {
    let day = try #require(IncidentDate(year: 2024, month: 2, day: 29))
    #expect(day.packed == 20_240_229 && day.description == "2024-02-29")
    #expect(IncidentDate(year: 2023, month: 2, day: 29) == nil)
    #expect(IncidentDate(year: 2024, month: 13) == nil)
    let month = try #require(IncidentDate(year: 2022, month: 1))
    #expect(month.day == nil && month.description == "2022-01")
    #expect(month < day)
    #expect(IncidentDate.monthText(monthIndex: month.monthIndex + 11) == "2022-12")
    #expect(IncidentDate.daysIn(year: 1900, month: 2) == 28 && IncidentDate.daysIn(year: 2000, month: 2) == 29)
  }

  @Test(
    "numbers become the same text every time",
    arguments: [
      (0.0, 3, "0"), (-0.0, 3, "0"), (1.5, 3, "1.5"), (2.0004, 3, "2"), (-1.25, 1, "-1.3"),
      (1234567.891, 2, "1234567.89"), (0.000123, 6, "0.000123"), (-0.0004, 3, "0"),
    ])
  func fixedDigits(value: Double, digits: Int, expected: String) {
    #expect(NumberText.fixed(value, digits: digits) == expected)
  }

  @Test("shortest number text drops .0 from integers")
  func shortest() {
    #expect(NumberText.shortest(42) == "42")
    #expect(NumberText.shortest(-0.0) == "0")
    #expect(NumberText.shortest(0.1) == "0.1")
    #expect(NumberText.shortest(1e300) == "1e300")
  }

  @Test("significant digits down to subnormal numbers (a p of 1e-313 is not 'inf')")
  func significantTiny() {
    #expect(NumberText.significant(0.0004257, digits: 4) == "0.0004257")
    #expect(NumberText.significant(1.269e-07, digits: 4) == "1.269e-07")
    #expect(NumberText.significant(3.2e-300, digits: 4) == "3.2e-300")
    // Subnormal: built at run time (a literal would warn that it loses precision).
    let tiny = 1.2345e-300 * 1e-13
    let text = NumberText.significant(tiny, digits: 4)
    #expect(text.hasPrefix("1.23") && text.hasSuffix("e-313") && text.count == 10, "\(text)")
    #expect(NumberText.significant(Double.leastNonzeroMagnitude, digits: 3) == "4.94e-324")
  }

  @Test("properties keep their order and replace by name")
  func properties() {
    var properties = Properties([("b", .number(2)), ("a", .string("x"))])
    properties.set("b", .bool(true))
    properties.set("c", .null)
    #expect(properties.names == ["b", "a", "c"])
    #expect(properties["b"] == .bool(true))
    #expect(properties["a"]?.text == "x" && properties["missing"] == nil)
    #expect(PropertyValue.string(" 12.5 ").number == 12.5)
    #expect(PropertyValue.string("abc").number == nil)
  }

  @Test("incident tables append, select and code repeated labels")
  func incidentTables() {
    func table(_ xs: [Double], _ categories: [String]) -> IncidentTable {
      var t = IncidentTable(crs: .britishNationalGrid)
      t.x = xs
      t.y = xs
      var column = CodedColumn()
      for c in categories { column.append(c) }
      t.category = column
      return t
    }
    var a = table([1, 2], ["Nuisance", "Personal"])
    a.append(contentsOf: table([3, 4, 5], ["Environmental", "Nuisance", "Nuisance"]))
    #expect(a.count == 5 && a.x == [1, 2, 3, 4, 5])
    #expect(a.category?.values == ["Nuisance", "Personal", "Environmental"])
    #expect(a.category?.countsByValue() == [3, 1, 1])
    let picked = a.selecting(rows: [4, 0])
    #expect(picked.x == [5, 1] && picked.category?[0] == "Nuisance")
    #expect(a.boundingBox == BoundingBox(minX: 1, minY: 1, maxX: 5, maxY: 5))
  }

  @Test("CRS identifiers in their common spellings")
  func crsIdentifiers() {
    #expect(CRS(identifier: "EPSG:27700") == .britishNationalGrid)
    #expect(CRS(identifier: "urn:ogc:def:crs:EPSG::27700") == .britishNationalGrid)
    #expect(CRS(identifier: "http://www.opengis.net/def/crs/EPSG/0/27700") == .britishNationalGrid)
    #expect(CRS(identifier: "urn:ogc:def:crs:OGC:1.3:CRS84") == .wgs84)
    #expect(CRS(identifier: "EPSG:4326") == .wgs84)
    #expect(CRS(identifier: "planar") == .planar)
    #expect(CRS(identifier: "EPSG:3857") == nil)
    #expect(CRS(identifier: "EPSG:277001") == nil)
  }

  @Test("CRS from coordinate ranges, with the rule that decided")
  func crsDetection() {
    let lonLat = BoundingBox(minX: -2.3, minY: 54.4, maxX: -1.2, maxY: 54.9)
    let bng = BoundingBox(minX: 356_180, minY: 543_074, maxX: 440_586, maxY: 641_043)
    let other = BoundingBox(minX: 860, minY: 505, maxX: 987.5, maxY: 581)
    #expect(CRSDecision.decide(userDeclared: nil, fileDeclared: nil, bounds: lonLat).rule == .coordinateRangeWGS84)
    #expect(CRSDecision.decide(userDeclared: nil, fileDeclared: nil, bounds: bng).crs == .britishNationalGrid)
    #expect(CRSDecision.decide(userDeclared: nil, fileDeclared: nil, bounds: other).rule == .coordinateRangeBNG)
    let huge = BoundingBox(minX: -5e6, minY: 0, maxX: 5e6, maxY: 1)
    #expect(CRSDecision.decide(userDeclared: nil, fileDeclared: nil, bounds: huge).crs == .planar)
    let declared = CRSDecision(crs: .wgs84, rule: .crsMember("CRS84"))
    #expect(CRSDecision.decide(userDeclared: .planar, fileDeclared: declared, bounds: other).crs == .planar)
    #expect(CRSDecision.decide(userDeclared: nil, fileDeclared: declared, bounds: other) == declared)
  }
}
