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

  /// One thread per active processor, 1 MiB blocks.
  public static var automatic: IncidentReadPlan {
    IncidentReadPlan(threads: max(1, ProcessInfo.processInfo.activeProcessorCount))
  }

  /// Blocks in one window.
  var blocks: Int { threads == 1 ? 1 : threads * blocksPerThread }
}
