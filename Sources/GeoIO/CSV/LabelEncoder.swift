import GeoCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Dictionary-encodes a column of labels (category, location, id) straight from field bytes: one
/// `String` per distinct value, a 4-byte code per row.
///
/// An open-addressing hash table (linear probing, load at most 1/2) keyed by the bytes themselves,
/// so a repeated value costs a byte hash and one comparison, and a value equal to the previous
/// row's costs only the comparison. Each slot holds the code and the high half of the hash, so
/// probing past other values touches nothing but the slot array. Invalid UTF-8 becomes U+FFFD
/// (`String(decoding:as:)`) and is filed under the repaired bytes.
///
/// A column of nearly unique values (incident ids) gains nothing from the table: once more than
/// 4,096 values are seen and they are more than half the rows, the encoder stops hashing and keeps
/// one `String` per row until `makeColumn()`.
///
/// The codes become a `CodedColumn` in `makeColumn()`, in order of first appearance, exactly as
/// appending each row's `String` would make it.
/// - Complexity: O(length) per row, amortised; O(distinct bytes + rows) memory.
struct LabelEncoder {
  /// The distinct values, in order of first appearance.
  private var values: [String] = []
  /// One code per row since the last `makeColumn()`.
  private var codes: [Int32] = []
  /// The bytes of every distinct value, back to back.
  private var bytes: [UInt8] = []
  /// Value `i` is `bytes[starts[i]..<starts[i + 1]]`.
  private var starts: [Int] = [0]
  private var hashes: [UInt64] = []
  /// Per slot, the high 32 bits of the hash and `code + 1` in the low 32 bits; 0 when empty.
  /// The count is a power of two.
  private var slots = [UInt64](repeating: 0, count: 16)
  private var lastCode: Int32 = -1
  /// One `String` per row once the values proved nearly unique (`nil` until then).
  private var rowValues: [String]?

  /// Distinct values seen before the encoder checks whether they are nearly unique.
  private static let uniquenessCheckValues = 4_096

  /// Appends one row's label. O(field length) amortised.
  @inline(__always)
  mutating func append(_ field: UnsafeBufferPointer<UInt8>) {
    if rowValues != nil {
      rowValues?.append(String(decoding: field, as: UTF8.self))
      return
    }
    if lastCode >= 0 && equals(lastCode, field) {
      codes.append(lastCode)
      return
    }
    let hash = LabelEncoder.hash(field)
    let mask = slots.count - 1
    let tag = hash & 0xFFFF_FFFF_0000_0000
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { break }
      if entry & 0xFFFF_FFFF_0000_0000 == tag {
        let code = Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
        if equals(code, field) {
          lastCode = code
          codes.append(code)
          return
        }
      }
      slot = (slot + 1) & mask
    }
    insert(field, hash: hash, slot: slot)
  }

  /// Appends the rows `rows` of `column` (labels already decoded, as another encoder made them),
  /// exactly as appending each row's text would: the codes come out the same.
  /// - Complexity: O(rows + distinct values of `column`) amortised.
  mutating func append(_ column: CodedColumn, rows: Range<Int>) {
    guard !rows.isEmpty else { return }
    /// The code in this encoder of each of `column`'s values, -1 until first met.
    var recode = [Int32](repeating: -1, count: column.values.count)
    column.codes.withUnsafeBufferPointer { codes in
      for row in rows {
        let code = Int(codes[row])
        if rowValues != nil {
          rowValues?.append(column.values[code])
          continue
        }
        let known = recode[code]
        if known >= 0 {
          lastCode = known
          self.codes.append(known)
          continue
        }
        var value = column.values[code]
        value.withUTF8 { append($0) }
        if rowValues == nil, let assigned = self.codes.last { recode[code] = assigned }
      }
    }
  }

  /// Files a value not seen before at `slot`, the empty slot its probe ended on.
  private mutating func insert(_ field: UnsafeBufferPointer<UInt8>, hash: UInt64, slot: Int) {
    var value = String(decoding: field, as: UTF8.self)
    let repaired = value.withUTF8 { decoded in
      guard decoded.count == field.count else { return true }
      guard let a = decoded.baseAddress, let b = field.baseAddress else { return false }
      return memcmp(a, b, decoded.count) != 0
    }
    if repaired {
      // Invalid UTF-8: file the value under its repaired bytes, so that two invalid spellings of
      // one text share a code and the values stay distinct.
      value.withUTF8 { append($0) }
      return
    }
    let code = Int32(values.count)
    values.append(value)
    bytes.append(contentsOf: field)
    starts.append(bytes.count)
    hashes.append(hash)
    slots[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(code + 1)
    lastCode = code
    codes.append(code)
    if values.count > LabelEncoder.uniquenessCheckValues && 2 * values.count > codes.count {
      rowValues = codes.map { values[Int($0)] }
      rowValues?.reserveCapacity(codes.capacity)
      clear()
    } else if 2 * values.count > slots.count {
      grow()
    }
  }

  /// The rows appended since the last call, as a `CodedColumn`; the encoder starts afresh.
  /// - Complexity: O(rows).
  mutating func makeColumn() -> CodedColumn {
    let column: CodedColumn
    if let rows = rowValues {
      var appended = CodedColumn()
      appended.reserveCapacity(rows.count)
      for value in rows { appended.append(value) }
      column = appended
      rowValues = nil
    } else {
      column = CodedColumn(values: values, codes: codes)
    }
    clear()
    return column
  }

  /// Forgets every value and code.
  private mutating func clear() {
    values.removeAll(keepingCapacity: true)
    codes.removeAll(keepingCapacity: true)
    bytes.removeAll(keepingCapacity: true)
    starts.removeAll(keepingCapacity: true)
    starts.append(0)
    hashes.removeAll(keepingCapacity: true)
    for slot in slots.indices { slots[slot] = 0 }
    lastCode = -1
  }

  @inline(__always)
  private func equals(_ code: Int32, _ field: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = starts[Int(code)]
    let count = starts[Int(code) + 1] - start
    guard count == field.count else { return false }
    guard count > 0, let other = field.baseAddress else { return true }
    return bytes.withUnsafeBufferPointer { stored in
      guard let base = stored.baseAddress else { return false }
      return LabelEncoder.sameBytes(base + start, other, count)
    }
  }

  /// Whether `a[0..<count]` equals `b[0..<count]`: two overlapping word loads for up to 16
  /// bytes (labels are short), `memcmp` beyond.
  @inline(__always)
  private static func sameBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int)
    -> Bool
  {
    let ra = UnsafeRawPointer(a)
    let rb = UnsafeRawPointer(b)
    if count >= 8 {
      guard count <= 16 else { return memcmp(a, b, count) == 0 }
      return ra.loadUnaligned(as: UInt64.self) == rb.loadUnaligned(as: UInt64.self)
        && ra.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
          == rb.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
    }
    if count >= 4 {
      return ra.loadUnaligned(as: UInt32.self) == rb.loadUnaligned(as: UInt32.self)
        && ra.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
          == rb.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
    }
    for i in 0..<count where a[i] != b[i] { return false }
    return true
  }

  private mutating func grow() {
    var larger = [UInt64](repeating: 0, count: slots.count * 2)
    let mask = larger.count - 1
    for code in 0..<values.count {
      let hash = hashes[code]
      var slot = Int(truncatingIfNeeded: hash) & mask
      while larger[slot] != 0 { slot = (slot + 1) & mask }
      larger[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(code + 1)
    }
    slots = larger
  }

  /// A 64-bit hash of `field` (its bytes and length): 8 bytes at a time, multiply and fold (in the
  /// manner of wyhash's mixing), the last word loaded overlapping the one before (so a label of up
  /// to 16 bytes costs two loads), good enough to spread labels over a power-of-two table.
  @inline(__always)
  private static func hash(_ field: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
    let count = field.count
    var h = UInt64(truncatingIfNeeded: count) &* multiplier
    guard let base = field.baseAddress else { return h }
    let raw = UnsafeRawPointer(base)
    if count >= 8 {
      var i = 0
      while i + 8 < count {
        h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* multiplier
        h ^= h >> 29
        i += 8
      }
      h = (h ^ raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) &* multiplier
      h ^= h >> 29
    } else if count >= 4 {
      let first = UInt64(raw.loadUnaligned(as: UInt32.self))
      let last = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
      h = (h ^ (first | last << 32)) &* multiplier
      h ^= h >> 29
    } else {
      var word: UInt64 = 0
      for i in 0..<count { word |= UInt64(base[i]) << (8 * UInt64(i)) }
      h = (h ^ word) &* multiplier
      h ^= h >> 29
    }
    h = (h ^ (h >> 32)) &* multiplier
    return h ^ (h >> 29)
  }
}
