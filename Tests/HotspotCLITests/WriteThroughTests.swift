import Analyses
import Dispatch
import Foundation
import TestSupport
import Testing

@testable import hotspot

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `--output` naming something other than a regular file (a FIFO, a device) is written in place:
/// never renamed over, no provenance file beside it, write errors are exit 74.
@Suite("Output to pipes and devices")
struct WriteThroughTests {
  let areas = TestData.geoData("divisions.geojson").path
  let incidents = TestData.geoData("incidents-police.csv").path

  func count(output: String, quiet: Bool = true) -> [String] {
    ["count", "--areas", areas, "--incidents", incidents, "--format", "csv", "--output", output]
      + (quiet ? ["--quiet"] : [])
  }

  /// Makes a character device node at `path` with mknod(2) (Linux: 1,3 null, 1,7 full).
  static func makeCharacterDevice(_ path: String, minor: UInt32) -> Bool {
    #if os(Linux)
      let device = dev_t((UInt64(1) << 8) | UInt64(minor))
    #else
      let device = dev_t((Int32(1) << 24) | Int32(minor))
    #endif
    guard mknod(path, S_IFCHR | 0o666, device) == 0 else { return false }
    let descriptor = open(path, O_WRONLY)
    guard descriptor >= 0 else { return false }
    close(descriptor)
    return true
  }

  /// Whether mknod(2) works in a temporary folder here.
  static let devicesAvailable: Bool = {
    guard let folder = try? TemporaryFolder("hotspot-mknod-probe") else { return false }
    return makeCharacterDevice(folder.path("null"), minor: 3)
  }()

  static func fileType(_ path: String) -> mode_t? {
    var status = stat()
    guard lstat(path, &status) == 0 else { return nil }
    return status.st_mode & S_IFMT
  }

  /// What a reader thread got from a FIFO; `received` is read only after `done` is signalled.
  final class Reader: @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    var received = Data()
  }

  @Test("count --output <fifo> delivers the CSV and writes no provenance file; the note says why")
  func fifo() throws {
    let folder = try TemporaryFolder()
    let expectedPath = folder.path("expected.csv")
    let written = runHotspotRaw(count(output: expectedPath))
    #expect(written.status == 0, "\(written.error)")
    let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)

    for quiet in [true, false] {
      let fifo = folder.path("out-\(quiet).fifo")
      #expect(mkfifo(fifo, 0o600) == 0)
      let reader = Reader()
      Thread.detachNewThread {
        reader.received = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data()
        reader.done.signal()
      }
      let result = runHotspotRaw(count(output: fifo, quiet: quiet))
      reader.done.wait()
      #expect(result.status == 0, "\(result.error)")
      #expect(String(decoding: reader.received, as: UTF8.self) == expected)
      #expect(Self.fileType(fifo) == S_IFIFO)
      #expect(!FileManager.default.fileExists(atPath: Provenance.path(beside: fifo)))
      #expect(result.error.contains(Provenance.skippedNotice(for: fifo)) == !quiet, "\(result.error)")
    }
  }

  @Test(
    "a full device gives exit 74 naming the path, a null device succeeds; both stay devices",
    .enabled(if: devicesAvailable, "mknod is not permitted here (needs CAP_MKNOD, a folder not mounted nodev)"))
  func devices() throws {
    let folder = try TemporaryFolder()
    let full = folder.path("full")
    let null = folder.path("null")
    #expect(Self.makeCharacterDevice(full, minor: 7))
    #expect(Self.makeCharacterDevice(null, minor: 3))

    let failed = runHotspotRaw(count(output: full))
    #expect(failed.status == ExitStatus.ioError)
    #expect(failed.error.contains("Error: \(full): cannot be written"), "\(failed.error)")
    let fine = runHotspotRaw(count(output: null))
    #expect(fine.status == 0, "\(fine.error)")
    #expect(fine.error.isEmpty, "\(fine.error)")

    #expect(Self.fileType(full) == S_IFCHR)
    #expect(Self.fileType(null) == S_IFCHR)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["full", "null"])
  }

  @Test("a symbolic link as --output keeps pointing at its target, which gets the result")
  func symbolicLink() throws {
    let folder = try TemporaryFolder()
    let target = try folder.file("target.csv", "old\n")
    let link = folder.path("link.csv")
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    let result = runHotspotRaw(count(output: link))
    #expect(result.status == 0, "\(result.error)")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
    #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("area_id,"))
    #expect(FileManager.default.fileExists(atPath: Provenance.path(beside: link)))
  }
}
