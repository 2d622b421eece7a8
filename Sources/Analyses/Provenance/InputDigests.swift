import Dispatch
import Foundation
import GeoIO

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The SHA-256 of input files for provenance, started in the background as soon as a command is
/// known to write an output, so that hashing (one sequential pass over every input byte, about
/// 0.25 s per 64 MB) overlaps the command's own work instead of following it.
///
/// A digest is of the file as it was when hashed. It is reused only while the file's size,
/// modification time and inode are those seen when hashing began; otherwise it is computed again.
public final class InputDigests: @unchecked Sendable {
  /// One per process.
  public static let shared = InputDigests()

  private let lock = NSLock()
  private var entries: [String: Entry] = [:]

  private final class Entry: @unchecked Sendable {
    let identity: FileIdentity
    let done = DispatchGroup()
    /// Written before `done` is left, read after waiting on it.
    var result: Result<String, InputError>?

    init(identity: FileIdentity) { self.identity = identity }
  }

  /// Starts hashing each of `files` (a missing or unreadable one is left for `hex` to report)
  /// that is not being hashed already, each on a background thread.
  public func prefetch(_ files: [String]) {
    for file in files {
      guard let identity = FileIdentity(file) else { continue }
      lock.lock()
      let started = entries[file].map { $0.identity == identity } ?? false
      let entry = Entry(identity: identity)
      if !started { entries[file] = entry }
      lock.unlock()
      guard !started else { continue }
      entry.done.enter()
      DispatchQueue.global(qos: .utility).async {
        do throws(InputError) {
          entry.result = .success(try SHA256.hex(file: file))
        } catch {
          entry.result = .failure(error)
        }
        entry.done.leave()
      }
    }
  }

  /// The digest of `file`: the prefetched one (waiting for it to finish) while the file is
  /// unchanged, else computed now.
  /// - Throws: `InputError` when the file cannot be read.
  public func hex(file: String) throws(InputError) -> String {
    lock.lock()
    let entry = entries[file]
    lock.unlock()
    if let entry, let identity = FileIdentity(file), identity == entry.identity {
      entry.done.wait()
      if case .success(let digest)? = entry.result { return digest }
    }
    return try SHA256.hex(file: file)
  }
}

/// What identifies a file's contents cheaply: device, inode, size and modification time to the
/// nanosecond (`stat(2)`).
private struct FileIdentity: Equatable {
  var device: UInt64
  var inode: UInt64
  var size: Int64
  var seconds: Int
  var nanoseconds: Int

  init?(_ file: String) {
    var status = stat()
    guard stat(file, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
    device = UInt64(truncatingIfNeeded: status.st_dev)
    inode = UInt64(truncatingIfNeeded: status.st_ino)
    size = Int64(status.st_size)
    #if canImport(Darwin)
      seconds = status.st_mtimespec.tv_sec
      nanoseconds = status.st_mtimespec.tv_nsec
    #else
      seconds = status.st_mtim.tv_sec
      nanoseconds = status.st_mtim.tv_nsec
    #endif
  }
}
