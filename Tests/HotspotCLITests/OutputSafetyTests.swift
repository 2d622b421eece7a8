import Foundation
import TestSupport
import Testing

@testable import hotspot

/// Every command that writes refuses to overwrite its inputs, and a failed write leaves the
/// previous file as it was (DESIGN.md: outputs are written atomically).
@Suite("Output safety")
struct OutputSafetyTests {
  /// A folder with four areas and a few incidents, and each writing command's arguments.
  struct Setup {
    let folder: TemporaryFolder
    let areas: String
    let points: String

    init() throws {
      folder = try TemporaryFolder()
      areas = try folder.file("areas.geojson", fourSquares())
      var csv = "easting,northing,month\n"
      for i in 0..<60 { csv += "\(400_000 + (i * 331) % 2000),\(500_000 + (i * 157) % 2000),2024-0\(i % 9 + 1)\n" }
      points = try folder.file("points.csv", csv)
    }

    /// Each command that writes, with `output` as its `--output`.
    func commands(output: String) -> [(name: String, arguments: [String])] {
      [
        ("count", ["count", "--areas", areas, "--incidents", points, "--output", output, "--format", "csv"]),
        (
          "density",
          [
            "density", "--incidents", points, "--output", output, "--format", "csv", "--cell", "250m", "--bandwidth",
            "500m",
          ]
        ),
        ("gistar", ["gistar", "--areas", areas, "--incidents", points, "--output", output, "--format", "csv"]),
        ("moran", ["moran", "--areas", areas, "--incidents", points, "--output", output, "--format", "json"]),
        ("map", ["map", "--areas", areas, "--incidents", points, "--output", output]),
        ("inspect", ["inspect", areas, points, "--output", output, "--format", "text"]),
      ].map { ($0.0, $0.1 + ["--quiet"]) }
    }
  }

  @Test("each command writes, then refuses an output that names an input, through a link too")
  func refusesInputs() throws {
    let setup = try Setup()
    let areasBefore = try Data(contentsOf: URL(fileURLWithPath: setup.areas))
    let pointsBefore = try Data(contentsOf: URL(fileURLWithPath: setup.points))
    let symbolic = setup.folder.path("symbolic.csv")
    try FileManager.default.createSymbolicLink(atPath: symbolic, withDestinationPath: setup.points)
    // A hard link named like a map, so that `map` (which writes only .svg) can be pointed at it.
    let hard = setup.folder.path("hard.svg")
    try FileManager.default.linkItem(atPath: setup.areas, toPath: hard)
    for (name, arguments) in setup.commands(output: setup.folder.path("ok-\(UUID().uuidString)")) {
      let result = runHotspotRaw(arguments)
      #expect(result.status == 0, "\(name) does not write: \(result.error)")
    }
    for target in [setup.areas, setup.points, symbolic, hard] {
      for (name, arguments) in setup.commands(output: target) {
        // density reads no areas: only its incidents are inputs.
        if name == "density" && (target == setup.areas || target == hard) { continue }
        let result = runHotspotRaw(arguments)
        if name == "map" && !target.hasSuffix(".svg") {
          #expect(result.status == ExitStatus.usage, "map → \(target): \(result.error)")
          continue
        }
        #expect(result.status == ExitStatus.cannotWrite, "\(name) → \(target): \(result.status) \(result.error)")
        #expect(result.error.contains("refusing to overwrite an input"), "\(name) → \(target): \(result.error)")
      }
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: setup.areas)) == areasBefore)
    #expect(try Data(contentsOf: URL(fileURLWithPath: setup.points)) == pointsBefore)
  }

  @Test("an output that is a folder is refused, and the folder is left as it was")
  func outputIsFolder() throws {
    let setup = try Setup()
    let folder = setup.folder.path("a-folder")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
    try "keep".write(toFile: folder + "/inside.txt", atomically: false, encoding: .utf8)
    for (name, arguments) in setup.commands(output: folder) {
      let result = runHotspotRaw(arguments)
      #expect(result.status == ExitStatus.cannotWrite, "\(name): \(result.error)")
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["inside.txt"])
    }
  }

  @Test("a write that fails leaves the previous output intact and no temporary file behind")
  func failedWriteKeepsPrevious() throws {
    let setup = try Setup()
    // No extension: every command takes it (map refuses names with another format's extension).
    let output = setup.folder.path("result")
    for (name, arguments) in setup.commands(output: output) {
      try "previous".write(toFile: output, atomically: false, encoding: .utf8)
      // The temporary file AtomicFile would create is taken by a folder: creating it fails
      // even for root, for whom permissions do not.
      let blocker = setup.folder.path(".result.tmp-\(getpid())")
      try FileManager.default.createDirectory(atPath: blocker, withIntermediateDirectories: false)
      let result = runHotspotRaw(arguments)
      try FileManager.default.removeItem(atPath: blocker)
      #expect(result.status == ExitStatus.cannotWrite, "\(name): \(result.error)")
      #expect(try String(contentsOfFile: output, encoding: .utf8) == "previous", "\(name)")
      let left = try FileManager.default.contentsOfDirectory(atPath: setup.folder.url.path)
      #expect(!left.contains { $0.contains(".tmp-") }, "\(name): \(left)")
    }
  }

  @Test(
    "a folder that cannot be written gives exit 73 and keeps the previous output",
    .enabled(if: geteuid() != 0, "root writes anywhere"))
  func readOnlyFolder() throws {
    let setup = try Setup()
    let locked = setup.folder.path("locked")
    try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: false)
    let output = locked + "/result.csv"
    try "previous".write(toFile: output, atomically: false, encoding: .utf8)
    chmod(locked, 0o500)
    defer { chmod(locked, 0o700) }
    for (name, arguments) in setup.commands(output: output) {
      let result = runHotspotRaw(arguments)
      #expect(result.status == ExitStatus.cannotWrite, "\(name): \(result.error)")
      #expect(try String(contentsOfFile: output, encoding: .utf8) == "previous")
    }
  }
}
