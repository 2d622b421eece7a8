import GeoCore
import SpatialAnalysis

/// Projection throughput: WGS84 lon/lat to British National Grid in bulk.
enum ProjectionBenchmarks {
  static let count = 1_000_000

  static var all: [Benchmark] {
    [
      Benchmark(
        name: "project 1,000,000 points WGS84 → British National Grid", runs: 5,
        prepare: {
          var rng = SplitMix64(seed: 11)
          let lon = (0..<count).map { _ in -2.3 + Double(rng.next() % 1_000_000) / 1e6 }
          let lat = (0..<count).map { _ in 54.4 + Double(rng.next() % 500_000) / 1e6 }
          guard let transform = CoordinateTransform(from: .wgs84, to: .britishNationalGrid) else {
            throw BenchmarkCheckFailed(description: "no transform")
          }
          return Benchmark.Work(units: Double(count), unitName: "points") {
            var x = lon
            var y = lat
            transform.apply(x: &x, y: &y)
            guard x.allSatisfy({ $0 > 370_000 && $0 < 450_000 }) else {
              throw BenchmarkCheckFailed(description: "eastings out of range")
            }
          }
        })
    ]
  }
}
