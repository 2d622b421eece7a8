import GeoCore
import GeoIO
import Testing

private let policeUKHeader = [
  "Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location",
  "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context",
]

private func mapping(
  _ header: [String], _ options: IncidentColumnOptions = IncidentColumnOptions()
) throws(InputError) -> ColumnMapping {
  try ColumnMapping(header: header, options: options, file: "test.csv")
}

@Suite("Incident column mapping")
struct IncidentColumnsTests {
  @Test("a police.uk street-level header is recognised and mapped")
  func policeUK() throws {
    let m = try mapping(policeUKHeader)
    #expect(m.format == .policeUK)
    #expect(m.coordinateKind == .geographic)
    #expect(m.x == ColumnMapping.Column(name: "Longitude", index: 4))
    #expect(m.y == ColumnMapping.Column(name: "Latitude", index: 5))
    #expect(m.category == ColumnMapping.Column(name: "Crime type", index: 9))
    #expect(m.date == ColumnMapping.Column(name: "Month", index: 1))
    #expect(m.id == nil, "ids are read only with --id-column")
    #expect(m.location == ColumnMapping.Column(name: "Location", index: 6))
    #expect(m.weight == nil)
    #expect(
      m.crsFromColumnNames == CRSDecision(crs: .wgs84, rule: .columnNames("longitude/latitude")))
    #expect(m.reason == "Longitude/Latitude (police.uk street-level file)")
  }

  @Test("options override police.uk's own columns")
  func policeUKWithOptions() throws {
    let m = try mapping(
      policeUKHeader, IncidentColumnOptions(categoryColumn: "Last outcome category"))
    #expect(m.format == .policeUK)
    #expect(m.category?.name == "Last outcome category")
  }

  @Test("common names are found without regard to case, spaces, hyphens or underscores")
  func commonNames() throws {
    let m = try mapping([
      "Ref", "BNG_X", "bng-y", "Crime_Type", "Occurred On", "WEIGHT", "ID", "Address",
    ])
    #expect(m.format == .plain)
    #expect(m.coordinateKind == .projected)
    #expect(m.x.name == "BNG_X")
    #expect(m.y.name == "bng-y")
    #expect(
      m.crsFromColumnNames
        == CRSDecision(crs: .britishNationalGrid, rule: .columnNames("easting/northing")))
    #expect(m.category?.name == "Crime_Type")
    #expect(m.date?.name == "Occurred On")
    #expect(m.weight?.name == "WEIGHT")
    #expect(m.id == nil, "ids are read only with --id-column")
    #expect(m.location?.name == "Address")
    #expect(m.reason == "BNG_X/bng-y")
  }

  @Test("projected columns win over lon/lat and the reason says so")
  func projectedPreferred() throws {
    let m = try mapping(["longitude", "latitude", "Easting", "Northing"])
    #expect(m.coordinateKind == .projected)
    #expect(m.x == ColumnMapping.Column(name: "Easting", index: 2))
    #expect(m.reason == "Easting/Northing (projected columns preferred over longitude/latitude)")
  }

  @Test("x/y columns leave the CRS to the coordinates' range")
  func xyColumns() throws {
    let m = try mapping(["x", "y", "lng", "lat"])
    #expect(m.x.name == "x")
    #expect(m.crsFromColumnNames == nil)
    #expect(m.reason == "x/y (projected columns preferred over lng/lat)")
  }

  @Test("lon/lat alone are geographic")
  func geographicOnly() throws {
    let m = try mapping(["id", "long", "lat", "type"])
    #expect(m.coordinateKind == .geographic)
    #expect(m.x.name == "long")
    #expect(m.category?.name == "type")
    #expect(m.reason == "long/lat")
  }

  @Test("columns named in the options win over common names")
  func optionsWin() throws {
    let options = IncidentColumnOptions(
      xColumn: "E", yColumn: "N", categoryColumn: "Class", dateColumn: "When", idColumn: "Ref")
    let m = try mapping(
      ["easting", "northing", "E", "N", "Class", "category", "When", "Ref"], options)
    #expect(m.x.name == "E")
    #expect(m.y.name == "N")
    #expect(m.crsFromColumnNames == nil)
    #expect(m.reason == "E/N (named in the options)")
    #expect(m.category?.name == "Class")
    #expect(m.date?.name == "When")
    #expect(m.id?.name == "Ref")
  }

  @Test("coordinate options come in pairs")
  func optionPairs() {
    #expect(throws: InputError.self) {
      try mapping(["E", "N"], IncidentColumnOptions(xColumn: "E"))
    }
  }

  @Test("a missing coordinate pair is an error listing the header")
  func missingCoordinates() {
    #expect(
      throws: InputError(
        file: "test.csv", line: 1,
        reason: .missingColumn(
          "for the coordinates: name easting/northing, x/y or longitude/latitude columns, or give them"
            + " in the options (the header is: id, easting, lat)"))
    ) {
      try mapping(["id", "easting", "lat"])
    }
  }

  @Test("two columns with the chosen name are ambiguous")
  func ambiguous() {
    let error = #expect(throws: InputError.self) {
      try mapping(["Lon", "lat", "lon"])
    }
    #expect(error?.field == "lon")
    guard case .ambiguousColumns(let text)? = error?.reason else {
      Issue.record("expected .ambiguousColumns, got \(String(describing: error))")
      return
    }
    #expect(text.contains("columns 1, 3"))
  }
}
