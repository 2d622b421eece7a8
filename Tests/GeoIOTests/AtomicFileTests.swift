import Dispatch
import Foundation
import TestSupport
import Testing

@testable import GeoIO

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Device nodes made with mknod(2) in a temporary folder (never in /dev), for writing to a
/// null and a full device without touching the system's.
enum DeviceNodes {
  /// Whether this process may make a character device in the temporary folder and open it
  /// (needs CAP_MKNOD and a file system not mounted nodev).
  static let available: Bool = {
    guard let folder = try? TemporaryFolder("hotspot-mknod-probe") else { return false }
    let path = folder.path("null")
    guard (try? makeCharacterDevice(path, major: 1, minor: 3)) != nil else { return false }
    let descriptor = open(path, O_WRONLY)
    guard descriptor >= 0 else { return false }
    close(descriptor)
    return true
  }()

  /// Makes a character device node at `path` (Linux: 1,3 is null, 1,7 is full).
  static func makeCharacterDevice(_ path: String, major: UInt32, minor: UInt32) throws {
    #if os(Linux)
      let device = dev_t((UInt64(major) << 8) | UInt64(minor))
    #else
      let device = dev_t((Int32(major) << 24) | Int32(minor))
    #endif
    guard mknod(path, S_IFCHR | 0o666, device) == 0 else {
      throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EPERM)
    }
  }

  /// The file type bits and device number of `path`, links not followed.
  static func node(_ path: String) -> (type: mode_t, device: UInt64)? {
    var status = stat()
    guard lstat(path, &status) == 0 else { return nil }
    return (status.st_mode & S_IFMT, UInt64(status.st_rdev))
  }
}

/// Reads a FIFO on another thread until end of file, or opens it and closes it unread.
final class FIFOReader: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private var bytes: [UInt8] = []

  /// Starts reading `path`; with `closeAtOnce` the reader goes away without reading.
  init(_ path: String, closeAtOnce: Bool = false) {
    Thread.detachNewThread { [self] in
      let descriptor = open(path, O_RDONLY)
      if descriptor >= 0 && !closeAtOnce {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
          let count = read(descriptor, &buffer, buffer.count)
          if count < 0 && errno == EINTR { continue }
          if count <= 0 { break }
          bytes += buffer[0..<count]
        }
      }
      if descriptor >= 0 { close(descriptor) }
      done.signal()
    }
  }

  /// Waits for the reader to finish and returns what it read.
  func finish() -> [UInt8] {
    done.wait()
    return bytes
  }
}

@Suite("Atomic file: targets that are not regular files")
struct AtomicFileTests {
  @Test("a FIFO is written in place: the reader gets every byte and the node stays a FIFO")
  func fifo() throws {
    let folder = try TemporaryFolder()
    let path = folder.path("out.fifo")
    #expect(mkfifo(path, 0o600) == 0)
    #expect(AtomicFile.destination(of: path) == .special)
    let reader = FIFOReader(path)
    let text = String(repeating: "area_id,count\nE05990001,382\n", count: 10_000)
    try AtomicFile.write(text, to: path)
    #expect(reader.finish() == Array(text.utf8))
    #expect(DeviceNodes.node(path)?.type == S_IFIFO)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["out.fifo"])
  }

  @Test("a FIFO whose reader goes away is an I/O error (EPIPE), and SIGPIPE does not stop the process")
  func brokenPipe() throws {
    let folder = try TemporaryFolder()
    let path = folder.path("gone.fifo")
    #expect(mkfifo(path, 0o600) == 0)
    let reader = FIFOReader(path, closeAtOnce: true)
    // More than a pipe holds, so the write cannot finish before the reader has gone.
    let bytes = [UInt8](repeating: 65, count: 4 << 20)
    #expect {
      try AtomicFile.write(bytes, to: path)
    } throws: { error in
      guard let error = error as? AtomicFile.WriteError else { return false }
      return error.kind == .ioError && error.path == path && error.reason.contains(String(cString: strerror(EPIPE)))
    }
    _ = reader.finish()
    #expect(DeviceNodes.node(path)?.type == S_IFIFO)
  }

  @Test("a descriptor path (/dev/fd/N) is written on that descriptor")
  func descriptorPath() throws {
    var ends: [Int32] = [0, 0]
    #expect(pipe(&ends) == 0)
    defer { close(ends[0]) }
    let path = "/dev/fd/\(ends[1])"
    #expect(AtomicFile.destination(of: path) == .descriptor(ends[1]))
    try AtomicFile.write("through the pipe\n", to: path)
    close(ends[1])
    var buffer = [UInt8](repeating: 0, count: 100)
    let count = read(ends[0], &buffer, buffer.count)
    #expect(String(decoding: buffer[0..<max(count, 0)], as: UTF8.self) == "through the pipe\n")
  }

  @Test(
    "a null device made with mknod takes the output and stays a device",
    .enabled(if: DeviceNodes.available, "mknod is not permitted here (needs CAP_MKNOD, a folder not mounted nodev)"))
  func nullDevice() throws {
    let folder = try TemporaryFolder()
    let path = folder.path("null")
    try DeviceNodes.makeCharacterDevice(path, major: 1, minor: 3)
    let before = DeviceNodes.node(path)
    try AtomicFile.write("a,b\n1,2\n", to: path)
    #expect(DeviceNodes.node(path)?.type == S_IFCHR)
    #expect(DeviceNodes.node(path)?.device == before?.device)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["null"])
  }

  @Test(
    "a full device made with mknod gives an I/O error (ENOSPC) and stays a device",
    .enabled(if: DeviceNodes.available, "mknod is not permitted here (needs CAP_MKNOD, a folder not mounted nodev)"))
  func fullDevice() throws {
    let folder = try TemporaryFolder()
    let path = folder.path("full")
    try DeviceNodes.makeCharacterDevice(path, major: 1, minor: 7)
    let before = DeviceNodes.node(path)
    #expect(
      throws: AtomicFile.WriteError(
        path: path, reason: "cannot be written (\(String(cString: strerror(ENOSPC))))", kind: .ioError)
    ) {
      try AtomicFile.write("a,b\n1,2\n", to: path)
    }
    #expect(DeviceNodes.node(path)?.type == S_IFCHR)
    #expect(DeviceNodes.node(path)?.device == before?.device)
  }

  @Test("a symbolic link to a regular file stays a link, and its target is replaced")
  func symbolicLink() throws {
    let folder = try TemporaryFolder()
    let target = try folder.file("target.csv", "old\n")
    let link = folder.path("link.csv")
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    #expect(AtomicFile.destination(of: link) == .regularFile)
    try AtomicFile.write("new\n", to: link)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "new\n")
    #expect(DeviceNodes.node(target)?.type == S_IFREG)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["link.csv", "target.csv"])
  }

  @Test("a FIFO that is an input of the run is refused")
  func fifoInput() throws {
    let folder = try TemporaryFolder()
    let path = folder.path("in.fifo")
    #expect(mkfifo(path, 0o600) == 0)
    #expect(throws: AtomicFile.WriteError(path: path, reason: "refusing to overwrite an input of this run")) {
      try AtomicFile.write("x\n", to: path, inputs: [path])
    }
  }
}
