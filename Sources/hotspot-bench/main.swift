import Foundation

// `swift run -c release hotspot-bench [filter...]`: runs the benchmarks whose names contain any
// filter word (all when none), each several times on data generated under /tmp/hotspot-bench,
// and prints the median time and throughput. Every benchmark checks its own result.

let filters = CommandLine.arguments.dropFirst().map { $0.lowercased() }
let benchmarks: [Benchmark] =
  GeoJSONReaderBenchmarks.all + IncidentReaderBenchmarks.all
  + ProjectionBenchmarks.all + BinPointsBenchmarks.all + KernelDensityBenchmarks.all
  + GetisOrdGiStarBenchmarks.all + EmergingHotSpotBenchmarks.all + EmergingPipelineBenchmarks.all
  + SHA256Benchmarks.all
let selected = benchmarks.filter { benchmark in
  filters.isEmpty || filters.contains { benchmark.name.lowercased().contains($0) }
}
if selected.isEmpty {
  print("No benchmark matches \(filters.joined(separator: " ")). Names:")
  for benchmark in benchmarks { print("  " + benchmark.name) }
  exit(64)
}
print(BenchmarkResult.header)
for benchmark in selected {
  do {
    print(try benchmark.measure().row)
  } catch let skipped as BenchmarkSkipped {
    print("\(benchmark.name): skipped: \(skipped)")
  } catch {
    print("\(benchmark.name): failed: \(error)")
    exit(1)
  }
}
