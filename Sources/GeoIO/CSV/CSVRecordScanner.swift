/// The RFC 4180 record state machine over bytes in memory: finds one record's fields from a given
/// position, or says that the bytes end before the record does. The one CSV grammar of the
/// package: `CSVScanner` (a file read in blocks) and `IncidentBlockParser` (parts of a buffer read
/// in parallel) both scan through it.
///
/// RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180) section 2, and what this scanner does:
/// - Records end with CRLF or LF. A CR not followed by LF inside unquoted data is data; a CR that
///   is the file's last byte ends the last record.
/// - Fields are separated by commas. A trailing comma gives a trailing empty field.
/// - A field that starts with `"` is quoted: commas, CR and LF inside are data, and `""` is one
///   quote. Text after the closing quote and before the next comma (`"a"b`, outside RFC 4180) is
///   kept as data, as Python's `csv` module does. A quote inside an unquoted field is data.
/// - Blank lines (nothing between two line ends) are skipped; a line of commas is a record.
/// - Line numbers count physical lines (LF): the line of a position is one more than the number of
///   LF bytes before it, so a quoted field with an embedded newline makes the next record's number
///   jump; a record's number is the line it starts on.
/// - A quoted field still open at the end of the file is an error naming the line it began on.
/// - A record may have up to `maxRecordBytes` bytes, its line end included, and `maxFields` fields;
///   a longer one is an error naming its line. A `needMore` answer is only given for a record that
///   could still be within the limit, so a caller that can offer `maxRecordBytes + 1` bytes from a
///   record's start always gets a record or an error.
///
/// The bytes are never written: a quoted field with doubled quotes or text after its closing quote
/// is unescaped in a copy of the record in the scanner's own storage, so several scanners may read
/// one buffer at once.
///
/// Unquoted fields are searched 8 bytes at a time for the bytes that can end them (all below
/// `-`, 0x2D), so letters, digits, `.` and `-` cost a fraction of a comparison each.
///
/// - Complexity: O(record length) per call.
final class CSVRecordScanner {
  /// The limit on the number of fields in one record.
  static let maxFields = 1 << 20

  /// The file as the user named it, for errors.
  let file: String
  let maxRecordBytes: Int

  private(set) var bounds: UnsafeMutablePointer<Int32>
  private(set) var boundsCapacity: Int
  /// Unescaped copies of records with doubled quotes or text after a closing quote.
  private var scratch: UnsafeMutablePointer<UInt8>
  private var scratchCapacity: Int
  /// Fields of the record being scanned whose quotes must be undone.
  private var fieldsToUnescape: [Int] = []

  static let comma = UInt8(ascii: ",")
  static let quote = UInt8(ascii: "\"")
  static let lineFeed = UInt8(ascii: "\n")
  static let carriageReturn = UInt8(ascii: "\r")

  init(file: String, maxRecordBytes: Int) {
    precondition(maxRecordBytes >= 1)
    self.file = file
    self.maxRecordBytes = maxRecordBytes
    boundsCapacity = 64
    bounds = UnsafeMutablePointer<Int32>.allocate(capacity: 2 * boundsCapacity)
    scratchCapacity = 256
    scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: scratchCapacity)
  }

  deinit {
    bounds.deallocate()
    scratch.deallocate()
  }

  /// What one call found.
  enum Outcome {
    /// A record; `next` is the position after its line end, `newlines` the LF bytes from the
    /// scan's start to `next` (blank lines, embedded newlines and the line end).
    case record(CSVRecord, next: Int, newlines: Int)
    /// The bytes end inside a record (or inside a CRLF): scan again from `recordStart` (the
    /// blank lines before it are consumed, `newlines` of them) with more bytes.
    case needMore(recordStart: Int, newlines: Int)
    /// No record is left: only blank lines (`newlines` LF bytes) up to `next`, and the file ends.
    case endOfFile(next: Int, newlines: Int)
  }

  /// Scans one record of `b[from..<end]`. `line` is the line number of `from` (any base: records
  /// and errors are numbered from it); `fileOffset` is the file offset of `b[0]`.
  /// - Throws: `.unterminatedQuote` (at the end of the file), `.syntax` for a record over the
  ///   size or field limit.
  @inline(__always)
  func scan(
    _ b: UnsafePointer<UInt8>, from: Int, end e: Int, atEndOfFile eof: Bool, line: Int,
    fileOffset: Int
  ) throws(InputError) -> Outcome {
    var i = from
    var blank = 0
    // Blank lines.
    while i < e {
      let c = b[i]
      if c == CSVRecordScanner.lineFeed {
        i += 1
      } else if c == CSVRecordScanner.carriageReturn {
        if i + 1 < e {
          guard b[i + 1] == CSVRecordScanner.lineFeed else { break }
          i += 2
        } else if eof {
          return .endOfFile(next: i + 1, newlines: blank)
        } else {
          return .needMore(recordStart: i, newlines: blank)
        }
      } else {
        break
      }
      blank += 1
    }
    if i == e { return eof ? .endOfFile(next: e, newlines: blank) : .needMore(recordStart: e, newlines: blank) }

    let recordStart = i
    let recordLine = line + blank
    if let plain = try scanPlain(b, from: i, end: e, line: recordLine) {
      if plain.next - recordStart > maxRecordBytes { throw recordTooLong(line: recordLine) }
      let record = CSVRecord(
        line: recordLine, count: plain.fields, fileOffset: fileOffset + recordStart,
        base: b + recordStart, bounds: UnsafePointer(bounds))
      return .record(record, next: plain.next, newlines: blank + 1)
    }
    var newlines = 0
    var fieldCount = 0
    var fieldBounds = bounds
    var capacity = boundsCapacity
    var unescape = false
    while true {
      if fieldCount == capacity {
        try growBounds(line: recordLine)
        fieldBounds = bounds
        capacity = boundsCapacity
      }
      var fieldStart = i
      let fieldEnd: Int
      if i < e && b[i] == CSVRecordScanner.quote {
        let quoteLine = recordLine + newlines
        i += 1
        fieldStart = i
        var doubled = false
        while true {
          while i < e && b[i] != CSVRecordScanner.quote {
            if b[i] == CSVRecordScanner.lineFeed { newlines += 1 }
            i += 1
          }
          if i == e {
            guard eof else { return try needMore(recordStart, e, blank, recordLine) }
            throw InputError(file: file, line: quoteLine, reason: .unterminatedQuote)
          }
          if i + 1 == e && !eof { return try needMore(recordStart, e, blank, recordLine) }
          guard i + 1 < e && b[i + 1] == CSVRecordScanner.quote else { break }
          doubled = true
          i += 2
        }
        let closingQuote = i
        i += 1
        var tail = false
        while i < e {
          guard let ends = CSVRecordScanner.endsField(b, at: i, end: e, atEndOfFile: eof) else {
            return try needMore(recordStart, e, blank, recordLine)
          }
          if ends { break }
          tail = true
          i += 1
        }
        if doubled || tail {
          if !unescape { fieldsToUnescape.removeAll(keepingCapacity: true) }
          unescape = true
          fieldsToUnescape.append(fieldCount)
          fieldEnd = i
        } else {
          fieldEnd = closingQuote
        }
      } else {
        while true {
          i = CSVRecordScanner.nextDelimiterCandidate(b, from: i, end: e)
          if i == e { break }
          guard let ends = CSVRecordScanner.endsField(b, at: i, end: e, atEndOfFile: eof) else {
            return try needMore(recordStart, e, blank, recordLine)
          }
          if ends { break }
          i += 1
        }
        fieldEnd = i
      }
      fieldBounds[2 * fieldCount] = Int32(truncatingIfNeeded: fieldStart - recordStart)
      fieldBounds[2 * fieldCount + 1] = Int32(truncatingIfNeeded: fieldEnd - recordStart)
      fieldCount += 1
      if i == e {
        guard eof else { return try needMore(recordStart, e, blank, recordLine) }
        break
      }
      let c = b[i]
      i += 1
      if c == CSVRecordScanner.comma { continue }
      if c == CSVRecordScanner.carriageReturn && i < e && b[i] == CSVRecordScanner.lineFeed { i += 1 }
      newlines += 1
      break
    }
    if i - recordStart > maxRecordBytes { throw recordTooLong(line: recordLine) }
    var base = b + recordStart
    if unescape { base = unescaped(b + recordStart, count: i - recordStart) }
    let record = CSVRecord(
      line: recordLine, count: fieldCount, fileOffset: fileOffset + recordStart, base: base,
      bounds: UnsafePointer(fieldBounds))
    return .record(record, next: i, newlines: blank + newlines)
  }

  /// Whether the byte at `i` (< `end`) ends a field: a comma, a LF, or a CR followed by a LF (a CR
  /// that is the last byte ends it at the end of the file); nil when the next bytes must be read
  /// to tell.
  @inline(__always)
  private static func endsField(
    _ b: UnsafePointer<UInt8>, at i: Int, end e: Int, atEndOfFile eof: Bool
  ) -> Bool? {
    let c = b[i]
    if c == comma || c == lineFeed { return true }
    guard c == carriageReturn else { return false }
    if i + 1 == e { return eof ? true : nil }
    return b[i + 1] == lineFeed
  }

  /// The fast path for the common record: one without quotes that ends with LF or CRLF within the
  /// bytes. Sixteen bytes at a time (then eight), it finds every comma and the line end from exact
  /// masks (0x80 in each byte that is a comma, or a LF, CR or quote), so the search for one field's
  /// end does not wait for the previous one's. Returns the field count (bounds written) and the
  /// position after the line end, or nil, having decided nothing, when it meets a quote, a CR not
  /// followed by LF, or the end of the bytes: the general loop then scans the record from its start.
  @inline(__always)
  private func scanPlain(_ b: UnsafePointer<UInt8>, from start: Int, end e: Int, line: Int)
    throws(InputError) -> (fields: Int, next: Int)?
  {
    let raw = UnsafeRawPointer(b)
    var fields = PlainFields(bounds: bounds, capacity: boundsCapacity)
    var i = start
    #if _endian(little)
      // Lane k of a 16-byte vector is the byte at i + k; as two little-endian words, byte k is
      // bits 8k…8k+7, so the word masks read like the 8-byte ones below.
      let zero = SIMD16<UInt8>(repeating: 0)
      while i &+ 16 <= e {
        let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
        let commaLanes = zero.replacing(with: 0x80, where: v .== SIMD16(repeating: CSVRecordScanner.comma))
        let stopLanes = zero.replacing(
          with: 0x80,
          where: v .== SIMD16(repeating: CSVRecordScanner.lineFeed)
            .| (v .== SIMD16(repeating: CSVRecordScanner.carriageReturn))
            .| (v .== SIMD16(repeating: CSVRecordScanner.quote)))
        let commas = unsafeBitCast(commaLanes, to: SIMD2<UInt64>.self)
        let stops = unsafeBitCast(stopLanes, to: SIMD2<UInt64>.self)
        for half in 0..<2 {
          let at = i &+ 8 &* half
          switch try fields.word(commas: commas[half], stops: stops[half], at: at, start: start, line: line, self) {
          case .goOn: continue
          case .stop(let p): return finish(b, fields, stop: at &+ p, start: start, end: e, line: line)
          }
        }
        i &+= 16
      }
    #endif
    while i &+ 8 <= e {
      let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
      let commas = CSVRecordScanner.bytes(of: word, equalTo: CSVRecordScanner.comma)
      let stops =
        CSVRecordScanner.bytes(of: word, equalTo: CSVRecordScanner.lineFeed)
        | CSVRecordScanner.bytes(of: word, equalTo: CSVRecordScanner.carriageReturn)
        | CSVRecordScanner.bytes(of: word, equalTo: CSVRecordScanner.quote)
      switch try fields.word(commas: commas, stops: stops, at: i, start: start, line: line, self) {
      case .goOn: i &+= 8
      case .stop(let p): return finish(b, fields, stop: i &+ p, start: start, end: e, line: line)
      }
    }
    return nil
  }

  /// The end of a plain record at `stop` (a LF, CR or quote): the last field's bounds and the
  /// position after the line end, or nil for a quote or a CR not followed by LF.
  @inline(__always)
  private func finish(
    _ b: UnsafePointer<UInt8>, _ fields: PlainFields, stop: Int, start: Int, end e: Int, line: Int
  ) -> (fields: Int, next: Int)? {
    let next: Int
    switch b[stop] {
    case CSVRecordScanner.lineFeed: next = stop &+ 1
    case CSVRecordScanner.carriageReturn:
      guard stop &+ 1 < e && b[stop &+ 1] == CSVRecordScanner.lineFeed else { return nil }
      next = stop &+ 2
    default: return nil
    }
    // `word` left room for this last field (it grows the bounds before they fill).
    let slot = fields.bounds.advanced(by: fields.count &<< 1)
    slot[0] = fields.fieldStart
    slot[1] = Int32(truncatingIfNeeded: stop &- start)
    return (fields.count &+ 1, next)
  }

  /// The fields found so far by `scanPlain`: bounds as offsets from the record's start (a record
  /// is at most `maxRecordBytes`, so they fit in Int32; the arithmetic wraps, since nothing here
  /// can overflow).
  private struct PlainFields {
    var bounds: UnsafeMutablePointer<Int32>
    var capacity: Int
    var count = 0
    var fieldStart: Int32 = 0

    init(bounds: UnsafeMutablePointer<Int32>, capacity: Int) {
      self.bounds = bounds
      self.capacity = capacity
    }

    enum Step {
      case goOn
      /// The first LF, CR or quote is at this byte of the word.
      case stop(Int)
    }

    /// Records the commas of the 8 bytes at `at` (masks with 0x80 in the bytes that are commas,
    /// and in those that are a LF, CR or quote), up to the first stop. Keeps room for one more
    /// field than it records.
    @inline(__always)
    mutating func word(
      commas: UInt64, stops: UInt64, at: Int, start: Int, line: Int, _ scanner: CSVRecordScanner
    ) throws(InputError) -> Step {
      var commas = commas
      let stop = stops == 0 ? 8 : stops.trailingZeroBitCount &>> 3
      if stops != 0 { commas &= (1 << UInt64(truncatingIfNeeded: stop &<< 3)) &- 1 }
      let offset = Int32(truncatingIfNeeded: at &- start)
      while commas != 0 {
        if count &+ 1 >= capacity {
          try scanner.growBounds(line: line)
          bounds = scanner.bounds
          capacity = scanner.boundsCapacity
        }
        let end = offset &+ Int32(truncatingIfNeeded: commas.trailingZeroBitCount &>> 3)
        let slot = bounds.advanced(by: count &<< 1)
        slot[0] = fieldStart
        slot[1] = end
        count &+= 1
        fieldStart = end &+ 1
        commas &= commas &- 1
      }
      return stops == 0 ? .goOn : .stop(stop)
    }
  }

  /// The `needMore` answer for a record begun at `recordStart`, or the size error when the bytes
  /// it already has are over the limit (so it can never end within it).
  private func needMore(_ recordStart: Int, _ end: Int, _ blank: Int, _ line: Int) throws(InputError)
    -> Outcome
  {
    if end - recordStart > maxRecordBytes { throw recordTooLong(line: line) }
    return .needMore(recordStart: recordStart, newlines: blank)
  }

  /// Copies the record's `count` bytes into `scratch` and undoes the quoting of the fields in
  /// `fieldsToUnescape` there: `""` becomes `"`, the closing quote goes, and text after it stays.
  /// A field only shrinks, so writing never passes reading.
  private func unescaped(_ record: UnsafePointer<UInt8>, count: Int) -> UnsafePointer<UInt8> {
    if count > scratchCapacity {
      scratch.deallocate()
      scratchCapacity = max(count, 2 * scratchCapacity)
      scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: scratchCapacity)
    }
    let s = scratch
    s.update(from: record, count: count)
    for field in fieldsToUnescape {
      let from = Int(bounds[2 * field])
      let to = Int(bounds[2 * field + 1])
      var read = from
      var write = from
      var inQuotes = true
      while read < to {
        let c = s[read]
        if inQuotes && c == CSVRecordScanner.quote {
          if read + 1 < to && s[read + 1] == CSVRecordScanner.quote {
            s[write] = CSVRecordScanner.quote
            write += 1
            read += 2
          } else {
            inQuotes = false
            read += 1
          }
          continue
        }
        s[write] = c
        write += 1
        read += 1
      }
      bounds[2 * field + 1] = Int32(truncatingIfNeeded: write)
    }
    return UnsafePointer(s)
  }

  func recordTooLong(line: Int) -> InputError {
    InputError(
      file: file, line: line,
      reason: .syntax(
        "a record longer than \(maxRecordBytes) bytes (the limit); is this a CSV file?"))
  }

  func growBounds(line: Int) throws(InputError) {
    guard boundsCapacity < CSVRecordScanner.maxFields else {
      throw InputError(
        file: file, line: line,
        reason: .syntax("more than \(CSVRecordScanner.maxFields) fields in one record (the limit)"))
    }
    let newCapacity = boundsCapacity * 2
    let newBounds = UnsafeMutablePointer<Int32>.allocate(capacity: 2 * newCapacity)
    newBounds.update(from: bounds, count: 2 * boundsCapacity)
    bounds.deallocate()
    bounds = newBounds
    boundsCapacity = newCapacity
  }
}
