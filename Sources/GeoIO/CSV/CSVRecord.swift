/// One record of a CSV file: its fields as byte ranges, without a `String` per field.
///
/// A record is a view, not a copy: its bytes stay valid only until the scanner that made it scans
/// again (or its buffer is refilled). Quoted fields come without their quotes and with doubled
/// quotes undone.
struct CSVRecord {
  /// The 1-based physical line the record starts on (relative to the line the scan began on when
  /// the scanner was given a relative line).
  let line: Int
  /// The number of fields (at least 1).
  let count: Int
  /// The byte offset of the record's first byte in the file.
  let fileOffset: Int
  private let base: UnsafePointer<UInt8>
  /// `2·count` offsets from `base`: start and end of each field.
  private let bounds: UnsafePointer<Int32>

  init(
    line: Int, count: Int, fileOffset: Int, base: UnsafePointer<UInt8>,
    bounds: UnsafePointer<Int32>
  ) {
    self.line = line
    self.count = count
    self.fileOffset = fileOffset
    self.base = base
    self.bounds = bounds
  }

  /// The bytes of field `index`; empty when the record has no such field. O(1).
  @inline(__always)
  subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
    guard index < count else { return UnsafeBufferPointer(start: base, count: 0) }
    let start = Int(bounds[2 * index])
    return UnsafeBufferPointer(start: base + start, count: Int(bounds[2 * index + 1]) - start)
  }

  /// The byte offset in the file where field `index` starts (after its opening quote).
  func fileOffset(ofField index: Int) -> Int {
    index < count ? fileOffset + Int(bounds[2 * index]) : fileOffset
  }

  /// Field `index` as text, with U+FFFD in place of invalid UTF-8. O(field length).
  func string(_ index: Int) -> String { String(decoding: self[index], as: UTF8.self) }
}
