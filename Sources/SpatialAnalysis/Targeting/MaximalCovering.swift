import GeoCore

/// Maximal covering of incidents by sites (cameras, patrol points): which incidents lie within a
/// radius of existing sites, and the `k` new sites, from a list of candidates, that cover the most
/// incidents not yet covered.
///
/// Greedy selection (each step adds the candidate with the largest marginal gain) is within
/// (1 − 1/e) ≈ 63.2 % of the best possible choice of `k` candidates, because coverage is a monotone
/// submodular function (Nemhauser, Wolsey & Fisher 1978, "An analysis of approximations for
/// maximizing submodular set functions", Mathematical Programming 14: 265–294). Gains are kept in
/// a priority queue of upper bounds and recomputed only when one reaches the top ("lazy greedy",
/// Minoux 1978), which picks exactly what plain greedy picks.
///
/// ## Properties
/// - A demand point is covered by a site when their distance is at most `radius` (the radius itself
///   included), compared as squared planar distances in the working CRS (metres).
/// - Ties in gain go to the candidate that comes first in the candidates' order, so the result is
///   plain greedy with that tie rule, whatever the number of threads.
/// - Selection stops early when no candidate covers a further incident.
/// - `upperBound` is at least the number of uncovered incidents the best `k` candidates could
///   cover: the smaller of the `k` largest single-candidate gains summed, and the greedy total plus
///   the `k` largest marginal gains left after it (both valid by submodularity; Leskovec et al.
///   2007, "Cost-effective outbreak detection in networks", KDD, §3.2). When selection stops early
///   every reachable incident is covered and the bound is the greedy total: optimal.
///
/// ## Complexity
/// Building O(n) for n demand points (bucketed at the radius). A gain is a query over the 3 × 3
/// buckets around a candidate. The initial gains cost one query per candidate (in parallel);
/// each step of the greedy, and the bound, a few more (lazy re-evaluation); the queue
/// O(m log m) for m candidates.
///
/// ## Example
/// ```swift
/// let cover = MaximalCovering(points: [Point(x: 0, y: 0), Point(x: 300, y: 0)], weights: [5, 2], radius: 150)
/// let result = cover.greedy(candidates: [Point(x: 100, y: 0), Point(x: 300, y: 100)], count: 1)
/// // result.selections[0].candidate == 0, gain 5
/// ```
public struct MaximalCovering: Sendable {
  /// Demand positions (incidents, or distinct positions of stacked incidents), in metres.
  public let points: [Point]
  /// Incidents at each demand position (≥ 0).
  public let weights: [Int]
  /// The covering distance in metres (> 0), included.
  public let radius: Double
  private let buckets: PointBuckets
  private let radiusSquared: Double

  /// - Parameters:
  ///   - points: demand positions in a projected CRS, all finite.
  ///   - weights: incidents at each position, one per point.
  ///   - radius: covering distance (> 0, finite), in the points' units.
  public init(points: [Point], weights: [Int], radius: Double) {
    precondition(points.count == weights.count && radius > 0 && radius.isFinite)
    self.points = points
    self.weights = weights
    self.radius = radius
    radiusSquared = radius * radius
    // A bucket a hair wider than the radius: every point within the radius of a query then lies
    // in the 3 × 3 buckets around the query's, whatever the rounding of the bucket arithmetic.
    buckets = PointBuckets(points: points, size: radius * (1 + 1e-9))
  }

  /// The total weight of all demand points.
  public var totalWeight: Int { weights.reduce(0, +) }

  /// Calls `body` with every demand point within `radius` of `site` (distance ≤ radius).
  public func forEachCovered(by site: Point, _ body: (Int) -> Void) {
    guard !points.isEmpty, site.isFinite else { return }
    buckets.visit(around: site, rings: 1) { j in
      let dx = points[j].x - site.x
      let dy = points[j].y - site.y
      if dx * dx + dy * dy <= radiusSquared { body(j) }
    }
  }

  /// Which demand points lie within `radius` of at least one of `sites`.
  /// - Complexity: one query per site.
  public func covered(by sites: [Point]) -> [Bool] {
    var covered = [Bool](repeating: false, count: points.count)
    for site in sites { forEachCovered(by: site) { covered[$0] = true } }
    return covered
  }

  /// The weight of the demand points within `radius` of `site` that `covered` does not mark.
  public func gain(of site: Point, covered: [Bool]) -> Int {
    var total = 0
    forEachCovered(by: site) { j in if !covered[j] { total += weights[j] } }
    return total
  }

  /// One added site.
  public struct Selection: Hashable, Sendable {
    /// Its index in the candidates.
    public let candidate: Int
    /// Incidents it covers that nothing before it covered.
    public let gain: Int
    /// Incidents covered by the existing sites and the selections up to this one.
    public let cumulative: Int
  }

  /// What `greedy` chose, and how good that is known to be.
  public struct Result: Sendable {
    /// The added sites, best first, at most `count` of them.
    public let selections: [Selection]
    /// Per demand point: 0 when covered before the selection began, r ≥ 1 when first covered by
    /// selection r (1-based), −1 when left uncovered.
    public let coveredBy: [Int32]
    /// Incidents covered before the selection (by the existing sites).
    public let initiallyCovered: Int
    /// Candidates that would cover at least one uncovered incident at the start.
    public let usefulCandidates: Int
    /// At least the most uncovered incidents any `count` candidates could cover (see the type).
    public let upperBound: Int

    /// Incidents the selections cover (beyond the initially covered).
    public var gained: Int { selections.reduce(0) { $0 + $1.gain } }
  }

  /// The greedy choice of up to `count` candidates, with `covered` marking demand points already
  /// covered (by existing sites); nil means none.
  ///
  /// - Complexity: one gain query per candidate (in parallel), the lazy re-evaluations, and
  ///   O(m log m) for the queue of m candidates.
  public func greedy(candidates: [Point], count: Int, covered initial: [Bool]? = nil) -> Result {
    precondition(count >= 0 && (initial?.count ?? points.count) == points.count)
    var covered = initial ?? [Bool](repeating: false, count: points.count)
    var coveredBy = covered.map { $0 ? Int32(0) : -1 }
    var cumulative = zip(covered, weights).reduce(0) { $0 + ($1.0 ? $1.1 : 0) }
    let initiallyCovered = cumulative

    let startGains = gains(of: candidates, covered: covered)
    let useful = startGains.filter { $0 > 0 }.count
    var queue = GainQueue()
    for (index, gain) in startGains.enumerated() where gain > 0 {
      queue.push(.init(bound: gain, candidate: Int32(index), step: 0))
    }
    var selections: [Selection] = []
    var step: Int32 = 0
    while selections.count < count, let top = queue.pop() {
      if top.step == step {
        // Fresh for this step: its gain is at least every other bound, and the queue's order
        // puts the lowest candidate index first among equal gains.
        let candidate = Int(top.candidate)
        let rank = Int32(selections.count + 1)
        forEachCovered(by: candidates[candidate]) { j in
          if !covered[j] {
            covered[j] = true
            coveredBy[j] = rank
          }
        }
        cumulative += top.bound
        selections.append(Selection(candidate: candidate, gain: top.bound, cumulative: cumulative))
        step += 1
      } else {
        let fresh = gain(of: candidates[Int(top.candidate)], covered: covered)
        if fresh > 0 { queue.push(.init(bound: fresh, candidate: top.candidate, step: step)) }
      }
    }

    // The bound: the k largest gains at the start, or the greedy total plus the k largest
    // marginal gains left after it, found by the same lazy evaluation (exact, in descending order).
    let gained = cumulative - initiallyCovered
    var bound = Self.sumOfLargest(startGains, count)
    if gained < bound {
      var left = 0
      var found = 0
      while found < count, let top = queue.pop() {
        if top.step == step {
          left += top.bound
          found += 1
        } else {
          let fresh = gain(of: candidates[Int(top.candidate)], covered: covered)
          if fresh > 0 { queue.push(.init(bound: fresh, candidate: top.candidate, step: step)) }
        }
      }
      bound = Swift.min(bound, gained + left)
    }
    return Result(
      selections: selections, coveredBy: coveredBy, initiallyCovered: initiallyCovered,
      usefulCandidates: useful, upperBound: Swift.max(bound, gained))
  }

  /// The gain of every candidate against `covered`, computed in parallel (deterministic: each
  /// gain is independent of the others).
  public func gains(of candidates: [Point], covered: [Bool]) -> [Int] {
    var result = [Int](repeating: 0, count: candidates.count)
    result.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      let out = DisjointWrites(base)
      Parallel.forEachRange(count: candidates.count, minimumChunk: 4_096) { range in
        for c in range { out[c] = gain(of: candidates[c], covered: covered) }
      }
    }
    return result
  }

  /// The sum of the `count` largest values.
  static func sumOfLargest(_ values: [Int], _ count: Int) -> Int {
    guard count > 0 else { return 0 }
    if count >= values.count { return values.reduce(0, +) }
    return values.sorted(by: >).prefix(count).reduce(0, +)
  }
}

/// A binary max-heap of gain bounds: larger bound first, then lower candidate index.
private struct GainQueue {
  struct Entry {
    var bound: Int
    var candidate: Int32
    /// The greedy step at which `bound` was computed (exact at that step).
    var step: Int32

    func precedes(_ other: Entry) -> Bool {
      bound != other.bound ? bound > other.bound : candidate < other.candidate
    }
  }

  private var heap: [Entry] = []

  mutating func push(_ entry: Entry) {
    heap.append(entry)
    var child = heap.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard heap[child].precedes(heap[parent]) else { break }
      heap.swapAt(child, parent)
      child = parent
    }
  }

  mutating func pop() -> Entry? {
    guard let last = heap.popLast() else { return nil }
    guard !heap.isEmpty else { return last }
    let top = heap[0]
    heap[0] = last
    var parent = 0
    while true {
      let left = 2 * parent + 1
      let right = left + 1
      var best = parent
      if left < heap.count && heap[left].precedes(heap[best]) { best = left }
      if right < heap.count && heap[right].precedes(heap[best]) { best = right }
      if best == parent { break }
      heap.swapAt(parent, best)
      parent = best
    }
    return top
  }
}
