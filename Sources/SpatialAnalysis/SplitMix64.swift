/// A small, fast, seedable random number generator (Steele, Lea & Flood 2014, "Fast splittable
/// pseudorandom number generators"), so that `--seed` makes permutation tests and resampling
/// repeatable on every machine. Not for cryptography.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// A generator whose stream is fixed by `seed` (any value, 0 included).
  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits of the stream: the state advances by the golden-ratio increment and is
  /// mixed by SplitMix64's finaliser.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
