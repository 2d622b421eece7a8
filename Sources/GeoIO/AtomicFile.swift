import Foundation

/// Writes an output file all at once or not at all: the bytes go to a temporary file beside the
/// target, which is flushed and then renamed over it (rename(2) is atomic within a file system).
///
/// A failed run never leaves a half-written file, and a run never overwrites one of its inputs:
/// the target is compared with each input after resolving symbolic links, and by device and
/// inode, so a hard link to an input is refused too.
public enum AtomicFile {
  /// Why an output could not be written. Exit status 73 (cannot create).
  public struct WriteError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }

    public init(path: String, reason: String) {
      self.path = path
      self.reason = reason
    }
  }

  /// Writes `text` as UTF-8 to `path`.
  /// - Parameter inputs: the paths the run read; writing over any of them is refused.
  public static func write(_ text: String, to path: String, inputs: [String] = []) throws(WriteError) {
    try write(Array(text.utf8), to: path, inputs: inputs)
  }

  /// Writes `bytes` to `path` through a temporary file and a rename.
  public static func write(_ bytes: [UInt8], to path: String, inputs: [String] = []) throws(WriteError) {
    let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    let targetIdentity = fileIdentity(target)
    for input in inputs
    where URL(fileURLWithPath: input).resolvingSymlinksInPath().path == target
      || (targetIdentity != nil && fileIdentity(input) == targetIdentity)
    {
      throw WriteError(path: path, reason: "refusing to overwrite an input of this run")
    }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), isDirectory.boolValue {
      throw WriteError(path: path, reason: "is a folder")
    }
    let folder = URL(fileURLWithPath: target).deletingLastPathComponent().path
    let name = URL(fileURLWithPath: target).lastPathComponent
    let temporary = folder + "/." + name + ".tmp-\(getpid())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else {
      throw WriteError(path: path, reason: "cannot be created (\(String(cString: strerror(errno))))")
    }
    var failure: String?
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Foundation.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          failure = String(cString: strerror(errno))
          return
        }
        offset += written
      }
    }
    if failure == nil && fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
    if close(descriptor) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
    if failure == nil && rename(temporary, target) != 0 { failure = String(cString: strerror(errno)) }
    if let failure {
      unlink(temporary)
      throw WriteError(path: path, reason: "cannot be written (\(failure))")
    }
  }

  /// The device and inode of the file at `path` (links followed), nil if it does not exist.
  private static func fileIdentity(_ path: String) -> [UInt64]? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    return [UInt64(status.st_dev), UInt64(status.st_ino)]
  }
}
