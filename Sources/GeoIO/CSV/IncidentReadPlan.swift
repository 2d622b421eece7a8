import Foundation

/// How `IncidentReader` divides its work: how many threads parse, in blocks of how many bytes.
///
/// A plan changes only the speed of a read, never its result: tables, counts, skipped rows with
/// their lines, warnings and errors are the same bytes whatever the plan (see `IncidentReader`'s
/// Speed section for why). Tests use tiny blocks to put block boundaries everywhere.
public struct IncidentReadPlan: Hashable, Sendable {
  /// Parsing threads (1: everything on the calling thread).
  public var threads: Int
  /// Bytes per block; a read takes `threads × blocksPerThread` blocks at a time.
  public var blockBytes: Int
  /// Blocks per thread in one window, so a thread held up by other work delays the others less.
  public var blocksPerThread: Int
  /// The limit on one record's size in bytes, its line end included (`CSVScanner`'s default).
  public var maxRecordBytes: Int

  /// A plan of `threads` parsing threads, blocks of `blockBytes` bytes (default 1 MiB), `blocksPerThread`
  /// blocks per thread in a window (default 4) and records of at most `maxRecordBytes` (default 64 MiB).
  /// - Precondition: every value is at least 1.
  public init(
    threads: Int, blockBytes: Int = 1 << 20, blocksPerThread: Int = 4,
    maxRecordBytes: Int = 64 << 20
  ) {
    precondition(threads >= 1 && blockBytes >= 1 && blocksPerThread >= 1 && maxRecordBytes >= 1)
    self.threads = threads
    self.blockBytes = blockBytes
    self.blocksPerThread = blocksPerThread
    self.maxRecordBytes = maxRecordBytes
  }

  /// Whether `forFile(bytes:)` may shrink the blocks (`.automatic` only).
  private var fitsFileSize = false

  /// One thread per active processor, 1 MiB blocks, smaller for smaller files (`forFile`).
  public static var automatic: IncidentReadPlan {
    var plan = IncidentReadPlan(threads: max(1, ProcessInfo.processInfo.activeProcessorCount))
    plan.fitsFileSize = true
    return plan
  }

  /// The plan for a file of `bytes` bytes: for `.automatic` on several threads, the blocks halved
  /// (down to 256 KiB) until the file spans at least 32 windows, so that a smaller file is still
  /// read in a pipeline of many short steps rather than a few long ones the threads wait on
  /// (measured: −15 % for 64 MB; 1 MiB blocks stay best for 650 MB). Other plans are kept as given.
  func forFile(bytes: Int) -> IncidentReadPlan {
    guard fitsFileSize && threads > 1 else { return self }
    var plan = self
    while plan.blockBytes > 256 << 10 && bytes / (plan.blockBytes * plan.blocks) < 32 { plan.blockBytes /= 2 }
    return plan
  }

  /// Blocks in one window.
  var blocks: Int { threads == 1 ? 1 : threads * blocksPerThread }
}
