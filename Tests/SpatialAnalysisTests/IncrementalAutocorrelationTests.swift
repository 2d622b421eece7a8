import Foundation
import GeoCore
import SpatialAnalysis
import TestSupport
import Testing

@Suite("Incremental spatial autocorrelation (automatic band)")
struct IncrementalAutocorrelationTests {
  /// A 40 × 40 grid of 100 m cells: blocks of `block` × `block` cells alternately busy
  /// (about 8 incidents) and quiet (about 1), with seeded noise.
  static func blocks(block: Int, seed: UInt64) -> (SquareGrid, [Double]) {
    let grid = SquareGrid(minX: 0, minY: 0, cellSize: 100, columns: 40, rows: 40)
    var rng = SplitMix64(seed: seed)
    let values = (0..<grid.cellCount).map { cell -> Double in
      let i = cell % 40
      let j = cell / 40
      let busy = (i / block + j / block) % 2 == 0
      return Double((busy ? 6 : 0) + Int.random(in: 0...3, using: &rng))
    }
    return (grid, values)
  }

  static func choose(_ grid: SquareGrid, _ values: [Double]) -> IncrementalAutocorrelation.Choice? {
    let cells = Array(0..<grid.cellCount)
    return IncrementalAutocorrelation.choose(
      centres: cells.map { grid.centre(of: $0) }, values: values, extentLargestSide: 4000,
      start: grid.cellSize, increment: grid.cellSize,
      weightsAt: { band in SpatialWeights.gridBand(grid: grid, cells: cells, limit: band) })
  }

  @Test("on blocks of 600 m the first peak lies at 200–400 m; on blocks of 1 km it lies further out", arguments: 0..<4)
  func clusteredField(seed: UInt64) throws {
    let (grid, values) = Self.blocks(block: 6, seed: seed)
    let choice = try #require(Self.choose(grid, values))
    #expect(choice.rule == .firstPeak)
    #expect(choice.band >= 200 && choice.band <= 400, "\(choice.steps.map { ($0.band, $0.z) })")
    #expect(choice.steps.map(\.band) == stride(from: 100.0, through: 1000, by: 100).map { $0 })
    #expect(choice.firstPeak == choice.band)
    #expect(!choice.floored)
    let (wide, wideValues) = Self.blocks(block: 10, seed: seed)
    let wideChoice = try #require(Self.choose(wide, wideValues))
    #expect(wideChoice.rule == .firstPeak)
    #expect(wideChoice.band > choice.band && wideChoice.band <= 700, "\(wideChoice.steps.map { ($0.band, $0.z) })")
  }

  @Test("on noise no band peaks significantly: the mean distance to the 30th neighbour, checked by brute force")
  func fallback() throws {
    let grid = SquareGrid(minX: 0, minY: 0, cellSize: 100, columns: 40, rows: 40)
    var rng = SplitMix64(seed: 7)
    let values = (0..<grid.cellCount).map { _ in Double(Int.random(in: 0...3, using: &rng)) }
    let choice = try #require(Self.choose(grid, values))
    #expect(choice.rule == .nearestNeighbourFallback, "\(choice.steps.map { ($0.band, $0.z) })")
    // k = 5 % of 1,600 = 80, clamped to 30.
    #expect(choice.k == 30)
    let centres = (0..<grid.cellCount).map { grid.centre(of: $0) }
    var total = 0.0
    for p in centres {
      let distances = centres.map { hypot($0.x - p.x, $0.y - p.y) }.sorted()
      total += distances[30]  // distances[0] is the cell itself
    }
    #expect(isClose(choice.band, total / Double(centres.count), tolerance: 1e-9))
  }

  @Test("the floor is 0.1 % of the extent's largest side; fewer than 30 features give no choice")
  func floorAndMinimum() throws {
    let (grid, values) = Self.blocks(block: 6, seed: 1)
    let cells = Array(0..<grid.cellCount)
    let floored = try #require(
      IncrementalAutocorrelation.choose(
        centres: cells.map { grid.centre(of: $0) }, values: values, extentLargestSide: 1_000_000,
        weightsAt: { band in SpatialWeights.gridBand(grid: grid, cells: cells, limit: band) }))
    #expect(floored.band == 1000)
    #expect(floored.floored)
    // Without a start and increment, the defaults for a lattice are the cell size.
    #expect(floored.steps.first?.band == 100)
    #expect(floored.steps.last?.band == 1000)
    let few = (0..<29).map { Point(x: Double($0) * 10, y: 0) }
    #expect(IncrementalAutocorrelation.choose(centres: few, values: few.map(\.x), extentLargestSide: 290) == nil)
  }
}
