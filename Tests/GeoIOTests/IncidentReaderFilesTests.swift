import Foundation
import GeoCore
import TestSupport
import Testing

@testable import GeoIO

@Suite("Incident reader: several files and streaming")
struct IncidentReaderFilesTests {
  @Test("several police.uk files read as one table, months in order")
  func severalFiles() throws {
    let files = ["police-uk-2024-01.csv", "police-uk-2024-02.csv"].map(CSVFixture.path)
    let (table, report) = try IncidentReader.read(
      files: files, options: IncidentColumnOptions(idColumn: "Crime ID"))
    #expect(report.files == files)
    #expect(report.format == .policeUK)
    #expect(report.dataRows == 7)
    #expect(report.rowsWithoutLocation == 1)
    #expect(table.count == 6)
    #expect(report.problems.isEmpty)
    #expect(report.months.map(\.monthIndex) == [2024 * 12, 2024 * 12 + 1])
    #expect(report.months.map(\.count) == [3, 3])
    #expect(table.location?[2] == "On or near Parking Area, Market Place")
    #expect(table.id?.values == ["a1", "", "a4", "b1", "b2", "b3"])
    #expect(
      report.categoryCounts.map(\.category) == [
        "Anti-social behaviour", "Burglary", "Criminal damage and arson", "Shoplifting",
      ])
    #expect(report.categoryCounts.map(\.count) == [2, 2, 1, 1])
  }

  @Test("a month found in two files is a problem, not an error")
  func monthInSeveralFiles() throws {
    let files = ["police-uk-2024-01.csv", "police-uk-2024-02.csv", "police-uk-2024-01-copy.csv"]
      .map(CSVFixture.path)
    let (table, report) = try IncidentReader.read(files: files, options: IncidentColumnOptions())
    #expect(table.count == 9)
    #expect(
      report.problems == [
        InputError(
          file: files[2], reason: .monthInSeveralFiles(month: "2024-01", otherFile: files[0]))
      ])
  }

  @Test("files whose headers differ are an error naming the file")
  func headerMismatch() {
    let files = ["police-uk-2024-01.csv", "header-mismatch.csv"].map(CSVFixture.path)
    let error = #expect(throws: InputError.self) {
      try IncidentReader.read(files: files, options: IncidentColumnOptions())
    }
    #expect(error?.file == files[1])
    #expect(error?.line == 1)
    guard case .headerMismatch(let expected, let found)? = error?.reason else {
      Issue.record("expected .headerMismatch, got \(String(describing: error))")
      return
    }
    #expect(expected.hasSuffix("Last outcome category,Context"))
    #expect(found.hasSuffix("Last outcome category"))
  }

  @Test("streaming in chunks of 7 gives the same rows, in order, as reading whole")
  func streamingMatchesRead() throws {
    var files = [
      "police-uk-2024-01.csv", "police-uk-2024-02.csv", "police-uk-2024-01-copy.csv",
    ].map(CSVFixture.path)
    files += files
    try expectStreamMatchesRead(files: files, chunkRows: 7)
    try expectStreamMatchesRead(
      files: [CSVFixture.path("xy-british-national-grid.csv")], chunkRows: 1)
    if let generated = TestData.generated("points_10k.csv") {
      try expectStreamMatchesRead(files: [generated.path], chunkRows: 7)
    }
  }

  private func expectStreamMatchesRead(files: [String], chunkRows: Int) throws {
    let options = IncidentColumnOptions()
    let (whole, wholeReport) = try IncidentReader.read(files: files, options: options)
    var chunks: [IncidentTable] = []
    let report = try IncidentReader.stream(files: files, options: options, chunkRows: chunkRows) {
      chunk in
      chunks.append(chunk)
    }
    #expect(chunks.dropLast().allSatisfy { $0.count == chunkRows })
    #expect(chunks.allSatisfy { $0.crs == whole.crs && $0.count > 0 })
    var joined = try #require(chunks.first)
    for chunk in chunks.dropFirst() { joined.append(contentsOf: chunk) }
    #expect(joined.x == whole.x)
    #expect(joined.y == whole.y)
    #expect(joined.date == whole.date)
    #expect(joined.category == whole.category)
    #expect(joined.location == whole.location)
    #expect(joined.id == whole.id)
    #expect(report.dataRows == wholeReport.dataRows)
    #expect(report.months.map(\.count) == wholeReport.months.map(\.count))
    #expect(report.categoryCounts.map(\.category) == wholeReport.categoryCounts.map(\.category))
    #expect(report.boundingBox == wholeReport.boundingBox)
    #expect(report.problems == wholeReport.problems)
  }

  @Test("stream(file:) of one file reports the same as read(files:)")
  func streamOneFile() throws {
    let path = CSVFixture.path("bad-number.csv")
    var rows = 0
    let report = try IncidentReader.stream(
      file: path, options: IncidentColumnOptions(), chunkRows: 1
    ) {
      rows += $0.count
    }
    #expect(rows == 2)
    #expect(report.skipped == (try readFixture("bad-number.csv").report.skipped))
  }

  @Test("no files at all is an error; a missing file is not found")
  func noFiles() {
    #expect(throws: InputError.self) {
      try IncidentReader.read(files: [], options: IncidentColumnOptions())
    }
    #expect(throws: InputError(file: "/no/such.csv", reason: .fileNotFound)) {
      try IncidentReader.read(files: ["/no/such.csv"], options: IncidentColumnOptions())
    }
  }
}
