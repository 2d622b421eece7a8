import GeoCore
import SpatialAnalysis
import Testing

/// Results must not depend on the number of threads (STYLE.md 10). There is no thread-count knob
/// (`Parallel.forEachRange` uses every active processor), so these tests compare a parallel run
/// with one the same API does sequentially (chunks below the parallel threshold), and repeated
/// parallel runs with each other, bit for bit.
@Suite("Same results whatever the threads")
struct ThreadIndependenceTests {
  /// A 6 × 6 partition of 100 m squares, and random points over and around it.
  static func layer() -> [Geometry?] {
    var areas: [Geometry?] = []
    for j in 0..<6 {
      for i in 0..<6 {
        let x = Double(i) * 100
        let y = Double(j) * 100
        let ring = Ring(uncheckedClosed: [
          Point(x: x, y: y), Point(x: x + 100, y: y), Point(x: x + 100, y: y + 100),
          Point(x: x, y: y + 100), Point(x: x, y: y),
        ])
        areas.append(.polygon(Polygon(exterior: ring)))
      }
    }
    return areas
  }

  static func points(count: Int, seed: UInt64) -> IncidentTable {
    var rng = SplitMix64(seed: seed)
    var table = IncidentTable(crs: .planar)
    for _ in 0..<count {
      // Whole metres, so many points fall on shared edges and vertices.
      table.x.append(Double(Int.random(in: -30...630, using: &rng)))
      table.y.append(Double(Int.random(in: -30...630, using: &rng)))
    }
    return table
  }

  @Test("AreaTally: one parallel chunk of 60,000 points equals chunks of 4,000 counted sequentially")
  func tallyChunking() {
    let areas = Self.layer()
    let index = PolygonIndex(areas: areas)
    let nearest = NearestBoundary(areas: areas, radius: 25)
    let table = Self.points(count: 60_000, seed: 7)
    var whole = AreaTally(areaCount: areas.count, snapDistance: 10)
    whole.add(table, index: index, nearest: nearest)
    var pieces = AreaTally(areaCount: areas.count, snapDistance: 10)
    for start in stride(from: 0, to: table.count, by: 4_000) {
      var chunk = IncidentTable(crs: .planar)
      chunk.x = Array(table.x[start..<min(start + 4_000, table.count)])
      chunk.y = Array(table.y[start..<min(start + 4_000, table.count)])
      pieces.add(chunk, index: index, nearest: nearest)
    }
    #expect(whole.counts == pieces.counts)
    #expect(whole.outside == pieces.outside)
    #expect(whole.snapped == pieces.snapped)
    #expect(whole.nearBoundary == pieces.nearBoundary)
    #expect(whole.counts.reduce(0, +) + whole.outside == table.count)
  }

  @Test("KernelDensity: repeated parallel evaluations are identical bit for bit")
  func densityRepeats() {
    let table = Self.points(count: 5_000, seed: 11)
    let grid = SquareGrid(minX: -50, minY: -50, cellSize: 10, columns: 72, rows: 72)
    let first = KernelDensity.evaluate(x: table.x, y: table.y, grid: grid, kernel: .quartic, bandwidth: 60)
    for _ in 0..<3 {
      let again = KernelDensity.evaluate(x: table.x, y: table.y, grid: grid, kernel: .quartic, bandwidth: 60)
      #expect(again.map(\.bitPattern) == first.map(\.bitPattern))
    }
  }

  @Test(
    "CoordinateTransform: a batch transformed in parallel equals one point at a time (over the 100,000-point parallel threshold)"
  )
  func transformBatch() throws {
    let transform = try #require(CoordinateTransform(from: .wgs84, to: .britishNationalGrid))
    var rng = SplitMix64(seed: 3)
    var x = (0..<150_000).map { _ in Double.random(in: -5...1.5, using: &rng) }
    var y = (0..<150_000).map { _ in Double.random(in: 50...58, using: &rng) }
    let single = zip(x, y).map { transform.apply(Point(x: $0, y: $1)) }
    transform.apply(x: &x, y: &y)
    #expect(x.map(\.bitPattern) == single.map(\.x.bitPattern))
    #expect(y.map(\.bitPattern) == single.map(\.y.bitPattern))
  }
}
