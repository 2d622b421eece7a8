import Dispatch
import GeoCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A window onto a file: up to `capacity` bytes from a given offset, read with `pread(2)` in
/// slices on several threads at once (copying from the page cache is a share of a read's time).
///
/// The file is read, never mapped: a file truncated while it is read gives a short read, never a
/// crash.
/// - Complexity: O(capacity) per `load`; O(capacity) memory.
final class FileWindow {
  /// The file as the user named it, for errors.
  let file: String
  private let descriptor: Int32
  /// The bytes read by the last `load`, `count` of them.
  private(set) var bytes: UnsafeMutablePointer<UInt8>
  private(set) var capacity: Int
  private(set) var count = 0
  /// True when the last `load` reached the end of the file.
  private(set) var atEndOfFile = false

  /// Opens `file` with a window of `capacity` bytes.
  /// - Throws: `.fileNotFound`, `.isDirectory` or `.notReadable`.
  init(file: String, capacity: Int) throws(InputError) {
    precondition(capacity >= 1)
    self.file = file
    descriptor = try CSVScanner.open(file)
    self.capacity = capacity
    bytes = FileWindow.allocate(capacity)
  }

  deinit {
    close(descriptor)
    free(bytes)
  }

  /// Memory for `capacity` bytes, aligned to 2 MiB and, on Linux, offered transparent huge pages
  /// (where the system allows them on request): a window is written whole by every read, and
  /// faulting it in 4 KiB pages costs more than copying the bytes.
  private static func allocate(_ capacity: Int) -> UnsafeMutablePointer<UInt8> {
    let huge = 2 << 20
    var memory: UnsafeMutableRawPointer?
    guard capacity >= huge, posix_memalign(&memory, huge, capacity) == 0, let memory else {
      return UnsafeMutableRawPointer(malloc(max(1, capacity))!).bindMemory(to: UInt8.self, capacity: capacity)
    }
    #if os(Linux)
      _ = madvise(memory, capacity / huge * huge, MADV_HUGEPAGE)
    #endif
    return memory.bindMemory(to: UInt8.self, capacity: capacity)
  }

  /// Reads up to `capacity` bytes from `offset`, in `slices` contiguous slices read in parallel.
  /// Afterwards `bytes[0..<count]` are the file's bytes from `offset`; `count < capacity` only at
  /// the end of the file.
  /// - Throws: `.notReadable` for an I/O error.
  func load(from offset: Int, slices: Int) throws(InputError) {
    let parts = max(1, min(slices, capacity))
    let size = capacity
    let target = DisjointWrites(bytes)
    let fd = descriptor
    let results = UnsafeMutablePointer<(count: Int, error: Int32)>.allocate(capacity: parts)
    defer { results.deallocate() }
    let outcomes = DisjointWrites(results)
    let readSlice: @Sendable (Int) -> Void = { part in
      let from = part * size / parts
      let to = (part + 1) * size / parts
      var done = 0
      var failure: Int32 = 0
      while from + done < to {
        let n = pread(fd, target.base + from + done, to - from - done, off_t(offset + from + done))
        if n > 0 {
          done += n
        } else if n == 0 {
          break
        } else if errno != EINTR {
          failure = errno
          break
        }
      }
      outcomes[part] = (done, failure)
    }
    if parts == 1 {
      readSlice(0)
    } else {
      DispatchQueue.concurrentPerform(iterations: parts, execute: readSlice)
    }
    count = 0
    atEndOfFile = false
    for part in 0..<parts {
      let (done, failure) = results[part]
      if failure != 0 {
        throw InputError(file: file, reason: .notReadable(CSVScanner.message(failure)))
      }
      count += done
      if done < (part + 1) * size / parts - part * size / parts {
        atEndOfFile = true
        break
      }
    }
  }

  /// Makes the window `newCapacity` bytes (contents are not kept).
  func resize(to newCapacity: Int) {
    precondition(newCapacity >= 1)
    guard newCapacity != capacity else { return }
    free(bytes)
    bytes = FileWindow.allocate(newCapacity)
    capacity = newCapacity
    count = 0
    atEndOfFile = false
  }
}
