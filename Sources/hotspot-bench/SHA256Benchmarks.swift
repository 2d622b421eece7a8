import Foundation
import GeoIO

/// SHA-256 throughput in bytes/s, for the input digests in provenance files: each implementation
/// over a buffer in memory, and over a file through `SHA256.hex(file:)` (reads included).
enum SHA256Benchmarks {
  /// 256 MiB of zero bytes, whose digest `sha256sum` gives as below.
  static let zeroCount = 256 << 20
  static let zeroDigest = "a6d72ac7690f53be6ae46ba88506bd97302a093f7108472bd9efc3cefda06484"

  static var all: [Benchmark] {
    SHA256.Implementation.allCases.map(inMemory) + SHA256.Implementation.allCases.map(file)
  }

  static func inMemory(_ implementation: SHA256.Implementation) -> Benchmark {
    Benchmark(
      name: "SHA-256 of 256 MiB in memory (\(implementation))", runs: 5,
      prepare: {
        guard implementation.isAvailable else { throw BenchmarkSkipped(description: "not on this CPU") }
        let zeros = [UInt8](repeating: 0, count: zeroCount)
        return Benchmark.Work(units: Double(zeroCount), unitName: "B") {
          let digest = SHA256.hex(zeros, implementation: implementation)
          guard digest == zeroDigest else { throw BenchmarkCheckFailed(description: "digest \(digest)") }
        }
      })
  }

  /// The 1,000,000-row incident file of the reader benchmarks (about 64 MB), its digest checked
  /// against the portable code's over the bytes in memory.
  static func file(_ implementation: SHA256.Implementation) -> Benchmark {
    Benchmark(
      name: "SHA-256 of a 1,000,000-row CSV file, read in 1 MiB blocks (\(implementation))", runs: 5,
      prepare: {
        guard implementation.isAvailable else { throw BenchmarkSkipped(description: "not on this CPU") }
        let path = try IncidentReaderBenchmarks.plainFile()
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let expected = SHA256.hex(bytes, implementation: .portable)
        return Benchmark.Work(units: Double(bytes.count), unitName: "B") {
          let digest = try SHA256.hex(file: path, implementation: implementation)
          guard digest == expected else { throw BenchmarkCheckFailed(description: "digest \(digest)") }
        }
      })
  }
}
