import Foundation
import GeoCore
import GeoIO
import SpatialAnalysis

/// Gi* and Moran's I on the peers' fishnet: 1,000,000 incidents binned into 250 m cells over the
/// conformance wards' extent snapped outward to 250 m, a 750 m band (28 neighbours inside), as
/// `gistar_esda.py` and `moran_esda.py` build it.
enum GetisOrdGiStarBenchmarks {
  static var all: [Benchmark] {
    [
      Benchmark(
        name: "Gi* on a 250 m grid of 1,000,000 generated incidents with a 750 m band", runs: 3,
        prepare: {
          let (grid, counts) = try fishnet()
          return Benchmark.Work(units: Double(counts.count), unitName: "cells") {
            let cells = Array(0..<grid.cellCount)
            let weights = SpatialWeights.gridBand(grid: grid, cells: cells, limit: 750)
            let result = GetisOrdGiStar.compute(values: counts, weights: weights)
            // Interior cells have 28 neighbours; the z-scores of binary Gi* sum to about 0.
            guard weights.cardinalityHistogram.last?.neighbours == 28, result.z.allSatisfy(\.isFinite) else {
              throw BenchmarkCheckFailed(description: "unexpected weights or z")
            }
          }
        }),
      Benchmark(
        name: "Moran's I on a 250 m grid of 1,000,000 generated incidents with a 750 m band", runs: 3,
        prepare: {
          let (grid, counts) = try fishnet()
          return Benchmark.Work(units: Double(counts.count), unitName: "cells") {
            let cells = Array(0..<grid.cellCount)
            let weights = SpatialWeights.gridBand(grid: grid, cells: cells, limit: 750).transformed(.row)
            let m = MoransI.compute(values: counts, weights: weights)
            guard m.i > 0, m.i < 1, m.zRandom.isFinite else {
              throw BenchmarkCheckFailed(description: "Moran's I \(m.i)")
            }
          }
        }),
    ]
  }

  /// The fishnet counts: every cell of the wards' extent snapped outward to 250 m.
  static func fishnet() throws -> (SquareGrid, [Double]) {
    let (x, y) = try KernelDensityBenchmarks.points()
    let grid = SquareGrid(snapping: try KernelDensityBenchmarks.countyExtent(), cellSize: 250)
    var counts = [Double](repeating: 0, count: grid.cellCount)
    for k in x.indices {
      if let cell = grid.cell(of: Point(x: x[k], y: y[k])) { counts[cell] += 1 }
    }
    return (grid, counts)
  }
}
