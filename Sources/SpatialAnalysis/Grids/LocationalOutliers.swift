import GeoCore

/// Incidents recorded far from all the others (a police.uk row geocoded to the wrong town, a
/// swapped or mistyped coordinate), found by a robust distance rule so that they cannot stretch
/// the extent, grid, bandwidth and study area an analysis derives from the incidents.
///
/// The rule (the Hampel identifier, Hampel 1974, as Leys et al. 2013 recommend it, applied to
/// distances from the median centre):
/// 1. the centre is the coordinate-wise median of the positions;
/// 2. dᵢ is each incident's distance from it, M the median of the dᵢ and
///    S = 1.4826 · median |dᵢ − M| (the scaled median absolute deviation; when it is 0, as when
///    most incidents share one place, 1.2533 · mean |dᵢ − M| instead);
/// 3. R₉₅ is the distance within which 95 % of the incidents lie (the ⌈0.95 n⌉-th smallest dᵢ);
/// 4. an incident is a locational outlier when dᵢ > max(M + k · S, 2 · R₉₅), with k = 20.
///
/// k is 20, not the usual 2.5–3, because where crime is recorded is skewed rather than normal:
/// genuine incidents in the outlying towns of a force area lie well beyond 3 (Berwick-upon-Tweed
/// in Northumbria's February 2017 criminal damage, 92 km from the median centre, lies 14.6 S out),
/// while rows placed in another part of the country lie far beyond 20 (Durham's January 2022
/// rows in Basildon and Bridgend: 68 to 115 S). The second bound keeps data where most incidents
/// share a few places (S then tiny) from losing its genuine spread: an outlier must also lie
/// beyond twice the radius holding 95 % of the incidents. With fewer than 5 incidents nothing is an
/// outlier.
///
/// Coordinates are in metres of a projected CRS. The result does not depend on the order of the
/// incidents.
public struct LocationalOutliers: Sendable, Equatable {
  /// The multiple of S beyond the median distance at which an incident is an outlier.
  public static let cutoff = 20.0
  /// The fewest incidents the rule judges.
  public static let minimumIncidents = 5
  /// The rule in words, for provenance and help.
  public static let rule =
    "distance from the incidents' median centre > median distance + 20 × 1.4826 × MAD of the distances (Hampel identifier; Leys et al. 2013) and > twice the distance holding 95 % of the incidents"

  /// Rows (indices into the positions given) that are outliers, ascending.
  public let rows: [Int]
  /// The median centre.
  public let centre: Point
  /// M, the median distance from the centre, in metres.
  public let medianDistance: Double
  /// S, the scaled spread of the distances, in metres.
  public let spread: Double
  /// R₉₅, the distance within which 95 % of the incidents lie, in metres.
  public let radius95: Double
  /// The distance beyond which an incident is an outlier, max(M + k·S, 2·R₉₅), in metres.
  public let threshold: Double

  /// Judges the positions `(x[i], y[i])`.
  /// - Complexity: O(n log n).
  public init(x: [Double], y: [Double]) {
    precondition(x.count == y.count)
    let n = x.count
    guard n >= Self.minimumIncidents else {
      rows = []
      centre = Point(x: Self.median(x), y: Self.median(y))
      medianDistance = 0
      spread = 0
      radius95 = 0
      threshold = .infinity
      return
    }
    let centre = Point(x: Self.median(x), y: Self.median(y))
    let distances = (0..<n).map {
      ((x[$0] - centre.x) * (x[$0] - centre.x) + (y[$0] - centre.y) * (y[$0] - centre.y)).squareRoot()
    }
    let m = Self.median(distances)
    let deviations = distances.map { abs($0 - m) }
    var s = 1.4826 * Self.median(deviations)
    if s == 0 { s = 1.2533 * deviations.reduce(0, +) / Double(n) }
    let sorted = distances.sorted()
    let r95 = sorted[Int((0.95 * Double(n)).rounded(.up)) - 1]
    let threshold = s > 0 ? Swift.max(m + Self.cutoff * s, 2 * r95) : .infinity
    self.centre = centre
    medianDistance = m
    spread = s
    radius95 = r95
    self.threshold = threshold
    rows = distances.indices.filter { distances[$0] > threshold }
  }

  /// The robust z of a distance: (d − M) / S (infinity when S is 0).
  public func score(distance: Double) -> Double {
    spread > 0 ? (distance - medianDistance) / spread : .infinity
  }

  /// The median of `values` (the mean of the middle two for an even count; 0 for none).
  static func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let mid = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  }
}
