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
  /// The start of the memory the workers write.
  public let base: UnsafeMutablePointer<Element>

  /// Wraps `base`; the caller keeps the memory alive and each worker's writes disjoint.
  public init(_ base: UnsafeMutablePointer<Element>) { self.base = base }

  /// The element at `index` from `base`, unchecked as with `UnsafeMutablePointer`; setting it writes
  /// through without mutating the wrapper.
  @inlinable
  public subscript(index: Int) -> Element {
    get { base[index] }
    nonmutating set { base[index] = newValue }
  }
}

/// A value computed on another thread while the caller goes on with other work: `value()` waits
/// until it is ready (at once afterwards) and returns it, or throws what the work threw.
///
/// For overlapping independent work, such as reading the areas while the first incidents are
/// read. The value is handed over once, after the work has left it (the group's wait orders the
/// two), so the work may build a value that is not itself `Sendable`, as long as it keeps no
/// other reference to it.
public final class BackgroundValue<Value, Failure: Error>: @unchecked Sendable {
  private let ready = DispatchGroup()
  private var result: Result<Value, Failure>?

  /// Starts `work` on a global queue.
  public init(_ work: @escaping @Sendable () throws(Failure) -> Value) {
    ready.enter()
    DispatchQueue.global().async {
      do throws(Failure) {
        self.result = .success(try work())
      } catch {
        self.result = .failure(error)
      }
      self.ready.leave()
    }
  }

  /// The value, once the work is done.
  public func value() throws(Failure) -> Value {
    ready.wait()
    switch result! {
    case .success(let value): return value
    case .failure(let error): throw error
    }
  }
}
