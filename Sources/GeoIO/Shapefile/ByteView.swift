/// The bytes of one binary file, read by offset with the byte order the format says.
///
/// Every length and offset a Shapefile or dBASE file gives is checked with `contains` before it
/// is read: the check compares against the bytes remaining, so an offset or length near
/// `Int.max` cannot overflow, and a damaged file is reported instead of read past its end.
///
/// ## Properties
/// - `contains(offset, length)` is false for negative values and for any range that ends past
///   `count`; it never overflows.
/// - The readers assume `contains` was checked; reading outside the bytes is a bug, and traps.
/// - Complexity: O(1) per value.
struct ByteView {
  let bytes: [UInt8]

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  var count: Int { bytes.count }

  /// True when the `length` bytes from `offset` lie inside the file.
  func contains(_ offset: Int, _ length: Int) -> Bool {
    offset >= 0 && length >= 0 && offset <= bytes.count && length <= bytes.count - offset
  }

  /// The bytes remaining from `offset` (0 when it is past the end).
  func remaining(from offset: Int) -> Int {
    offset >= 0 && offset <= bytes.count ? bytes.count - offset : 0
  }

  /// A 32-bit signed integer, most significant byte first (the Shapefile "big endian" fields).
  func int32BigEndian(at offset: Int) -> Int {
    let value =
      UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16
      | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    return Int(Int32(bitPattern: value))
  }

  /// A 32-bit signed integer, least significant byte first.
  func int32LittleEndian(at offset: Int) -> Int {
    Int(Int32(bitPattern: uint32LittleEndian(at: offset)))
  }

  /// A 32-bit unsigned integer, least significant byte first (dBASE record count).
  func uint32LittleEndian(at offset: Int) -> UInt32 {
    UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
      | UInt32(bytes[offset + 3]) << 24
  }

  /// A 16-bit unsigned integer, least significant byte first (dBASE header and record lengths).
  func uint16LittleEndian(at offset: Int) -> Int {
    Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
  }

  /// An IEEE 754 double, least significant byte first.
  func doubleLittleEndian(at offset: Int) -> Double {
    precondition(contains(offset, 8))
    let bits = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
    return Double(bitPattern: UInt64(littleEndian: bits))
  }
}
