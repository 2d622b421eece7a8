import Foundation
import GeoCore
import SpatialAnalysis

/// Emerging Hot Spot Analysis on a 200 × 200 grid of 250 m cells (40,000 locations) over 24 monthly
/// steps, queen cell neighbours (8 around each interior cell) and one time lag, as sfdep's
/// `emerging_hotspot_analysis(k = 1)`. Counts come from a fixed SplitMix64 stream: a low background
/// and a patch that grows busier month by month.
enum EmergingHotSpotBenchmarks {
  static let columns = 200, rows = 200, steps = 24

  static var all: [Benchmark] {
    [
      Benchmark(
        name: "Space-time Gi* on 40,000 cells × 24 months, queen neighbours, 1 lag", runs: 5,
        prepare: {
          let (cube, weights) = cubeAndWeights()
          return Benchmark.Work(units: Double(cube.values.count), unitName: "bins") {
            let result = SpaceTimeGetisOrdGiStar.compute(cube: cube, weights: weights, timeLags: 1)
            guard result.z.allSatisfy(\.isFinite), result.z[hotCell * steps + steps - 1] > 3 else {
              throw BenchmarkCheckFailed(description: "unexpected space-time Gi* z")
            }
          }
        }),
      Benchmark(
        name: "Emerging hot spots, 40,000 cells × 24 months: Gi*, Mann–Kendall, classes", runs: 5,
        prepare: {
          let (cube, weights) = cubeAndWeights()
          return Benchmark.Work(units: Double(cube.locationCount), unitName: "locations") {
            let gi = SpaceTimeGetisOrdGiStar.compute(cube: cube, weights: weights, timeLags: 1)
            let categories = EmergingHotSpot.classify(gi, threshold: 0.01)
            guard categories[hotCell].category.sign == 1 else {
              throw BenchmarkCheckFailed(description: "the growing patch is \(categories[hotCell].category)")
            }
          }
        }),
      Benchmark(
        name: "Space-time Gi* with 99 within-step permutations, 40,000 cells × 24 months", runs: 1,
        prepare: {
          let (cube, weights) = cubeAndWeights()
          return Benchmark.Work(units: Double(cube.values.count), unitName: "bins") {
            let result = SpaceTimeGetisOrdGiStar.compute(
              cube: cube, weights: weights, timeLags: 1, permutations: 99, seed: 1)
            guard let pSim = result.pSim, pSim[hotCell * steps + steps - 1] == 0.01 else {
              throw BenchmarkCheckFailed(description: "unexpected pseudo p")
            }
          }
        }),
    ]
  }

  /// The centre of the growing patch.
  static var hotCell: Int { (rows / 2) * columns + columns / 2 }

  static func cubeAndWeights() -> (SpaceTimeCube, SpatialWeights) {
    let grid = SquareGrid(minX: 0, minY: 0, cellSize: 250, columns: columns, rows: rows)
    let weights = SpatialWeights.gridBand(grid: grid, cells: Array(0..<grid.cellCount))
    var rng = SplitMix64(seed: 2024)
    var values = [Double](repeating: 0, count: grid.cellCount * steps)
    for cell in 0..<grid.cellCount {
      let i = cell % columns - columns / 2
      let j = cell / columns - rows / 2
      let inPatch = i * i + j * j <= 25
      for t in 0..<steps {
        var count = Double(rng.next(upperBound: UInt64(3)))
        if inPatch { count += Double(t) / 2 + Double(rng.next(upperBound: UInt64(3))) }
        values[cell * steps + t] = count
      }
    }
    let labels = (0..<steps).map { String(format: "%04d-%02d", 2023 + $0 / 12, $0 % 12 + 1) }
    return (SpaceTimeCube(stepLabels: labels, values: values), weights)
  }
}
