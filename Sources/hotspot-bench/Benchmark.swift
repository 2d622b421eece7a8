import Foundation

/// One named piece of work, timed over several runs after a warm-up.
struct Benchmark {
  /// A sentence with the size, e.g. "read 1,000,000 CSV rows (police.uk-like)".
  var name: String
  var runs: Int = 5
  /// Makes the inputs (outside the timing) and returns the work to time.
  var prepare: () throws -> Work

  struct Work {
    /// What one run processes, for the throughput column.
    var units: Double
    var unitName: String
    /// Does the work once and throws if the result is wrong.
    var run: () throws -> Void
  }

  func measure() throws -> BenchmarkResult {
    let work = try prepare()
    try work.run()  // warm-up, and the first check of the result
    var seconds: [Double] = []
    for _ in 0..<runs {
      let start = DispatchTime.now().uptimeNanoseconds
      try work.run()
      seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    seconds.sort()
    return BenchmarkResult(
      name: name, median: seconds[seconds.count / 2], best: seconds[0], units: work.units,
      unitName: work.unitName, peakMemoryMB: peakResidentMemoryMB())
  }
}

struct BenchmarkResult {
  var name: String
  var median: Double
  var best: Double
  var units: Double
  var unitName: String
  /// The process's peak resident memory so far (`getrusage` max RSS): it covers every benchmark run
  /// before this one in the same process, so run a benchmark alone to read its own peak.
  var peakMemoryMB: Double

  static let header =
    "benchmark".padding(toLength: 76, withPad: " ", startingAt: 0)
    + "    median      best  peak RSS   throughput"

  var row: String {
    let rate = units / median
    let rateText: String
    if rate >= 1e6 {
      rateText = String(format: "%.2f M%@/s", rate / 1e6, unitName)
    } else {
      rateText = String(format: "%.1f %@/s", rate, unitName)
    }
    return name.padding(toLength: 76, withPad: " ", startingAt: 0)
      + String(format: "%9.4fs %9.4fs %6.0f MB   ", median, best, peakMemoryMB) + rateText
  }
}

/// Thrown by a benchmark whose result is not what it should be.
struct BenchmarkCheckFailed: Error, CustomStringConvertible {
  var description: String
}

/// Thrown by `prepare` when an input the benchmark needs is absent: the benchmark is reported as
/// skipped, with the reason, and the others still run.
struct BenchmarkSkipped: Error, CustomStringConvertible {
  var description: String
}

/// The peak resident set size of this process so far, in MB (`ru_maxrss`: kilobytes on Linux,
/// bytes on macOS).
func peakResidentMemoryMB() -> Double {
  var usage = rusage()
  #if canImport(Darwin)
    guard getrusage(RUSAGE_SELF, &usage) == 0 else { return .nan }
    return Double(usage.ru_maxrss) / 1_048_576
  #else
    guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return .nan }
    return Double(usage.ru_maxrss) / 1024
  #endif
}

/// The folder for generated benchmark inputs.
let benchmarkFolder: String = {
  let path = NSTemporaryDirectory() + "hotspot-bench"
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}()
