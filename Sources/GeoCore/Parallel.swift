import Dispatch
import Foundation

/// Splits work over the machine's cores in contiguous ranges, so results that are computed per
/// element, or summed per range and combined in range order, do not depend on the thread count.
public enum Parallel {
  /// Calls `body` on contiguous ranges covering `0..<count`, in parallel when `count` is at least
  /// `2 · minimumChunk`, one range per active processor at most. Returns when all are done.
  public static func forEachRange(
    count: Int, minimumChunk: Int, _ body: @Sendable (Range<Int>) -> Void
  ) {
    let parts = chunkCount(count: count, minimumChunk: minimumChunk)
    if parts <= 1 {
      if count > 0 { body(0..<count) }
      return
    }
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      body((part * count / parts)..<((part + 1) * count / parts))
    }
  }

  /// How many ranges `forEachRange` uses for `count` elements.
  public static func chunkCount(count: Int, minimumChunk: Int) -> Int {
    max(1, min(ProcessInfo.processInfo.activeProcessorCount, count / max(1, minimumChunk)))
  }
}

/// A base address handed to worker threads that each write a disjoint range of it.
///
/// Safe only under that discipline, and only while the memory outlives the parallel call
/// (`Parallel.forEachRange` returns when every range is done).
public struct DisjointWrites<Element>: @unchecked Sendable {
  public let base: UnsafeMutablePointer<Element>

  public init(_ base: UnsafeMutablePointer<Element>) { self.base = base }

  @inlinable
  public subscript(index: Int) -> Element {
    get { base[index] }
    nonmutating set { base[index] = newValue }
  }
}
