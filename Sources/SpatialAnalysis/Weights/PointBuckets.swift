import GeoCore

/// Points sorted into square buckets, for neighbour searches.
struct PointBuckets {
  let minX: Double
  let minY: Double
  let size: Double
  let columns: Int
  let rows: Int
  /// Bucket b holds `members[start[b]..<start[b + 1]]`, ascending point index.
  let start: [Int]
  let members: [Int]

  init(points: [Point], size: Double) {
    let box = BoundingBox(points: points)
    minX = box.isEmpty ? 0 : box.minX
    minY = box.isEmpty ? 0 : box.minY
    // At most 2,000 buckets a side: a larger bucket still finds every neighbour, only slower.
    let size = Swift.max(size, box.width / 2000, box.height / 2000)
    self.size = size
    columns = Swift.max(1, Int((box.width / size).rounded(.down)) + 1)
    rows = Swift.max(1, Int((box.height / size).rounded(.down)) + 1)
    var counts = [Int](repeating: 0, count: columns * rows + 1)
    var bucketOf = [Int](repeating: 0, count: points.count)
    for (k, p) in points.enumerated() {
      let b = Self.bucket(p, minX: minX, minY: minY, size: size, columns: columns, rows: rows)
      bucketOf[k] = b
      counts[b + 1] += 1
    }
    for b in 0..<(columns * rows) { counts[b + 1] += counts[b] }
    var fill = counts
    var members = [Int](repeating: 0, count: points.count)
    for k in points.indices {
      members[fill[bucketOf[k]]] = k
      fill[bucketOf[k]] += 1
    }
    start = counts
    self.members = members
  }

  static func bucket(_ p: Point, minX: Double, minY: Double, size: Double, columns: Int, rows: Int) -> Int {
    let i = Swift.min(columns - 1, Swift.max(0, Int(((p.x - minX) / size).rounded(.down))))
    let j = Swift.min(rows - 1, Swift.max(0, Int(((p.y - minY) / size).rounded(.down))))
    return j * columns + i
  }

  /// Calls `body` with every point in the buckets within `rings` buckets of `p`'s.
  func visit(around p: Point, rings: Int, _ body: (Int) -> Void) {
    let b = Self.bucket(p, minX: minX, minY: minY, size: size, columns: columns, rows: rows)
    let bi = b % columns
    let bj = b / columns
    for j in Swift.max(0, bj - rings)...Swift.min(rows - 1, bj + rings) {
      for i in Swift.max(0, bi - rings)...Swift.min(columns - 1, bi + rings) {
        let cell = j * columns + i
        for k in start[cell]..<start[cell + 1] { body(members[k]) }
      }
    }
  }

  /// True when the square of `rings` around `p`'s bucket holds every bucket.
  func covers(around p: Point, rings: Int) -> Bool {
    let b = Self.bucket(p, minX: minX, minY: minY, size: size, columns: columns, rows: rows)
    let bi = b % columns
    let bj = b / columns
    return bi - rings <= 0 && bj - rings <= 0 && bi + rings >= columns - 1 && bj + rings >= rows - 1
  }
}
