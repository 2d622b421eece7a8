internal import CSHA256
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// SHA-256 (FIPS 180-4), for the input checksums written into provenance files.
///
/// Written here because the project takes no dependencies and Foundation on Linux has no hashing.
/// Streams: feed bytes in any pieces with `update`, then `finalize` once. The compression function
/// is C (the `CSHA256` target): the CPU's SHA instructions where it has them, else portable C.
public struct SHA256: Sendable {
  /// Which compression code a hasher runs. Every implementation gives the same digests.
  public enum Implementation: String, Sendable, CaseIterable {
    /// Portable C, on every machine (about 240 MB/s on one core of the machine the project is
    /// built on).
    case portable
    /// The x86-64 SHA extensions (SHA-NI) (about 1.4 GB/s on the same core); only where
    /// `isAvailable`.
    case accelerated

    /// Whether this process's CPU can run this implementation.
    public var isAvailable: Bool {
      switch self {
      case .portable: true
      case .accelerated: csha256_accelerated_available() != 0
      }
    }

    /// The fastest implementation this CPU can run: what `SHA256()` uses.
    public static let fastest: Implementation = Implementation.accelerated.isAvailable ? .accelerated : .portable

    fileprivate var c: csha256_implementation {
      switch self {
      case .portable: CSHA256_PORTABLE
      case .accelerated: CSHA256_ACCELERATED
      }
    }
  }

  /// The implementation this hasher runs: the one asked for, or `.portable` when that one is not
  /// available on this CPU.
  public let implementation: Implementation
  private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
  )
  private var pending: [UInt8] = []
  private var length: UInt64 = 0

  /// A hasher of the empty message that compresses with `implementation` (`.portable` when that
  /// is not available here).
  public init(implementation: Implementation = .fastest) {
    self.implementation = implementation.isAvailable ? implementation : .portable
  }

  /// Adds bytes to the message.
  public mutating func update(_ bytes: UnsafeRawBufferPointer) {
    length &+= UInt64(bytes.count)
    var offset = 0
    if !pending.isEmpty {
      let take = min(64 - pending.count, bytes.count)
      pending += bytes[0..<take]
      offset = take
      if pending.count == 64 {
        pending.withUnsafeBytes { block in
          if let base = block.baseAddress { compress(base, blocks: 1) }
        }
        pending.removeAll(keepingCapacity: true)
      }
    }
    let whole = (bytes.count - offset) / 64
    if whole > 0, let base = bytes.baseAddress {
      compress(base + offset, blocks: whole)
      offset += 64 * whole
    }
    if offset < bytes.count { pending += bytes[offset...] }
  }

  /// Adds bytes to the message.
  public mutating func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }

  /// The digest as 64 lower-case hexadecimal characters.
  public mutating func finalize() -> String {
    let bitLength = length &* 8
    var tail: [UInt8] = [0x80]
    while (pending.count + tail.count) % 64 != 56 { tail.append(0) }
    for shift in stride(from: 56, through: 0, by: -8) {
      tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
    }
    let savedLength = length
    tail.withUnsafeBytes { update($0) }
    length = savedLength
    let digits = Array("0123456789abcdef")
    var hex = ""
    let words = [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7]
    for word in words {
      for shift in stride(from: 28, through: 0, by: -4) { hex.append(digits[Int((word >> UInt32(shift)) & 0xf)]) }
    }
    return hex
  }

  /// The digest of one byte string, computed with `implementation`.
  public static func hex(_ bytes: [UInt8], implementation: Implementation = .fastest) -> String {
    var hasher = SHA256(implementation: implementation)
    hasher.update(bytes)
    return hasher.finalize()
  }

  /// Runs the compression function over `blocks` consecutive 64-byte blocks at `base`.
  private mutating func compress(_ base: UnsafeRawPointer, blocks: Int) {
    let implementation = implementation.c
    withUnsafeMutableBytes(of: &state) { words in
      words.withMemoryRebound(to: UInt32.self) { words in
        guard let state = words.baseAddress else { return }
        csha256_compress(state, base, blocks, implementation)
      }
    }
  }
}

extension SHA256 {
  /// The SHA-256 of a file's bytes, read with `read(2)` in 1 MiB blocks into one buffer, computed
  /// with `implementation`.
  /// - Throws: `InputError`: `.fileNotFound`, `.isDirectory`, or `.notReadable` when the file
  ///   cannot be opened or read.
  public static func hex(file path: String, implementation: Implementation = .fastest) throws(InputError) -> String {
    let descriptor = try CSVScanner.open(path)
    defer { close(descriptor) }
    let capacity = 1 << 20
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 64)
    defer { buffer.deallocate() }
    var hasher = SHA256(implementation: implementation)
    while true {
      let count = read(descriptor, buffer.baseAddress, capacity)
      if count == 0 { break }
      guard count > 0 else {
        let code = errno
        if code == EINTR { continue }
        throw InputError(file: path, reason: .notReadable(CSVScanner.message(code)))
      }
      hasher.update(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
    }
    return hasher.finalize()
  }
}
