/// Weighted tallies in zones that may overlap: each zone, all zones together (a point inside
/// two zones counts once), outside every zone, and in total.
///
/// Used by `zones` for incidents (weight 1) and for population-weighted centroids (weight = the
/// point's population: the ONS best-fit rule, a point's population belongs to the zone containing
/// it).
///
/// - Parameters:
///   - zones: the indices of the zones containing each point (from `PolygonIndex.allContaining`).
///   - weight: what the point adds.
/// - Complexity: O(zones containing the point) per point.
///
/// ## Properties
/// - allZones + outside = total; Σ perZone ≥ allZones, equal when no point lies in two zones.
///
/// ## Parity
/// Exact sums in point order.
///
/// ## Example
///     var tally = ZoneTally(zoneCount: 2)
///     tally.add(zones: [0, 1], weight: 1)   // perZone [1, 1], allZones 1
public struct ZoneTally: Sendable {
  /// Weight per zone; a point in several zones adds to each.
  public private(set) var perZone: [Double]
  /// Weight of the points in at least one zone, each counted once.
  public private(set) var allZones = 0.0
  /// Weight of the points in no zone.
  public private(set) var outside = 0.0
  /// Points lying in two or more zones.
  public private(set) var inSeveral = 0

  /// An empty tally over `zoneCount` zones.
  public init(zoneCount: Int) { perZone = Array(repeating: 0, count: zoneCount) }

  /// Weight of every point added: `allZones + outside`.
  public var total: Double { allZones + outside }

  /// Adds one point of `weight` (1 by default) lying in `zones` (indices < `zoneCount`; empty: outside).
  public mutating func add(zones: [Int], weight: Double = 1) {
    if zones.isEmpty {
      outside += weight
      return
    }
    allZones += weight
    if zones.count > 1 { inSeveral += 1 }
    for zone in zones { perZone[zone] += weight }
  }
}
