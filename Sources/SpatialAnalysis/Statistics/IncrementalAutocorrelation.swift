import Foundation
import GeoCore

/// The automatic distance band of ArcGIS Optimized Hot Spot Analysis: global Moran's I at
/// increasing distance bands, the band where spatial clustering peaks, with a k-nearest-neighbour
/// fallback.
///
/// ArcGIS Pro, "How Optimized Hot Spot Analysis works" and "Incremental Spatial
/// Autocorrelation" (Esri); METHODS.md "Automatic scale". The rule here:
/// 1. Bands d₁ < … < d₁₀: d₁ = the smallest band giving every feature a neighbour, then steps
///    of the mean nearest-neighbour distance (for cells: the cell size, so c, 2c, …, 10c).
/// 2. At each band, global Moran's I with binary distance-band weights row-standardised (as
///    ArcGIS) and its z under randomisation.
/// 3. A peak is a band whose z is higher than the band before and at least the band after, and
///    significant (two-sided p ≤ 0.05, z ≥ 1.96). The first peak is chosen; the largest peak is
///    reported beside it (it is the choice only when it is also the first).
/// 4. No peak (z keeps rising, or no local maximum is significant): the mean distance to the
///    k-th nearest neighbour, k = 5 % of n rounded, clamped to [3, 30].
/// 5. Never below 0.1 % of the extent's largest side.
///
/// - Parameters:
///   - centres: one position per feature, in metres.
///   - values: one value per feature (counts).
///   - extentLargestSide: the study extent's larger side, in metres (the floor's base).
///   - weightsAt: the binary weights at a band in metres (lattice builders for cells; the
///     default searches the centres).
/// - Returns: the band, the rule that chose it, and every band's I and z.
/// - Complexity: 10 weight builds and Moran's I: O(10 · (n + nnz at the largest band)).
///
/// ## Properties
/// - Needs at least 30 features (`minimumFeatures`); fewer give nil.
/// - Deterministic: no randomness; ties between bands go to the nearer band.
/// - On a field of square blocks of high and low values, the chosen band lies within the blocks'
///   size (tested); on noise, the fallback gives the mean k-th neighbour distance (tested).
///
/// ## Parity
/// The rule of METHODS.md; ArcGIS's own tool also removes locational outliers first, which this
/// does not.
///
/// ## Example
/// ```swift
/// let choice = IncrementalAutocorrelation.choose(centres: centres, values: counts, extentLargestSide: 10_000)
/// choice?.band  // metres
/// choice?.rule  // .firstPeak or .nearestNeighbourFallback
/// ```
public enum IncrementalAutocorrelation {
  /// The fewest features `choose` works with; fewer give nil.
  public static let minimumFeatures = 30
  /// The number of distance bands tried.
  public static let bandCount = 10

  /// Which rule chose the band; the raw value says it in words.
  public enum Rule: String, Sendable {
    case firstPeak = "first significant peak of Moran's I z"
    case nearestNeighbourFallback = "no significant peak: mean distance to the k-th nearest neighbour"
  }

  /// One band tried and Moran's I there.
  public struct Step: Sendable {
    /// The band, in metres.
    public var band: Double
    /// Global Moran's I with row-standardised binary weights at this band.
    public var i: Double
    /// The z of that I under randomisation.
    public var z: Double
  }

  /// The band chosen, how, and every band tried.
  public struct Choice: Sendable {
    /// The band chosen, in metres, after the floor.
    public var band: Double
    /// The rule that chose `band`.
    public var rule: Rule
    /// Every band tried, nearest first (empty when the first band or the step is 0).
    public var steps: [Step]
    /// The first and the largest significant peak (nil when none).
    public var firstPeak: Double?
    /// The band in metres of the significant peak with the highest z (the nearer band on a tie).
    public var largestPeak: Double?
    /// k of the fallback (nil when a peak was chosen).
    public var k: Int?
    /// 0.1 % of the extent's largest side, and whether it raised the band.
    public var floor: Double
    /// True when the floor raised the band.
    public var floored: Bool
  }

  /// The band by the rule above; `start` and `increment` (metres) replace d₁ and the step when given.
  /// Nil with fewer than `minimumFeatures` features.
  /// - Precondition: `values.count == centres.count`.
  public static func choose(
    centres: [Point], values: [Double], extentLargestSide: Double, start: Double? = nil, increment: Double? = nil,
    weightsAt: ((Double) -> SpatialWeights)? = nil
  ) -> Choice? {
    let n = centres.count
    precondition(values.count == n)
    guard n >= minimumFeatures else { return nil }
    let nearest = SpatialWeights.nearestNeighbours(points: centres, k: 1)
    var nearestDistances: [Double] = []
    nearestDistances.reserveCapacity(n)
    for i in 0..<n {
      guard let j = nearest.neighbours(of: i).first else { continue }
      nearestDistances.append(hypot(centres[j].x - centres[i].x, centres[j].y - centres[i].y))
    }
    let first = start ?? (nearestDistances.max() ?? 0)
    let meanNearest = nearestDistances.reduce(0, +) / Double(Swift.max(1, nearestDistances.count))
    let step = increment ?? meanNearest
    let build = weightsAt ?? { band in SpatialWeights.distanceBand(points: centres, limit: band * (1 + 1e-9)) }
    var steps: [Step] = []
    if first > 0 && step > 0 {
      for k in 0..<bandCount {
        let band = first + Double(k) * step
        let m = MoransI.compute(values: values, weights: build(band).transformed(.row))
        steps.append(Step(band: band, i: m.i, z: m.zRandom))
      }
    }
    var peaks: [Step] = []
    if steps.count >= 3 {
      for k in 1..<(steps.count - 1) {
        let z = steps[k].z
        if z.isFinite && z > steps[k - 1].z && z >= steps[k + 1].z && z >= 1.959963984540054 { peaks.append(steps[k]) }
      }
    }
    let floor = 0.001 * extentLargestSide
    let largest = peaks.max { a, b in a.z < b.z || (a.z == b.z && a.band > b.band) }
    if let peak = peaks.first {
      return Choice(
        band: Swift.max(peak.band, floor), rule: .firstPeak, steps: steps, firstPeak: peak.band,
        largestPeak: largest?.band, k: nil, floor: floor, floored: peak.band < floor)
    }
    let k = Swift.min(30, Swift.max(3, Int((0.05 * Double(n)).rounded())))
    let band = meanKthNeighbourDistance(centres, k: k)
    return Choice(
      band: Swift.max(band, floor), rule: .nearestNeighbourFallback, steps: steps, firstPeak: nil, largestPeak: nil,
      k: k, floor: floor, floored: band < floor)
  }

  /// The mean over features of the distance to their k-th nearest other feature (ties by index).
  public static func meanKthNeighbourDistance(_ centres: [Point], k: Int) -> Double {
    let w = SpatialWeights.nearestNeighbours(points: centres, k: k)
    var sum = 0.0
    var counted = 0
    for i in centres.indices {
      // The k-th nearest is the farthest of the k listed (rows are sorted by index, not distance).
      var farthest = -1.0
      for j in w.neighbours(of: i) {
        farthest = Swift.max(farthest, hypot(centres[j].x - centres[i].x, centres[j].y - centres[i].y))
      }
      if farthest >= 0 {
        sum += farthest
        counted += 1
      }
    }
    return counted > 0 ? sum / Double(counted) : 0
  }
}
