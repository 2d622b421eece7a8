import Dispatch

/// The windows of one incident file, each read and parsed (`SpeculativeSplit`) while the caller
/// merges the one before: two windows and two sets of blocks, used in turn.
///
/// While the caller merges window k's blocks and hands its chunks on (work on one thread), window
/// k + 1 is read and parsed in the background, so that serial work overlaps the parsing. The
/// result cannot depend on it: the next window is read from the offset where the accepted blocks
/// of the previous one ended, exactly the offset the caller asks for next, and a prefetched window
/// is used only when it was read from that offset, at the plan's size, with the same rules.
/// With a plan of one thread nothing runs in the background.
final class WindowPipeline {
  /// One parsed window: its blocks (valid until the next `parse`), and the window's state.
  struct Window {
    var parsed: SpeculativeSplit.Parsed
    var split: SpeculativeSplit
    /// Bytes read into the window.
    var count: Int
    var atEndOfFile: Bool
    var capacity: Int
  }

  private let plan: IncidentReadPlan
  /// The window size of the plan.
  let plannedCapacity: Int
  private let windows: [FileWindow]
  private let splits: [SpeculativeSplit]
  /// The buffer of the window last returned.
  private var current = 0
  private var prefetch: Prefetch?

  /// A window being read and parsed in the background, into buffer `1 − current`.
  private final class Prefetch: @unchecked Sendable {
    let offset: Int
    let group = DispatchGroup()
    /// Written by the background job before it leaves the group; read after `group.wait()`.
    var result: Result<SpeculativeSplit.Parsed, InputError>?

    init(offset: Int) { self.offset = offset }
  }

  /// Opens `file` for reading with `plan`.
  /// - Throws: `.fileNotFound`, `.isDirectory` or `.notReadable`.
  init(file: String, plan: IncidentReadPlan) throws(InputError) {
    self.plan = plan
    plannedCapacity = plan.blockBytes * plan.blocks
    let buffers = plan.threads > 1 ? 2 : 1
    var windows: [FileWindow] = []
    for _ in 0..<buffers { windows.append(try FileWindow(file: file, capacity: plannedCapacity)) }
    self.windows = windows
    splits = (0..<buffers).map { _ in
      SpeculativeSplit(
        count: plan.blocks, file: file, maxRecordBytes: plan.maxRecordBytes,
        parallel: plan.threads > 1)
    }
  }

  deinit {
    // Never leave a read running on these buffers.
    prefetch?.group.wait()
  }

  /// The window of the file from `offset` (on a record boundary), `capacity` bytes wide, parsed
  /// with `parser`: in blocks on all threads, or whole on this thread when `rowLimit` is finite
  /// (the parse then stops after that many kept rows). Starts reading the next window when the
  /// file goes on and `rowLimit` is infinite.
  /// - Throws: `.notReadable` for an I/O error.
  func parse(at offset: Int, capacity: Int, parser: IncidentBlockParser, rowLimit: Int)
    throws(InputError) -> Window
  {
    let parsed: SpeculativeSplit.Parsed
    if let ahead = prefetch, ahead.offset == offset, capacity == plannedCapacity,
      rowLimit == .max
    {
      ahead.group.wait()
      prefetch = nil
      current = 1 - current
      guard let result = ahead.result else { preconditionFailure("a prefetch without a result") }
      parsed = try result.get()
    } else {
      if let ahead = prefetch {
        ahead.group.wait()
        prefetch = nil
      }
      let window = windows[current]
      if window.capacity != capacity { window.resize(to: capacity) }
      try window.load(from: offset, slices: plan.threads > 1 ? plan.blocks : 1)
      if rowLimit == .max {
        parsed = splits[current].parse(window, fileOffset: offset, parser: parser)
      } else {
        parsed = splits[current].parseWhole(
          window.bytes, count: window.count, atEndOfFile: window.atEndOfFile, fileOffset: offset,
          rowLimit: rowLimit, parser: parser)
      }
    }
    let window = windows[current]
    let goesOn: Bool
    switch parsed.stop {
    case .limit: goesOn = !window.atEndOfFile
    case .needMore: goesOn = parsed.consumed > 0
    default: goesOn = false
    }
    if windows.count == 2 && rowLimit == .max && goesOn {
      startPrefetch(at: offset + parsed.consumed, parser: parser)
    }
    return Window(
      parsed: parsed, split: splits[current], count: window.count,
      atEndOfFile: window.atEndOfFile, capacity: window.capacity)
  }

  /// Reads and parses the window at `offset` into the other buffer, in the background.
  private func startPrefetch(at offset: Int, parser: IncidentBlockParser) {
    let ahead = Prefetch(offset: offset)
    let job = PrefetchJob(
      window: windows[1 - current], split: splits[1 - current], planned: plannedCapacity,
      slices: plan.blocks)
    prefetch = ahead
    DispatchQueue.global().async(group: ahead.group) {
      do throws(InputError) {
        if job.window.capacity != job.planned { job.window.resize(to: job.planned) }
        try job.window.load(from: offset, slices: job.slices)
        ahead.result = .success(job.split.parse(job.window, fileOffset: offset, parser: parser))
      } catch {
        ahead.result = .failure(error)
      }
    }
  }
}

/// The buffers a background read uses; the pipeline touches them only after waiting for it.
private struct PrefetchJob: @unchecked Sendable {
  let window: FileWindow
  let split: SpeculativeSplit
  let planned: Int
  let slices: Int
}
