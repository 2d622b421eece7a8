import Foundation
import GeoCore
import TestSupport
import Testing

@testable import GeoIO

/// Reads one fixture with default options.
func readFixture(
  _ name: String, options: IncidentColumnOptions = IncidentColumnOptions()
) throws(InputError) -> (table: IncidentTable, report: IncidentReadReport) {
  try IncidentReader.read(files: [CSVFixture.path(name)], options: options)
}

/// The skipped rows as (line, column, reason), for exact comparison.
private func skippedRows(_ report: IncidentReadReport) -> [SkippedRow] {
  report.skipped.map { SkippedRow(line: $0.line, field: $0.field, reason: $0.reason) }
}

private struct SkippedRow: Equatable, CustomStringConvertible {
  var line: Int?
  var field: String?
  var reason: InputError.Reason
  var description: String { "line \(line ?? 0), \(field ?? "-"): \(reason)" }
}

/// Every data record is counted once.
private func isBalanced(_ report: IncidentReadReport) -> Bool {
  report.dataRows == report.rowsWithLocation + report.rowsWithoutLocation + report.skippedRows
}

@Suite("Incident reader")
struct IncidentReaderTests {
  // MARK: Real and generated data

  @Test(
    "the police.uk Durham excerpt reads as police.uk, 156 rows of January 2022",
    .enabled(
      if: TestData.realData("durham-police-2022-01/2022-01-durham-street.excerpt.csv") != nil,
      "needs shared/realdata/durham-police-2022-01"))
  func durhamExcerpt() throws {
    let url = try #require(
      TestData.realData("durham-police-2022-01/2022-01-durham-street.excerpt.csv"))
    let (table, report) = try IncidentReader.read(
      files: [url.path], options: IncidentColumnOptions())
    #expect(report.format == .policeUK)
    #expect(report.dataRows == 156)
    #expect(report.rowsWithLocation == 156)
    #expect(report.rowsWithoutLocation == 0)
    #expect(report.skippedRows == 0)
    #expect(table.count == 156)
    #expect(
      report.crsDecision == CRSDecision(crs: .wgs84, rule: .columnNames("longitude/latitude")))
    #expect(report.mapping.category?.name == "Crime type")
    #expect(report.mapping.date?.name == "Month")
    #expect(report.mapping.id == nil)
    #expect(report.mapping.location?.name == "Location")
    #expect(report.months.map(\.monthIndex) == [2022 * 12])
    #expect(report.months.map(\.count) == [156])
    let counts = report.categoryCounts.map { "\($0.category)=\($0.count)" }
    #expect(
      counts == [
        "Anti-social behaviour=63", "Criminal damage and arson=27",
        "Violence and sexual offences=25",
        "Public order=15", "Burglary=11", "Shoplifting=5", "Drugs=3", "Other crime=3",
        "Other theft=3",
        "Vehicle crime=1",
      ])
    #expect(table.location?[0] == "On or near Meredene")
    #expect(isClose(table.x[0], 0.493806, tolerance: 1e-12))
    #expect(isClose(table.y[0], 51.566298, tolerance: 1e-12))
    #expect(table.id == nil)
    let (withIDs, _) = try IncidentReader.read(
      files: [url.path], options: IncidentColumnOptions(idColumn: "Crime ID"))
    #expect(withIDs.id?[1] == "")
    #expect(withIDs.id?[0].count == 64)
  }

  @Test(
    "the Northumbria file reads as a plain CSV with lon/lat and category from type",
    .enabled(
      if: TestData.realData("northumbria-2017-02/NorthumbriaCrimDamage.csv") != nil,
      "needs shared/realdata/northumbria-2017-02"))
  func northumbria() throws {
    let url = try #require(TestData.realData("northumbria-2017-02/NorthumbriaCrimDamage.csv"))
    let (table, report) = try IncidentReader.read(
      files: [url.path], options: IncidentColumnOptions())
    #expect(report.format == .plain)
    #expect(report.dataRows == 1_695)
    #expect(table.count == 1_695)
    #expect(report.mapping.coordinateKind == .geographic)
    #expect(report.mapping.x.name == "lon")
    #expect(report.mapping.y.name == "lat")
    #expect(report.mapping.category?.name == "type")
    #expect(report.mapping.date == nil)
    #expect(report.crsDecision.crs == .wgs84)
    #expect(report.categoryCounts.map(\.category) == ["Criminal damage and arson"])
    #expect(report.categoryCounts.map(\.count) == [1_695])
    #expect(report.months.isEmpty)
  }

  @Test(
    "the generated 10k file: easting/northing over lon/lat, BNG, 12 months of 2024",
    .enabled(if: TestData.generated("points_10k.csv") != nil, "needs the generated points_10k.csv"))
  func generated10k() throws {
    let url = try #require(TestData.generated("points_10k.csv"))
    let (table, report) = try IncidentReader.read(
      files: [url.path], options: IncidentColumnOptions())
    #expect(report.dataRows == 10_000)
    #expect(table.count == 10_000)
    #expect(report.mapping.coordinateKind == .projected)
    #expect(report.mapping.x.name == "easting")
    #expect(report.mapping.reason == "easting/northing (projected columns preferred over lon/lat)")
    #expect(
      report.crsDecision
        == CRSDecision(crs: .britishNationalGrid, rule: .columnNames("easting/northing")))
    #expect(report.months.map(\.monthIndex) == Array((2024 * 12)..<(2024 * 12 + 12)))
    #expect(report.months.reduce(0) { $0 + $1.count } == 10_000)
    #expect(
      Set(report.categoryCounts.map(\.category)) == ["Personal", "Nuisance", "Environmental"])
    #expect(report.categoryCounts.reduce(0) { $0 + $1.count } == 10_000)
    #expect(CRSDecision.fits(report.boundingBox, .britishNationalGrid))
  }

  // MARK: Columns and CRS

  @Test("projected columns are preferred over lon/lat, and the reason says so")
  func projectedPreferred() throws {
    let (table, report) = try readFixture("projected-and-lonlat.csv")
    #expect(report.mapping.reason == "easting/northing (projected columns preferred over lon/lat)")
    #expect(
      report.crsDecision
        == CRSDecision(crs: .britishNationalGrid, rule: .columnNames("easting/northing")))
    #expect(table.crs == .britishNationalGrid)
    #expect(table.x == [424144.99, 424113.99, 425000.00])
    #expect(table.y == [539823.50, 539819.35, 540000.00])
    #expect(table.date == [2024_04_00, 2024_10_00, 2024_04_00].map { IncidentDate(packed: $0) })
    #expect(table.category?.values == ["Environmental", "Personal"])
    #expect(table.category?.codes == [0, 1, 1])
    #expect(table.id == nil, "ids are read only with --id-column")
    #expect(report.months.map(\.monthIndex) == [2024 * 12 + 3, 2024 * 12 + 9])
    #expect(report.months.map(\.count) == [2, 1])
    #expect(report.categoryCounts.map(\.category) == ["Personal", "Environmental"])
    #expect(
      report.boundingBox
        == BoundingBox(minX: 424113.99, minY: 539819.35, maxX: 425000, maxY: 540000))
  }

  @Test("columns named in the options win, and a declared CRS wins")
  func optionsWin() throws {
    let options = IncidentColumnOptions(
      lonColumn: "lon", latColumn: "lat", categoryColumn: "id", declaredCRS: .wgs84)
    let (table, report) = try readFixture("projected-and-lonlat.csv", options: options)
    #expect(report.mapping.coordinateKind == .geographic)
    #expect(report.mapping.reason == "lon/lat (named in the options)")
    #expect(report.crsDecision == CRSDecision(crs: .wgs84, rule: .declaredByUser))
    #expect(table.x[0] == -1.626384)
    #expect(table.category?.values == ["1", "2", "3"])
  }

  @Test("x/y columns get their CRS from the range of the coordinates")
  func xyByRange() throws {
    let (table, report) = try readFixture("xy-british-national-grid.csv")
    #expect(report.crsDecision == CRSDecision(crs: .britishNationalGrid, rule: .coordinateRangeBNG))
    #expect(table.crs == .britishNationalGrid)
    #expect(table.count == 2)
    let degrees = try readFixture("xy-degrees.csv")
    #expect(degrees.report.crsDecision.crs == .wgs84)
    #expect(degrees.table.crs == .wgs84)
    let declared = try readFixture(
      "xy-degrees.csv", options: IncidentColumnOptions(declaredCRS: .planar))
    #expect(declared.report.crsDecision == CRSDecision(crs: .planar, rule: .declaredByUser))
  }

  @Test("a file without coordinate columns is an error listing its header")
  func missingCoordinates() {
    let path = CSVFixture.path("missing-coordinates.csv")
    let error = #expect(throws: InputError.self) {
      try IncidentReader.read(files: [path], options: IncidentColumnOptions())
    }
    #expect(error?.file == path)
    #expect(error?.line == 1)
    guard case .missingColumn(let text)? = error?.reason else {
      Issue.record("expected .missingColumn, got \(String(describing: error))")
      return
    }
    #expect(text.contains("the header is: id, place, category"))
  }

  @Test("a column named in the options must exist")
  func namedColumnMissing() {
    let path = CSVFixture.path("projected-and-lonlat.csv")
    let error = #expect(throws: InputError.self) {
      try IncidentReader.read(files: [path], options: IncidentColumnOptions(weightColumn: "count"))
    }
    #expect(error?.field == "count")
    guard case .missingColumn? = error?.reason else {
      Issue.record("expected .missingColumn, got \(String(describing: error))")
      return
    }
  }

  // MARK: Text

  @Test("quoted labels keep their commas, quotes and newlines")
  func quotedLabels() throws {
    let (table, report) = try readFixture("quoted-fields-embedded-newline.csv")
    #expect(report.dataRows == 3)
    #expect(
      table.location?.values == [
        "On or near \"The Square\", Durham", "Flat 2\nHigh Street", "Park",
      ])
    #expect(table.category?.values == ["Nuisance", "Personal", "Environmental"])
  }

  @Test("a BOM, CRLF line ends, a blank line and a trailing empty column read cleanly")
  func crlfAndBOM() throws {
    let (table, report) = try readFixture("crlf-bom.csv")
    #expect(report.mapping.header.first == "id")
    #expect(report.dataRows == 2)
    #expect(table.x == [-1.5, -1.6])
    #expect(table.id == nil, "ids are read only with --id-column")
    #expect(report.months.map(\.monthIndex) == [2024 * 12, 2024 * 12 + 1])
    #expect(report.skipped.isEmpty)
  }

  @Test("an unterminated quote stops the read at the line where the field began")
  func unterminatedQuote() {
    let path = CSVFixture.path("unterminated-quote.csv")
    #expect(throws: InputError(file: path, line: 3, reason: .unterminatedQuote)) {
      try IncidentReader.read(files: [path], options: IncidentColumnOptions())
    }
  }

  @Test("invalid UTF-8 in the header is an error; in a label it becomes U+FFFD")
  func invalidUTF8() throws {
    let path = CSVFixture.path("invalid-utf8-header.csv")
    #expect(
      throws: InputError(
        file: path, line: 1, field: "column 2 of the header", reason: .invalidUTF8(byteOffset: 7))
    ) {
      try IncidentReader.read(files: [path], options: IncidentColumnOptions())
    }
    let (table, _) = try readFixture("invalid-utf8-label.csv")
    #expect(table.location?.values == ["Caf\u{FFFD} Street"])
  }

  @Test("an empty file is an error; a header alone gives no rows")
  func emptyAndHeaderOnly() throws {
    let folder = CSVFixture.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let empty = CSVFixture.write("", to: "empty.csv", in: folder)
    #expect(throws: InputError(file: empty, reason: .emptyFile)) {
      try IncidentReader.read(files: [empty], options: IncidentColumnOptions())
    }
    let headerOnly = CSVFixture.write(
      "id,easting,northing,category\n", to: "header.csv", in: folder)
    let (table, report) = try IncidentReader.read(
      files: [headerOnly], options: IncidentColumnOptions())
    #expect(table.count == 0)
    #expect(table.category != nil)
    #expect(report.dataRows == 0)
    #expect(report.crsDecision.crs == .britishNationalGrid)
    #expect(report.boundingBox.isEmpty)
  }

  // MARK: Bad rows

  @Test("fields that are not finite numbers are skipped with line, column and text")
  func badNumbers() throws {
    let (table, report) = try readFixture("bad-number.csv")
    #expect(
      skippedRows(report) == [
        SkippedRow(line: 3, field: "easting", reason: .notANumber("42x000")),
        SkippedRow(line: 4, field: "northing", reason: .notANumber("1e400")),
        SkippedRow(line: 5, field: "easting", reason: .notANumber("NaN")),
        SkippedRow(line: 6, field: "weight", reason: .notANumber("abc")),
        SkippedRow(line: 8, field: "easting", reason: .notANumber("inf")),
      ])
    #expect(report.skipped.allSatisfy { $0.file == CSVFixture.path("bad-number.csv") })
    #expect(table.x == [424000, 424500.5])
    #expect(table.weight == [1, 2])
    #expect(report.dataRows == 7)
    #expect(report.skippedRows == 5)
    #expect(isBalanced(report))
    #expect(
      report.skippedByReason.map(\.reason) == [
        "not a number in 'easting'", "not a number in 'northing'", "not a number in 'weight'",
      ])
    #expect(report.skippedByReason.map(\.count) == [3, 1, 1])
  }

  @Test("coordinates outside their CRS are skipped")
  func outOfRange() throws {
    let (table, report) = try readFixture("out-of-range.csv")
    let wgs84 = CRS.wgs84.description
    #expect(
      skippedRows(report) == [
        SkippedRow(
          line: 3, field: "latitude", reason: .coordinateOutOfRange(value: 95, crs: wgs84)),
        SkippedRow(
          line: 4, field: "longitude", reason: .coordinateOutOfRange(value: 200, crs: wgs84)),
      ])
    #expect(table.x == [-1.5, -180])
    #expect(isBalanced(report))
  }

  @Test("a wrong number of fields is skipped, but a missing last column is allowed")
  func wrongFieldCount() throws {
    let (table, report) = try readFixture("wrong-field-count.csv")
    #expect(
      skippedRows(report) == [
        SkippedRow(line: 4, field: nil, reason: .fieldCount(found: 3, expected: 5)),
        SkippedRow(line: 5, field: nil, reason: .fieldCount(found: 6, expected: 5)),
      ])
    #expect(table.id == nil, "ids are read only with --id-column")
    #expect(report.skippedByReason.map(\.reason) == ["wrong number of fields"])
    #expect(isBalanced(report))
  }

  @Test("dates that cannot be read are skipped; a spreadsheet month (March 2024) is read")
  func badDates() throws {
    let (table, report) = try readFixture("bad-date.csv")
    #expect(
      skippedRows(report) == [
        SkippedRow(line: 3, field: "date", reason: .badDate("2024-02-30")),
        SkippedRow(line: 7, field: "date", reason: .badDate("")),
      ])
    #expect(table.date?.map(\.packed) == [2024_03_05, 2024_03_05, 2024_03_00, 2024_03_05])
    #expect(report.months.map(\.count) == [4])
    #expect(report.undatedRows == 0)
  }

  @Test("with keepsUndated, rows with an unreadable or empty date are kept undated and counted")
  func keptUndated() throws {
    var options = IncidentColumnOptions()
    options.keepsUndated = true
    let (table, report) = try readFixture("bad-date.csv", options: options)
    #expect(report.skippedRows == 0)
    #expect(report.undatedRows == 2)
    #expect(report.firstUndated?.line == 3 && report.firstUndated?.field == "date")
    #expect(report.firstUndated?.reason == .badDate("2024-02-30"))
    #expect(table.date?.map(\.packed) == [2024_03_05, 0, 2024_03_05, 2024_03_00, 2024_03_05, 0])
    // Undated rows are in no month.
    #expect(report.months.map(\.count) == [4])
  }

  @Test("rows with both coordinates empty are counted apart; one empty coordinate is skipped")
  func rowsWithoutLocation() throws {
    let (table, report) = try readFixture("no-location-rows.csv")
    #expect(report.rowsWithoutLocation == 1)
    #expect(report.rowsWithLocation == 2)
    #expect(skippedRows(report) == [SkippedRow(line: 5, field: "lon", reason: .noLocation)])
    #expect(table.category?.values == ["Nuisance"])
    #expect(report.categoryCounts.map(\.count) == [2])
    #expect(isBalanced(report))
  }

  @Test("strict mode throws at the first bad row with its line")
  func strictMode() {
    let path = CSVFixture.path("bad-number.csv")
    #expect(
      throws: InputError(file: path, line: 3, field: "easting", reason: .notANumber("42x000"))
    ) {
      try IncidentReader.read(files: [path], options: IncidentColumnOptions(strict: true))
    }
  }

  @Test("the first 1,000 skipped rows are kept in full and all of them are counted")
  func skippedDetailLimit() throws {
    let folder = CSVFixture.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var text = "easting,northing\n"
    for row in 0..<1_500 { text += row % 3 == 0 ? "1,2\n" : "x,2\n" }
    let path = CSVFixture.write(text, to: "many-bad.csv", in: folder)
    let (table, report) = try IncidentReader.read(files: [path], options: IncidentColumnOptions())
    #expect(table.count == 500)
    #expect(report.skippedRows == 1_000)
    #expect(report.skipped.count == 1_000)
    text = "easting,northing\n" + String(repeating: "x,2\n", count: 1_500)
    let worse = CSVFixture.write(text, to: "worse.csv", in: folder)
    let second = try IncidentReader.read(files: [worse], options: IncidentColumnOptions()).report
    #expect(second.skipped.count == IncidentReadReport.skippedDetailLimit)
    #expect(second.skipped.last?.line == 1_001)
    #expect(second.skippedRows == 1_500)
    #expect(second.skippedByReason.map(\.count) == [1_500])
  }

  // MARK: Several files and streaming
}
