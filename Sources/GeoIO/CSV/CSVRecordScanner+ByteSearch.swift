/// Eight bytes at a time: the word tricks the scanner finds delimiters with.
extension CSVRecordScanner {
  /// 0x80 in each byte of `word` equal to `byte`, 0 elsewhere (exact: no borrow between bytes).
  @inline(__always)
  static func bytes(of word: UInt64, equalTo byte: UInt8) -> UInt64 {
    let x = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    return ~(((x & low7) &+ low7) | x | low7)
  }

  /// 0x80 in each byte of `word` below `limit` (at most 0x80), 0 elsewhere (exact: the sum
  /// `(b & 0x7F) + 0x80 − limit` never carries into the next byte).
  @inline(__always)
  static func bytes(of word: UInt64, below limit: UInt8) -> UInt64 {
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    let t = (word & low7) &+ (UInt64(0x80 &- limit) &* 0x0101_0101_0101_0101)
    return ~(t | word) & 0x8080_8080_8080_8080
  }

  /// The position of the first byte of `b[from..<end]` below `-` (0x2D), which every delimiter
  /// (`,`, `"`, CR, LF) is; `end` if none.
  ///
  /// Eight bytes at a time: `(w − 0x2D…2D) & ~w & 0x80…80` flags every byte below 0x2D, and can
  /// flag a byte only above (after) one that truly is, because a borrow only leaves such a byte,
  /// so the lowest flag is exact (bytes ≥ 0x80 are cleared by `~w`).
  @inline(__always)
  static func nextDelimiterCandidate(_ b: UnsafePointer<UInt8>, from: Int, end: Int) -> Int {
    var i = from
    let raw = UnsafeRawPointer(b)
    while i + 8 <= end {
      let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
      let flags = (word &- 0x2D2D_2D2D_2D2D_2D2D) & ~word & 0x8080_8080_8080_8080
      if flags != 0 { return i + flags.trailingZeroBitCount >> 3 }
      i += 8
    }
    while i < end && b[i] > comma { i += 1 }
    return i
  }
}
