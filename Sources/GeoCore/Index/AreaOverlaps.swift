/// Two areas of a layer that share ground, with an estimate of how much.
public struct AreaOverlap: Hashable, Sendable {
  /// The first area (index in the layer), the lower of the two.
  public let first: Int
  /// The second area (index in the layer).
  public let second: Int
  /// The estimated area shared, in squared CRS units (m² in a projected CRS).
  public let sharedArea: Double
}

/// Finds the areas of a layer that overlap, so that a count that gives a point to one area only
/// (a partition) can warn when the layer is not one.
///
/// ## Rule
/// Pairs of areas whose bounding boxes overlap (a sweep over the boxes sorted by west edge) are
/// sampled on a lattice of `samples × samples` points at the centres of equal cells of the
/// overlap of their boxes; each point inside both areas (the half-open rule of `PolygonIndex`)
/// stands for one cell. A pair overlaps when the cells inside both add up to at least
/// `minimumShare` of the smaller area: the slivers where generalised boundaries of a partition
/// overlap by a few metres stay under it, hand-drawn zones drawn across each other do not.
///
/// ## Properties
/// - Deterministic: the lattice depends only on the two boxes.
/// - Complexity: O(n log n) for the sweep of n areas, plus samples² index queries per candidate
///   pair (about 3n pairs for the areas of a partition).
public enum AreaOverlaps {
  /// The overlapping pairs of `areas` (first < second, in that order), using `index` built over
  /// the same geometries.
  public static func find(
    areas: [Geometry], index: PolygonIndex, samples: Int = 16, minimumShare: Double = 0.01
  ) -> [AreaOverlap] {
    let boxes = areas.map(\.boundingBox)
    let sizes = areas.map(\.area)
    let order = boxes.indices.filter { !boxes[$0].isEmpty }.sorted { (boxes[$0].minX, $0) < (boxes[$1].minX, $1) }
    var found: [AreaOverlap] = []
    for (position, a) in order.enumerated() {
      for b in order[(position + 1)...] {
        if boxes[b].minX >= boxes[a].maxX { break }
        let minX = boxes[b].minX
        let maxX = Swift.min(boxes[a].maxX, boxes[b].maxX)
        let minY = Swift.max(boxes[a].minY, boxes[b].minY)
        let maxY = Swift.min(boxes[a].maxY, boxes[b].maxY)
        guard maxY > minY, maxX > minX else { continue }
        let (first, second) = a < b ? (a, b) : (b, a)
        let width = (maxX - minX) / Double(samples)
        let height = (maxY - minY) / Double(samples)
        var hits = 0
        for row in 0..<samples {
          let y = minY + (Double(row) + 0.5) * height
          for column in 0..<samples {
            let point = Point(x: minX + (Double(column) + 0.5) * width, y: y)
            var inFirst = false
            var inSecond = false
            index.visitContaining(point) { area in
              if area == first { inFirst = true }
              if area == second { inSecond = true }
              return area < second
            }
            if inFirst && inSecond { hits += 1 }
          }
        }
        let shared = Double(hits) * width * height
        if hits > 0 && shared >= minimumShare * Swift.min(sizes[first], sizes[second]) {
          found.append(AreaOverlap(first: first, second: second, sharedArea: shared))
        }
      }
    }
    return found.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
  }
}
