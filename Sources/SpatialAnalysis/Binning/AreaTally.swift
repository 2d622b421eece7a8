import GeoCore

/// Counts incidents per area, chunk by chunk, so that a file of any size is counted without
/// holding its rows: the incident reader streams chunks, each is binned and added here.
///
/// ## Rules (METHODS.md, "Point in polygon")
/// - Partition (`overlapping == false`): a point counts in at most one area, the lowest-numbered
///   one containing it under the half-open rule, so a point on a shared edge counts once. A point
///   inside two areas (generalised boundaries overlap by a few metres) is also counted once, in the
///   first in file order, and reported in `overlaps`.
/// - Overlapping layers: a point counts in every area containing it.
/// - With a `snapDistance`, a point in no area but within that distance of an area's boundary is
///   counted in the nearest such area (`snapped`). A point left in no area is counted in
///   `outside`; if an area's boundary lies within `nearDistance` it is also counted in
///   `nearBoundary` (snapped points never are).
/// - A breakdown adds one column per category or period value; rows without a date (or category)
///   go to a column labelled `none`.
///
/// ## Properties
/// - Counts are integers summed in a fixed order: the same whatever the thread count or chunking.
/// - Complexity: per point, one polygon-index query (O(1) for most points); points outside every
///   area add a nearest-boundary query.
public struct AreaTally: Sendable {
  /// The number of areas; `counts` has one entry per area.
  public let areaCount: Int
  /// The split into columns by category or period, nil for none.
  public let breakdown: Breakdown?
  /// True for an overlapping layer (a point counts in every area containing it), false for a partition.
  public let overlapping: Bool
  /// Incidents counted in each area (memberships, in an overlapping layer).
  public private(set) var counts: [Int]
  /// Incidents offered to the tally.
  public private(set) var total = 0
  /// Incidents in no area (after snapping).
  public private(set) var outside = 0
  /// Incidents left outside every area (not snapped) but within `nearDistance` of one.
  public private(set) var nearBoundary = 0
  /// Incidents assigned to the nearest area by `snapDistance`.
  public private(set) var snapped = 0
  /// Partition only: incidents inside more than one area, counted in the first.
  public private(set) var overlaps = 0
  /// Breakdown columns: `columnCounts[c][area]`, with labels in `columnLabels`.
  private var columnCounts: [[Int]] = []
  private var columnKeys: [ColumnKey] = []
  private var columnIndex: [ColumnKey: Int] = [:]

  /// Distance in CRS units (metres) within which an outside point counts in `nearBoundary`; 25 by default.
  public let nearDistance: Double
  /// Distance in CRS units (metres) within which an outside point is counted in its nearest area;
  /// nil: no snapping.
  public let snapDistance: Double?

  private enum ColumnKey: Hashable, Sendable {
    case time(Int)
    case text(String)
    case none
  }

  /// - Parameters:
  ///   - areaCount: the number of areas in the index the tally is used with.
  ///   - breakdown: the extra columns counted per area (by category or period); nil: none.
  ///   - overlapping: count a point in every area containing it (hand-drawn zones), not only the
  ///     first (a partition).
  ///   - nearDistance: metres (CRS units) within which an outside point is "near the boundary".
  ///   - snapDistance: metres within which an outside point goes to the nearest area; nil: none.
  public init(
    areaCount: Int, breakdown: Breakdown? = nil, overlapping: Bool = false,
    nearDistance: Double = 25, snapDistance: Double? = nil
  ) {
    self.areaCount = areaCount
    self.breakdown = breakdown
    self.overlapping = overlapping
    self.nearDistance = nearDistance
    self.snapDistance = snapDistance
    counts = Array(repeating: 0, count: areaCount)
  }

  /// Counted incidents (memberships in an overlapping layer).
  public var counted: Int { counts.reduce(0, +) }

  /// The breakdown columns in display order (chronological for periods; for categories by
  /// descending total, then name), each with its per-area counts.
  public var columns: [(label: String, counts: [Int])] {
    let order = columnKeys.indices.sorted { a, b in
      switch (columnKeys[a], columnKeys[b]) {
      case (.time(let x), .time(let y)): return x < y
      case (.none, _): return false
      case (_, .none): return true
      default:
        let ta = columnCounts[a].reduce(0, +)
        let tb = columnCounts[b].reduce(0, +)
        return ta != tb ? ta > tb : label(columnKeys[a]) < label(columnKeys[b])
      }
    }
    return order.map { (label(columnKeys[$0]), columnCounts[$0]) }
  }

  private func label(_ key: ColumnKey) -> String {
    switch key {
    case .time(let value): breakdown?.label(timeKey: value) ?? String(value)
    case .text(let text): text
    case .none: "none"
    }
  }

  /// Bins the rows of `chunk` (coordinates in the index's CRS) and adds them.
  /// Work is split over the available cores; the result does not depend on how.
  public mutating func add(_ chunk: IncidentTable, index: PolygonIndex, nearest: NearestBoundary?) {
    let n = chunk.count
    total += n
    if overlapping {
      for row in 0..<n {
        let areas = index.allContaining(chunk.point(row))
        if areas.isEmpty {
          assignOutside(row: row, chunk: chunk, nearest: nearest)
        } else {
          for area in areas { record(area: area, row: row, chunk: chunk) }
        }
      }
      return
    }
    // Partition: look every point up in parallel (with the nearest boundary of a point in no
    // area), then add in row order.
    let lookups = [Lookup](unsafeUninitializedCapacity: n) { buffer, initialized in
      guard let base = buffer.baseAddress else { return }
      let out = DisjointWrites(base)
      Parallel.forEachRange(count: n, minimumChunk: 8_192) { range in
        for row in range {
          var first = -1
          var several = false
          index.visitContaining(chunk.point(row)) { area in
            if first < 0 {
              first = area
              return true
            }
            several = true
            return false
          }
          let hit = first < 0 ? nearest?.nearest(to: chunk.point(row)) : nil
          (out.base + row).initialize(
            to: Lookup(
              area: Int32(first), several: several, nearestArea: Int32(hit?.area ?? -1),
              nearestDistance: hit?.distance ?? 0))
        }
      }
      initialized = n
    }
    for row in 0..<n {
      let lookup = lookups[row]
      if lookup.area < 0 {
        let hit = lookup.nearestArea < 0 ? nil : (area: Int(lookup.nearestArea), distance: lookup.nearestDistance)
        assignOutside(row: row, chunk: chunk, hit: hit)
      } else {
        if lookup.several { overlaps += 1 }
        record(area: Int(lookup.area), row: row, chunk: chunk)
      }
    }
  }

  /// One point's answers from the index, found in parallel.
  private struct Lookup {
    /// The first area containing the point, −1 for none.
    var area: Int32
    /// Whether another area contains it too.
    var several: Bool
    /// For a point in no area: the area with the nearest boundary within the search radius (−1
    /// for none), and its distance.
    var nearestArea: Int32
    var nearestDistance: Double
  }

  private mutating func assignOutside(row: Int, chunk: IncidentTable, nearest: NearestBoundary?) {
    assignOutside(row: row, chunk: chunk, hit: nearest?.nearest(to: chunk.point(row)))
  }

  /// Counts a point in no area, given its nearest boundary (nil: none within the search radius).
  private mutating func assignOutside(
    row: Int, chunk: IncidentTable, hit: (area: Int, distance: Double)?
  ) {
    if let hit {
      if let snapDistance, hit.distance <= snapDistance {
        snapped += 1
        record(area: hit.area, row: row, chunk: chunk)
        return
      }
      if hit.distance <= nearDistance { nearBoundary += 1 }
    }
    outside += 1
  }

  private mutating func record(area: Int, row: Int, chunk: IncidentTable) {
    counts[area] += 1
    guard let breakdown else { return }
    let key: ColumnKey
    if breakdown == .category {
      key = chunk.category.map { .text($0[row]) } ?? .none
    } else if let date = chunk.date?[row], date.packed != 0 {
      key = .time(breakdown.timeKey(date))
    } else {
      key = .none
    }
    let column: Int
    if let existing = columnIndex[key] {
      column = existing
    } else {
      column = columnKeys.count
      columnKeys.append(key)
      columnIndex[key] = column
      columnCounts.append(Array(repeating: 0, count: areaCount))
    }
    columnCounts[column][area] += 1
  }
}
