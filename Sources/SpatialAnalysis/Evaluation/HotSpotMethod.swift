import GeoCore

/// A way of choosing hot spots on a training period: each gives every analysed cell a score, and
/// a budget takes the best-scoring cells (`HotSpotSelection`).
///
/// - `count`: incidents in the cell over the whole training period.
/// - `density(bandwidth:)`: quartic kernel density at the cell's centre from every training
///   incident, wherever it lies (METHODS.md "Kernel density", "Grids"), in incidents per km².
/// - `gistar`: the Getis-Ord Gi* z of the cell's training count, binary weights, the cell and its
///   default neighbours (the 8 around a square, the 6 around a hexagon), as `hotspot gistar
///   --cell` computes it (Ord & Getis 1995).
/// - `previous`: incidents in the cell over the recent stretch only (the end of the training
///   period as long as the test period, `BacktestOrigin.recent`): the naive "last month's hot
///   spots" that the other methods have to beat.
public enum HotSpotMethod: Hashable, Sendable {
  case count
  case density(bandwidth: Double)
  case gistar
  case previous

  /// `count`, `density-400m`, `gistar`, `previous`: the `method` column.
  public var name: String {
    switch self {
    case .count: "count"
    case .density(let bandwidth): "density-" + NumberText.shortest(bandwidth) + "m"
    case .gistar: "gistar"
    case .previous: "previous"
    }
  }

  /// What the method scores, in words, for provenance.
  public var rule: String {
    switch self {
    case .count: "incidents per cell over the whole training period"
    case .density(let bandwidth):
      "quartic kernel density at the cell centre, bandwidth \(NumberText.shortest(bandwidth)) m, from every training incident"
    case .gistar: "Getis-Ord Gi* z of the training counts, binary weights, the cell and its default neighbours"
    case .previous: "incidents per cell over the last stretch of training as long as the test period"
    }
  }

  /// The methods compared by default: count, density at each bandwidth, Gi*, previous.
  public static func standard(bandwidths: [Double]) -> [HotSpotMethod] {
    [.count] + bandwidths.map { .density(bandwidth: $0) } + [.gistar, .previous]
  }
}
