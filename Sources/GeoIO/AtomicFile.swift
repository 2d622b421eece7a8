import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes an output file all at once or not at all: the bytes go to a temporary file beside the
/// target, which is flushed and then renamed over it (rename(2) is atomic within a file system).
/// A symbolic link is followed: its target is replaced and the link keeps pointing at it.
///
/// A target that is not a regular file is written through instead, never renamed over: an existing
/// FIFO, character device or socket (a named pipe, `/dev/null`), and a path naming an open
/// descriptor (`/dev/stdout`, `/dev/stderr`, `/dev/fd/N` as made by the shell's `>(…)`,
/// `/proc/self/fd/N`), which is written on that descriptor. Such a write is not atomic: a reader
/// may see part of the output before a failure. A block device is refused.
///
/// A failed run never leaves a half-written regular file, and a run never overwrites one of its
/// inputs: the target is compared with each input after resolving symbolic links, and by device
/// and inode, so a hard link to an input is refused too.
///
/// Writing never raises SIGPIPE: a reader that has gone away is an I/O error (EPIPE), whatever
/// the process does with the signal.
public enum AtomicFile {
  /// Why an output could not be written.
  public struct WriteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Which exit status the failure calls for.
    public enum Kind: Hashable, Sendable {
      /// The output could not be created or opened, or is something that must not be written
      /// (an input, a folder): exit status 73 (EX_CANTCREAT).
      case cannotCreate
      /// Writing failed part way (a full device, a pipe whose reader went away, EIO): exit
      /// status 74 (EX_IOERR).
      case ioError
    }

    /// The output path as the caller gave it (before symbolic links are resolved).
    public var path: String
    /// What went wrong, as a phrase to follow the path: `is a folder`, `refusing to overwrite an input
    /// of this run`, `cannot be written (No space left on device)`…
    public var reason: String
    /// Which exit status the failure calls for: 73 for `.cannotCreate`, 74 for `.ioError`.
    public var kind: Kind
    /// `path: reason`, e.g. `out.csv: is a folder`.
    public var description: String { "\(path): \(reason)" }

    /// An error for `path` with `reason`; `kind` defaults to `.cannotCreate` (exit status 73).
    public init(path: String, reason: String, kind: Kind = .cannotCreate) {
      self.path = path
      self.reason = reason
      self.kind = kind
    }
  }

  /// How an output path is written.
  public enum Destination: Equatable, Sendable {
    /// Through a temporary file renamed over the target (absent, or a regular file).
    case regularFile
    /// On an open descriptor of this process (`/dev/stdout`, `/dev/fd/N`), in place.
    case descriptor(Int32)
    /// Opened and written in place: an existing FIFO, character device or socket.
    case special
  }

  /// How `path` would be written now: in place (`descriptor`, `special`) or atomically
  /// (`regularFile`, also for a path that does not exist yet, a folder or a block device, which
  /// `write` refuses). Symbolic links are followed.
  public static func destination(of path: String) -> Destination {
    if let descriptor = namedDescriptor(path) {
      var status = stat()
      if fstat(descriptor, &status) == 0 { return .descriptor(descriptor) }
    }
    var status = stat()
    guard stat(path, &status) == 0 else { return .regularFile }
    switch status.st_mode & S_IFMT {
    case S_IFIFO, S_IFCHR, S_IFSOCK: return .special
    default: return .regularFile
    }
  }

  /// Whether `path` is written in place rather than replaced: true for a FIFO, a character
  /// device, a socket or a named descriptor. Nothing should be written beside such a path
  /// (`/dev/stdout.provenance.json` makes no sense).
  public static func writesInPlace(_ path: String) -> Bool { destination(of: path) != .regularFile }

  /// Writes `text` as UTF-8 to `path`.
  /// - Parameters:
  ///   - text: the whole contents.
  ///   - path: the output file, a FIFO, a device or a named descriptor.
  ///   - inputs: the paths the run read; writing over any of them is refused.
  /// - Throws: `WriteError` of kind `.cannotCreate` or `.ioError`; see `write(_:to:inputs:)`.
  public static func write(_ text: String, to path: String, inputs: [String] = []) throws(WriteError) {
    try write(Array(text.utf8), to: path, inputs: inputs)
  }

  /// Writes `bytes` to `path`: a regular file (or a new one) through a temporary file, fsync and
  /// a rename, leaving the previous file intact on failure; anything `destination(of:)` calls
  /// in place by writing it there.
  /// - Parameters:
  ///   - bytes: the whole contents.
  ///   - path: the output file, a FIFO, a device or a named descriptor.
  ///   - inputs: the paths the run read; writing over any of them is refused.
  /// - Throws: `WriteError` of kind `.cannotCreate` when the target is an input, a folder or a
  ///   block device, or cannot be created, opened or renamed over; of kind `.ioError` when a
  ///   write, fsync or close fails (ENOSPC, EPIPE, EIO).
  public static func write(_ bytes: [UInt8], to path: String, inputs: [String] = []) throws(WriteError) {
    let destination = destination(of: path)
    let target: String
    let targetIdentity: [UInt64]?
    if case .descriptor(let descriptor) = destination {
      target = path
      var status = stat()
      targetIdentity = fstat(descriptor, &status) == 0 ? [UInt64(status.st_dev), UInt64(status.st_ino)] : nil
    } else {
      target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
      targetIdentity = fileIdentity(target)
    }
    for input in inputs
    where URL(fileURLWithPath: input).resolvingSymlinksInPath().path == target
      || (targetIdentity != nil && fileIdentity(input) == targetIdentity)
    {
      throw WriteError(path: path, reason: "refusing to overwrite an input of this run")
    }
    switch destination {
    case .descriptor(let descriptor):
      if let failure = writeAll(bytes, to: descriptor) {
        throw WriteError(path: path, reason: "cannot be written (\(failure))", kind: .ioError)
      }
    case .special:
      let descriptor = open(path, O_WRONLY | O_NOCTTY)
      guard descriptor >= 0 else {
        throw WriteError(path: path, reason: "cannot be opened for writing (\(String(cString: strerror(errno))))")
      }
      var failure = writeAll(bytes, to: descriptor)
      if close(descriptor) != 0 && failure == nil && errno != EINTR { failure = String(cString: strerror(errno)) }
      if let failure { throw WriteError(path: path, reason: "cannot be written (\(failure))", kind: .ioError) }
    case .regularFile:
      try replace(target, with: bytes, reportedAs: path)
    }
  }

  /// Writes `bytes` to a temporary file beside `target`, flushes it and renames it over `target`.
  private static func replace(_ target: String, with bytes: [UInt8], reportedAs path: String) throws(WriteError) {
    var status = stat()
    if stat(target, &status) == 0 {
      switch status.st_mode & S_IFMT {
      case S_IFDIR: throw WriteError(path: path, reason: "is a folder")
      case S_IFBLK: throw WriteError(path: path, reason: "is a block device")
      default: break
      }
    }
    let folder = URL(fileURLWithPath: target).deletingLastPathComponent().path
    let name = URL(fileURLWithPath: target).lastPathComponent
    let temporary = folder + "/." + name + ".tmp-\(getpid())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else {
      throw WriteError(path: path, reason: "cannot be created (\(String(cString: strerror(errno))))")
    }
    var failure = writeAll(bytes, to: descriptor)
    if failure == nil && fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
    if close(descriptor) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
    if let failure {
      unlink(temporary)
      throw WriteError(path: path, reason: "cannot be written (\(failure))", kind: .ioError)
    }
    if rename(temporary, target) != 0 {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw WriteError(path: path, reason: "cannot be written (\(reason))")
    }
  }

  /// Writes every byte to `descriptor`, retrying after EINTR and short writes, with SIGPIPE
  /// blocked on this thread (a signal the write raises is taken back before unblocking).
  /// - Returns: nil on success, else the reason (`strerror`) of the failed write.
  private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> String? {
    var pipeSignal = sigset_t()
    sigemptyset(&pipeSignal)
    sigaddset(&pipeSignal, SIGPIPE)
    var previousMask = sigset_t()
    pthread_sigmask(SIG_BLOCK, &pipeSignal, &previousMask)
    var pendingBefore = sigset_t()
    sigpending(&pendingBefore)
    var failure: Int32?
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Foundation.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        offset += written
      }
    }
    if failure == EPIPE && sigismember(&pendingBefore, SIGPIPE) == 0 {
      // The SIGPIPE this write raised is pending on this thread: take it, so that unblocking
      // does not deliver it.
      var pendingNow = sigset_t()
      sigpending(&pendingNow)
      if sigismember(&pendingNow, SIGPIPE) == 1 {
        var taken: Int32 = 0
        sigwait(&pipeSignal, &taken)
      }
    }
    pthread_sigmask(SIG_SETMASK, &previousMask, nil)
    return failure.map { String(cString: strerror($0)) }
  }

  /// The descriptor a path names when it is one of this process's open descriptors:
  /// `/dev/stdout` (1), `/dev/stderr` (2), `/dev/fd/N`, `/proc/self/fd/N`; nil otherwise.
  private static func namedDescriptor(_ path: String) -> Int32? {
    switch path {
    case "/dev/stdout": return STDOUT_FILENO
    case "/dev/stderr": return STDERR_FILENO
    default: break
    }
    for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
      let number = path.dropFirst(prefix.count)
      guard !number.isEmpty, number.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int32(number) else {
        return nil
      }
      return value
    }
    return nil
  }

  /// The device and inode of the file at `path` (links followed), nil if it does not exist.
  private static func fileIdentity(_ path: String) -> [UInt64]? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    return [UInt64(status.st_dev), UInt64(status.st_ino)]
  }
}
