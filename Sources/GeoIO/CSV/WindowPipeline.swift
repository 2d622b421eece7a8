import Dispatch
import Foundation

/// The windows of one incident file, read and parsed (`SpeculativeSplit`) ahead of the caller, who
/// merges them in order: a few windows, each with its own blocks, used in turn.
///
/// Once the caller has parsed a window on all threads, a producer goes on in the background: it
/// reads and parses the next windows, each from the offset where the previous one's accepted
/// blocks ended, into the buffers the caller is not using, up to four windows ahead. So while the
/// caller merges a window and hands its chunks on (work on one thread), the other cores parse.
/// The result cannot depend on it: a window is used only when it was read from the offset the
/// caller asks for, at the plan's size, with the same rules (the producer stops otherwise, and
/// the window is parsed on the spot). With a plan of one thread nothing runs in the background.
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
  /// The buffer of the window last returned to the caller, if any.
  private var inUse: Int?
  private var producer: Producer?

  /// Opens `file` for reading with `plan`.
  /// - Throws: `.fileNotFound`, `.isDirectory` or `.notReadable`.
  init(file: String, plan: IncidentReadPlan) throws(InputError) {
    var info = stat()
    let plan = plan.forFile(bytes: stat(file, &info) == 0 ? Int(info.st_size) : .max)
    self.plan = plan
    plannedCapacity = plan.blockBytes * plan.blocks
    // The window in use and four ahead, so a caller held up for a moment does not stop the parse.
    let buffers = plan.threads > 1 ? 5 : 1
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
    producer?.stop()
  }

  /// The window of the file from `offset` (on a record boundary), `capacity` bytes wide, parsed
  /// with `parser`: in blocks on all threads, or whole on this thread when `rowLimit` is finite
  /// (the parse then stops after that many kept rows). The window returned before is released.
  /// - Throws: `.notReadable` for an I/O error.
  func parse(at offset: Int, capacity: Int, parser: IncidentBlockParser, rowLimit: Int)
    throws(InputError) -> Window
  {
    if let previous = inUse {
      inUse = nil
      producer?.release(previous)
    }
    if let producer {
      if capacity == plannedCapacity && rowLimit == .max, let ready = producer.next(at: offset) {
        inUse = ready.buffer
        return window(ready.buffer, try ready.result.get())
      }
      producer.stop()
      self.producer = nil
    }
    let buffer = 0
    let window = windows[buffer]
    if window.capacity != capacity { window.resize(to: capacity) }
    try window.load(from: offset, slices: plan.threads > 1 ? plan.blocks : 1)
    let parsed: SpeculativeSplit.Parsed
    if rowLimit == .max {
      parsed = splits[buffer].parse(window, fileOffset: offset, parser: parser)
    } else {
      parsed = splits[buffer].parseWhole(
        window.bytes, count: window.count, atEndOfFile: window.atEndOfFile, fileOffset: offset,
        rowLimit: rowLimit, parser: parser)
    }
    inUse = buffer
    if windows.count > 1 && rowLimit == .max
      && Producer.goesOn(parsed, atEndOfFile: window.atEndOfFile)
    {
      let producer = Producer(
        windows: windows, splits: splits, free: Array(1..<windows.count), planned: plannedCapacity,
        slices: plan.blocks, parser: parser)
      producer.start(at: offset + parsed.consumed)
      self.producer = producer
    }
    return self.window(buffer, parsed)
  }

  private func window(_ buffer: Int, _ parsed: SpeculativeSplit.Parsed) -> Window {
    let window = windows[buffer]
    return Window(
      parsed: parsed, split: splits[buffer], count: window.count,
      atEndOfFile: window.atEndOfFile, capacity: window.capacity)
  }
}

/// Reads and parses windows one after another in the background, each into a free buffer, and
/// hands them over in order. Every shared field is guarded by `condition`; a buffer is touched by
/// the producer only between taking it from `free` and putting it in `ready`, and by the caller
/// only from then until it releases it.
private final class Producer: @unchecked Sendable {
  struct Ready {
    var buffer: Int
    var offset: Int
    var result: Result<SpeculativeSplit.Parsed, InputError>
  }

  private let windows: [FileWindow]
  private let splits: [SpeculativeSplit]
  private let planned: Int
  private let slices: Int
  private let parser: IncidentBlockParser
  private let condition = NSCondition()
  private var free: [Int]
  private var ready: [Ready] = []
  private var cancelled = false
  private var finished = false

  init(
    windows: [FileWindow], splits: [SpeculativeSplit], free: [Int], planned: Int, slices: Int,
    parser: IncidentBlockParser
  ) {
    self.windows = windows
    self.splits = splits
    self.free = free
    self.planned = planned
    self.slices = slices
    self.parser = parser
  }

  /// Whether the window after one that `parsed` describes is to be read.
  static func goesOn(_ parsed: SpeculativeSplit.Parsed, atEndOfFile: Bool) -> Bool {
    switch parsed.stop {
    case .limit: return !atEndOfFile
    case .needMore: return parsed.consumed > 0
    default: return false
    }
  }

  /// Starts producing windows from `offset`.
  func start(at offset: Int) {
    DispatchQueue.global().async { self.run(from: offset) }
  }

  private func run(from start: Int) {
    var offset = start
    while true {
      condition.lock()
      while free.isEmpty && !cancelled { condition.wait() }
      if cancelled {
        condition.unlock()
        break
      }
      let buffer = free.removeFirst()
      condition.unlock()

      let window = windows[buffer]
      var result: Result<SpeculativeSplit.Parsed, InputError>
      do throws(InputError) {
        if window.capacity != planned { window.resize(to: planned) }
        try window.load(from: offset, slices: slices)
        result = .success(splits[buffer].parse(window, fileOffset: offset, parser: parser))
      } catch {
        result = .failure(error)
      }
      condition.lock()
      ready.append(Ready(buffer: buffer, offset: offset, result: result))
      condition.broadcast()
      condition.unlock()
      guard case .success(let parsed) = result,
        Producer.goesOn(parsed, atEndOfFile: window.atEndOfFile)
      else { break }
      offset += parsed.consumed
    }
    condition.lock()
    finished = true
    condition.broadcast()
    condition.unlock()
  }

  /// The next window in order, once parsed, if it was read from `offset`; nil when the producer
  /// has nothing more or read from elsewhere.
  func next(at offset: Int) -> Ready? {
    condition.lock()
    defer { condition.unlock() }
    while ready.isEmpty && !finished { condition.wait() }
    guard let first = ready.first, first.offset == offset else { return nil }
    ready.removeFirst()
    return first
  }

  /// Gives a buffer back for the next windows.
  func release(_ buffer: Int) {
    condition.lock()
    if !free.contains(buffer) { free.append(buffer) }
    condition.broadcast()
    condition.unlock()
  }

  /// Stops producing and waits until the producer has left every buffer.
  func stop() {
    condition.lock()
    cancelled = true
    condition.broadcast()
    while !finished { condition.wait() }
    condition.unlock()
  }
}
