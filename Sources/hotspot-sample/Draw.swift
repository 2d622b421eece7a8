import SpatialAnalysis

/// The generator's random draws, from a seeded `SplitMix64`.
///
/// The draws are written out here rather than taken from `Double.random(in:using:)`,
/// `Int.random(in:using:)` or `shuffle(using:)`, whose algorithms the standard library may change
/// between releases: the sample must come out byte for byte the same on every toolchain. Only
/// integer operations and IEEE `+ − × ÷` and `√` are used, which are exact or correctly rounded
/// everywhere.
///
/// Each part of the county draws from its own stream, so that changing one part leaves the
/// others as they were.
struct Draw {
  private var generator: SplitMix64

  /// The stream numbered `stream` of the sample's seed.
  init(stream: UInt64) {
    generator = SplitMix64(seed: SampleCounty.seed ^ (stream &* 0x9E37_79B9_7F4A_7C15))
  }

  /// 64 random bits.
  mutating func word() -> UInt64 { generator.next() }

  /// Uniform in [0, 1), from 53 random bits.
  mutating func uniform() -> Double { Double(generator.next() >> 11) * 0x1p-53 }

  /// Uniform in [−1, 1).
  mutating func signed() -> Double { uniform() * 2 - 1 }

  /// Uniform in `0..<n`: the high word of a 64 × 64-bit product (bias below n / 2⁶⁴).
  mutating func below(_ n: Int) -> Int {
    precondition(n > 0, "below(0)")
    return Int(generator.next().multipliedFullWidth(by: UInt64(n)).high)
  }

  /// Uniform in `range`.
  mutating func integer(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + below(range.count)
  }

  /// True with probability `p`.
  mutating func chance(_ p: Double) -> Bool { uniform() < p }

  /// About standard normal: the sum of 12 uniforms minus 6 (Irwin–Hall), without `exp` or `log`.
  mutating func normal() -> Double {
    var sum = 0.0
    for _ in 0..<12 { sum += uniform() }
    return sum - 6
  }

  /// A count with mean `mean` and about the spread of a Poisson count: round(mean + √mean · z),
  /// never below 0.
  mutating func count(mean: Double) -> Int {
    guard mean > 0 else { return 0 }
    return max(0, Int((mean + mean.squareRoot() * normal()).rounded()))
  }

  /// An element of `items`, uniformly.
  mutating func element<T>(of items: [T]) -> T { items[below(items.count)] }

  /// 64 lower-case hexadecimal digits, like a police.uk Crime ID.
  mutating func hex64() -> String {
    let digits = Array("0123456789abcdef".utf8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(64)
    for _ in 0..<4 {
      let value = generator.next()
      for shift in stride(from: 60, through: 0, by: -4) {
        bytes.append(digits[Int((value >> UInt64(shift)) & 0xF)])
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `items` in a random order (Fisher–Yates).
  mutating func shuffled<T>(_ items: [T]) -> [T] {
    var result = items
    var i = result.count - 1
    while i > 0 {
      result.swapAt(i, below(i + 1))
      i -= 1
    }
    return result
  }
}

/// Draws indices with probability proportional to integer weights, by binary search in their
/// running sums.
struct WeightedChoice {
  private let cumulative: [Int]

  /// - Precondition: no weight is negative and at least one is positive.
  init(weights: [Int]) {
    var sum = 0
    cumulative = weights.map { weight in
      precondition(weight >= 0, "negative weight")
      sum += weight
      return sum
    }
    precondition(sum > 0, "no positive weight")
  }

  /// An index `i` with probability `weights[i] / Σ weights`.
  func pick(_ draw: inout Draw) -> Int {
    let target = draw.below(cumulative[cumulative.count - 1])
    var low = 0
    var high = cumulative.count - 1
    while low < high {
      let middle = (low + high) / 2
      if cumulative[middle] > target { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
