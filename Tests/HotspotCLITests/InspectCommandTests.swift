import Foundation
import TestSupport
import Testing

@testable import hotspot

/// Runs `hotspot` in-process and returns (status, stdout, stderr) exactly as written.
func runHotspotRaw(_ arguments: [String]) -> (status: Int32, output: String, error: String) {
  let capture = CapturingConsole()
  let status = Hotspot.run(arguments, console: capture.console)
  return (status, capture.output, capture.error)
}

/// Runs `hotspot` in-process and returns (status, stdout, stderr), with runs of spaces in
/// stdout folded to one so that tests do not depend on column widths.
func runHotspot(_ arguments: [String]) -> (status: Int32, output: String, error: String) {
  let capture = CapturingConsole()
  let status = Hotspot.run(arguments, console: capture.console)
  let folded = capture.output.split(separator: "\n", omittingEmptySubsequences: false)
    .map { line in line.split(separator: " ").joined(separator: " ") }.joined(separator: "\n")
  return (status, folded, capture.error)
}

@Suite("hotspot inspect")
struct InspectCommandTests {
  static let durhamWards = TestData.realData(
    "county-durham-boundaries/wards2013_E06000047_county_durham.geojson")
  static let policeExcerpt = TestData.realData(
    "durham-police-2022-01/2022-01-durham-street.excerpt.csv")

  @Test(
    "the Durham divisions: 63 polygons, WGS84, id WD13CD, name WD13NM",
    .enabled(if: durhamWards != nil, "shared/realdata/county-durham-boundaries is absent"))
  func durhamDivisions() throws {
    let path = try #require(Self.durhamWards).path
    let result = runHotspot(["inspect", path])
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains("features 63 (63 Polygon)"))
    #expect(result.output.contains("crs WGS84 lon/lat (EPSG:4326)"))
    #expect(result.output.contains("the file's crs member says urn:ogc:def:crs:OGC:1.3:CRS84"))
    #expect(result.output.contains("id field WD13CD"))
    #expect(result.output.contains("name field WD13NM"))
    #expect(result.output.contains("vertices 8,207"))
    #expect(result.output.contains("duplicate ids none"))

    let json = runHotspot(["inspect", "--format", "json", path])
    #expect(json.status == 0)
    #expect(json.output.contains("\"features\": 63,"))
    #expect(json.output.contains("\"id_field\": \"WD13CD\","))
    #expect(json.output.contains("\"identifier\": \"EPSG:4326\""))
  }

  @Test(
    "the police.uk excerpt: police.uk format, 156 rows, 63 anti-social behaviour, month 2022-01",
    .enabled(if: policeExcerpt != nil, "shared/realdata/durham-police-2022-01 is absent"))
  func policeUK() throws {
    let path = try #require(Self.policeExcerpt).path
    let result = runHotspot(["inspect", path])
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains("incidents (police.uk street-level CSV)"))
    #expect(result.output.contains("rows 156"))
    #expect(result.output.contains("without location 0"))
    #expect(result.output.contains("2022-01 (156 rows)"))
    #expect(result.output.contains("Anti-social behaviour 63"))
  }

  @Test("the bundled sample: divisions and incidents")
  func bundledSample() {
    let divisions = TestData.geoData("divisions.geojson").path
    let incidents = TestData.geoData("incidents-police.csv").path
    let result = runHotspot(["inspect", divisions, incidents])
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains("features 60 (59 Polygon, 1 MultiPolygon)"))
    #expect(result.output.contains("British National Grid (EPSG:27700)"))
    #expect(result.output.contains("id field code"))
    #expect(result.output.contains("holes 1"))
    #expect(result.output.contains("rows 20,100"))
    #expect(result.output.contains("without location 198"))
    #expect(result.output.contains("skipped 0"))
    #expect(result.output.contains("2023-01..2024-12 (24 months with rows)"))
  }

  @Test("a missing file exits 66 and names it")
  func missingFile() {
    let result = runHotspot(["inspect", "/nonexistent/wards.geojson"])
    #expect(result.status == 66)
    #expect(result.error.hasPrefix("Error: /nonexistent/wards.geojson"))
  }

  @Test("a file that declares CRS84 but holds planar numbers exits 65 and suggests --crs")
  func wrongCRS() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hotspot-inspect-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("planar.geojson")
    try
      #"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},"features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[860.5,505.5]}}]}"#
      .write(to: file, atomically: true, encoding: .utf8)
    let result = runHotspot(["inspect", file.path])
    #expect(result.status == 65)
    #expect(result.error.contains("feature 0"))
    #expect(result.error.contains("--crs"))
    #expect(runHotspot(["inspect", "--crs", "planar", file.path]).status == 0)
  }
}

@Suite("The command line as a whole")
struct CommandLineTests {
  @Test("--help and help <sub> print help and exit 0; --version prints the version")
  func helpAndVersion() {
    let root = runHotspot(["--help"])
    #expect(root.status == 0 && root.output.hasPrefix("OVERVIEW: "))
    #expect(root.output.contains("SUBCOMMANDS:\ninspect"))
    let sub = runHotspot(["help", "inspect"])
    #expect(sub.status == 0 && sub.output.contains("USAGE: hotspot inspect"))
    #expect(runHotspot(["inspect", "-h"]).output == sub.output)
    #expect(runHotspot(["--version"]).output == Hotspot.version + "\n")
  }

  @Test("usage errors exit 64 with the usage line and where to find help")
  func usageErrors() {
    let unknown = runHotspot(["inspect", "--formt", "json", "x.csv"])
    #expect(unknown.status == 64)
    #expect(
      unknown.error.hasPrefix("Error: Unknown option '--formt'. Did you mean '--format'?\nUsage: hotspot inspect"))
    #expect(unknown.error.hasSuffix("  See 'hotspot inspect --help' for more information.\n"))
    #expect(runHotspot(["inspekt"]).error.contains("Did you mean 'inspect'?"))
    #expect(runHotspot(["inspect"]).status == 64)
    #expect(runHotspot([]).status == 64)
    #expect(runHotspot(["inspect", "--format", "svg", "x"]).status == 64)
    #expect(runHotspot(["inspect", "--format", "csv", "x"]).status == 64)
  }

  @Test("the built binary exits with the documented statuses")
  func builtBinary() throws {
    let folder = Bundle.main.bundleURL
    let binary =
      [folder, folder.deletingLastPathComponent()].map { $0.appendingPathComponent("hotspot") }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? folder.appendingPathComponent("hotspot")
    try #require(FileManager.default.isExecutableFile(atPath: binary.path), "no built hotspot at \(binary.path)")
    func run(_ arguments: [String]) throws -> (Int32, String) {
      let process = Process()
      process.executableURL = binary
      process.arguments = arguments
      let errorPipe = Pipe()
      process.standardOutput = FileHandle.nullDevice
      process.standardError = errorPipe
      try process.run()
      let error = String(decoding: errorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      return (process.terminationStatus, error)
    }
    #expect(try run(["--version"]).0 == 0)
    #expect(try run(["inspect", "--bogus"]).0 == 64)
    let missing = try run(["inspect", "/nonexistent.csv"])
    #expect(missing.0 == 66 && missing.1.contains("/nonexistent.csv"))
    #expect(try run(["inspect", TestData.geoData("divisions.geojson").path]).0 == 0)
  }
}

@Suite("hotspot inspect on folders and globs")
struct InspectFolderTests {
  @Test("a folder is described file by file, boundary and incident files alike, as a glob of the same files is")
  func folder() throws {
    let folder = try TemporaryFolder("inspect-folder")
    let csv = try String(contentsOfFile: TestData.geoData("incidents-police.csv").path, encoding: .utf8)
    let geojson = try String(contentsOfFile: TestData.geoData("licensing-zones.geojson").path, encoding: .utf8)
    let a = try folder.file("2024-01.csv", csv)
    let b = try folder.file("zones.geojson", geojson)
    _ = try folder.file("notes.md", "not data")
    let result = runHotspotRaw(["inspect", folder.path(""), "--format", "json"])
    try #require(result.status == 0, "\(result.error)")
    #expect(result.output.contains(a) && result.output.contains(b))
    #expect(!result.output.contains("notes.md"))
    let glob = runHotspotRaw(["inspect", folder.path("") + "/*.csv", "--format", "json"])
    try #require(glob.status == 0, "\(glob.error)")
    #expect(glob.output.contains(a) && !glob.output.contains(b))
  }
}
