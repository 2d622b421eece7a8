import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Parses a window of incident CSV bytes in blocks on several threads, and hands the blocks over
/// in file order exactly as one sequential parse would have made them.
///
/// ## Method (speculative splitting, as in Ge et al. 2019, "Speculative distributed CSV data
/// parsing for big data analytics", SIGMOD)
/// 1. The window of n bytes is cut into B blocks: block k starts right after the first LF at or
///    after k·n/B. That is a guess: the LF may sit inside a quoted field.
/// 2. Every block is parsed at once, each on its own `IncidentBlock` (nothing is shared; the bytes
///    are only read). A block parses the records that start before the next block's start; its
///    last record may run on past it.
/// 3. In file order: block 0 starts where the window does, on a record boundary. If the accepted
///    block before block k ended exactly where block k starts, block k started on a record
///    boundary too, and since the grammar is deterministic from a boundary its parse is the
///    sequential one: it is accepted. Otherwise the guess was wrong (the previous block's last
///    record ran past block k's start); block k is parsed again, on the calling thread, from where
///    the previous block really ended, or skipped when that is past its whole range.
///
/// So a wrong guess costs time (one block parsed twice), never correctness; a file with no line
/// end inside quotes never guesses wrong. Line numbers are relative inside a block and made
/// absolute by the caller from the accepted blocks' newline counts, so they are exact too.
///
/// - Complexity: O(n) work (O(n) more for blocks guessed wrong), over `blocks.count` threads.
final class SpeculativeSplit {
  /// `count` blocks, each written by one thread at a time.
  private let blocks: UnsafeMutablePointer<IncidentBlock>
  private let scanners: [CSVRecordScanner]
  private let count: Int
  private let parallel: Bool

  /// Space for `count` blocks of `file`, parsed on several threads when `parallel`.
  init(count: Int, file: String, maxRecordBytes: Int, parallel: Bool) {
    self.count = max(1, count)
    blocks = UnsafeMutablePointer<IncidentBlock>.allocate(capacity: self.count)
    // One each: a block's row storage is its own.
    for k in 0..<self.count { (blocks + k).initialize(to: IncidentBlock()) }
    scanners = (0..<self.count).map { _ in
      CSVRecordScanner(file: file, maxRecordBytes: maxRecordBytes)
    }
    self.parallel = parallel && self.count > 1
  }

  deinit {
    blocks.deinitialize(count: count)
    blocks.deallocate()
  }

  /// What parsing a window found: which blocks hold its records, in file order.
  struct Parsed {
    /// The bytes consumed: the start of the first record not in an accepted block.
    var consumed: Int
    /// The LF bytes in the consumed bytes.
    var newlines: Int
    /// Why the last accepted block stopped.
    var stop: IncidentBlock.Stop
    /// The accepted blocks in file order, each with the LF count from the window's start to its
    /// start (to number its lines).
    var accepted: [(block: Int, lineOffset: Int)]
  }

  /// Block `k` as the last parse left it.
  func block(_ k: Int) -> IncidentBlock { blocks[k] }

  /// Parses `bytes[0..<n]` whole, in one block, on the calling thread (see
  /// `IncidentBlockParser.parse`).
  func parseWhole(
    _ bytes: UnsafePointer<UInt8>, count n: Int, atEndOfFile: Bool, fileOffset: Int,
    rowLimit: Int, parser: IncidentBlockParser
  ) -> Parsed {
    parser.parse(
      bytes, from: 0, limit: n, end: n, atEndOfFile: atEndOfFile, fileOffset: fileOffset,
      rowLimit: rowLimit, scanner: scanners[0], into: &blocks[0])
    return Parsed(
      consumed: blocks[0].end, newlines: blocks[0].newlines, stop: blocks[0].stop,
      accepted: [(0, 0)])
  }

  /// Parses `window`'s bytes (which start at file offset `fileOffset`, on a record boundary) with
  /// `parser`, in blocks on several threads, and checks the blocks in file order (re-parsing
  /// those whose guessed start was wrong).
  /// - Returns: the accepted blocks, in file order; read them with `block(_:)` before the next
  ///   parse.
  func parse(_ window: FileWindow, fileOffset: Int, parser: IncidentBlockParser) -> Parsed {
    let n = window.count
    let eof = window.atEndOfFile
    let bytes = UnsafePointer(window.bytes)
    // starts[k] is block k's guessed start; starts[count] is the window's end.
    var starts = [Int](repeating: n, count: count + 1)
    starts[0] = 0
    for k in 1..<max(1, count) {
      let nominal = max(k * n / count, starts[k - 1])
      starts[k] = SpeculativeSplit.afterNextLineFeed(bytes, from: nominal, end: n)
    }

    let shared = SharedBlocks(blocks: blocks, scanners: scanners, bytes: bytes)
    let bounds = starts
    let work: @Sendable (Int) -> Void = { k in
      // Filled on the thread's own stack and moved back: the blocks lie side by side in memory,
      // and counters written on every row must not share a cache line with another thread's.
      var block = (shared.blocks + k).move()
      parser.parse(
        shared.bytes, from: bounds[k], limit: bounds[k + 1], end: n, atEndOfFile: eof,
        fileOffset: fileOffset, scanner: shared.scanners[k], into: &block)
      (shared.blocks + k).initialize(to: block)
    }
    if parallel {
      DispatchQueue.concurrentPerform(iterations: count, execute: work)
    } else {
      for k in 0..<count { work(k) }
    }

    var parsed = Parsed(consumed: 0, newlines: 0, stop: .limit, accepted: [])
    for k in 0..<count {
      let limit = starts[k + 1]
      if parsed.consumed >= limit && k > 0 { continue }
      if blocks[k].start != parsed.consumed {
        parser.parse(
          bytes, from: parsed.consumed, limit: limit, end: n, atEndOfFile: eof,
          fileOffset: fileOffset, scanner: scanners[k], into: &blocks[k])
      }
      parsed.accepted.append((k, parsed.newlines))
      parsed.consumed = blocks[k].end
      parsed.newlines += blocks[k].newlines
      parsed.stop = blocks[k].stop
      if case .limit = parsed.stop { continue }
      break
    }
    return parsed
  }

  /// The position after the first LF in `bytes[from..<end]`, or `end` if there is none.
  private static func afterNextLineFeed(_ bytes: UnsafePointer<UInt8>, from: Int, end: Int) -> Int {
    guard from < end else { return end }
    guard let found = memchr(bytes + from, Int32(CSVRecordScanner.lineFeed), end - from) else {
      return end
    }
    return UnsafeRawPointer(found) - UnsafeRawPointer(bytes) + 1
  }
}

/// The blocks and bytes handed to the parsing threads: each thread writes only its own block and
/// reads the bytes, which nobody writes while they run.
private struct SharedBlocks: @unchecked Sendable {
  let blocks: UnsafeMutablePointer<IncidentBlock>
  let scanners: [CSVRecordScanner]
  let bytes: UnsafePointer<UInt8>
}
