/// How concentrated incidents are among places (cells, street segments, areas): the Lorenz
/// curve, the Gini coefficient and the generalised Gini for sparse counts, and "X % of incidents
/// in Y % of the places".
///
/// With m places and counts x sorted ascending (x₍₁₎ ≤ … ≤ x₍ₘ₎), N = Σx incidents:
/// - Gini G = 2 Σᵢ i·x₍ᵢ₎ / (m N) − (m + 1)/m (METHODS.md, "Hot-spot evaluation and concentration").
/// - Generalised Gini (Bernasco & Steenbeek 2017, "More places than crimes", *J. Quant. Criminol.*
///   33:451–467): G′ = max(1, m/N) · (G − 1) + 1. When incidents are fewer than places, even the most
///   equal spread leaves m − N places empty and G cannot fall below 1 − N/m; G′ rescales that
///   floor to 0. When N ≥ m, G′ = G.
/// - Lorenz curve: cumulative share of places (ascending by count) against cumulative share of
///   incidents, from (0, 0) to (1, 1).
///
/// Empty places count: they are places where nothing happened, and leaving them out would make
/// any set of places look less concentrated than it is.
///
/// - Complexity: O(m log m) to build (one sort); every query after is O(log m) or O(1).
///
/// ## Properties
/// - Counts [0, 0, 0, 10]: G = 0.75; equal counts: G = 0; one place: G = 0.
/// - 0 ≤ G ≤ 1 − 1/m, the maximum when one place holds everything.
/// - For whole counts with N < m, G′ = 0 for the most even spread possible (N places with one
///   incident each) and 1 − 1/N when one place holds everything; G′ is clamped at 0 against
///   rounding.
/// - The Lorenz curve is given by its vertices only: the ends of runs of equal counts (it is
///   straight within a run), so a million mostly empty cells give a handful of points.
/// - Independent of the order of the counts.
///
/// ## Example
/// ```swift
/// let c = Concentration(counts: [0, 0, 0, 10])!
/// c.gini  // 0.75
/// c.generalisedGini  // 0.75 (10 incidents ≥ 4 places)
/// c.placesHolding(share: 0.5)  // 1
/// ```
public struct Concentration: Hashable, Sendable {
  /// A vertex of the Lorenz curve: the share of places (the least-incident first) and the share of
  /// incidents they hold, both 0…1.
  public struct LorenzPoint: Hashable, Sendable {
    /// The cumulative share of places up to this vertex, 0…1.
    public var places: Double
    /// The cumulative share of incidents those places hold, 0…1.
    public var incidents: Double

    /// A vertex at (`places`, `incidents`), taken as given.
    public init(places: Double, incidents: Double) {
      self.places = places
      self.incidents = incidents
    }
  }

  /// m, the number of places (empty ones included).
  public let places: Int
  /// N, the sum of the counts.
  public let incidents: Double
  /// Places with a count above zero.
  public let placesWithIncidents: Int
  /// The Gini coefficient G, 0 ≤ G ≤ 1 − 1/m (clamped at 0 against rounding).
  public let gini: Double
  /// Bernasco & Steenbeek's G′; equal to `gini` when incidents ≥ places.
  public let generalisedGini: Double
  /// The vertices of the Lorenz curve, from (0, 0) to (1, 1).
  public let lorenz: [LorenzPoint]
  /// Cumulative counts of the places sorted descending: `descendingCumulative[k]` is what the
  /// k + 1 busiest places hold.
  private let descendingCumulative: [Double]

  /// The concentration of `counts` (≥ 0, finite); nil when there are no places or no incidents.
  public init?(counts: [Double]) {
    let m = counts.count
    guard m > 0, counts.allSatisfy({ $0.isFinite && $0 >= 0 }) else { return nil }
    let ascending = counts.sorted()
    let total = ascending.reduce(0, +)
    guard total > 0 else { return nil }
    places = m
    incidents = total
    placesWithIncidents = ascending.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }

    var weightedSum = 0.0
    var cumulative = 0.0
    var points = [LorenzPoint(places: 0, incidents: 0)]
    for (offset, x) in ascending.enumerated() {
      weightedSum += Double(offset + 1) * x
      cumulative += x
      // A vertex at the end of each run of equal counts.
      if offset == m - 1 || ascending[offset + 1] != x {
        points.append(LorenzPoint(places: Double(offset + 1) / Double(m), incidents: cumulative / total))
      }
    }
    points[points.count - 1] = LorenzPoint(places: 1, incidents: 1)
    lorenz = points
    let g = 2 * weightedSum / (Double(m) * total) - Double(m + 1) / Double(m)
    // Rounding can leave −1e-17 for equal counts.
    gini = Swift.max(0, g)
    generalisedGini = Swift.max(0, Swift.max(1, Double(m) / total) * (gini - 1) + 1)

    var descending: [Double] = []
    descending.reserveCapacity(m)
    var running = 0.0
    for x in ascending.reversed() {
      running += x
      descending.append(running)
    }
    descendingCumulative = descending
  }

  /// The fewest places that hold at least `share` (0…1) of the incidents, the busiest first;
  /// shares within 1e-9 (relative) of the target count as reaching it.
  public func placesHolding(share: Double) -> Int {
    let target = share * incidents * (1 - 1e-9)
    guard target > 0 else { return 0 }
    var low = 0
    var high = places - 1
    while low < high {
      let mid = (low + high) / 2
      if descendingCumulative[mid] >= target { high = mid } else { low = mid + 1 }
    }
    return low + 1
  }

  /// The share of incidents held by the `k` busiest places (0 for k ≤ 0, 1 for k ≥ m).
  public func incidentShare(ofBusiest k: Int) -> Double {
    guard k > 0 else { return 0 }
    return descendingCumulative[Swift.min(k, places) - 1] / incidents
  }
}
