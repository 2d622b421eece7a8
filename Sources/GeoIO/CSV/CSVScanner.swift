#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One record of a CSV file: its fields as byte ranges into the scanner's buffer.
///
/// A record is a view, not a copy: its bytes stay valid only until the next call to
/// `CSVScanner.next()`. Quoted fields come without their quotes and with doubled quotes undone.
struct CSVRecord {
  /// The 1-based physical line the record starts on.
  let line: Int
  /// The number of fields (at least 1).
  let count: Int
  /// The byte offset of the record's first byte in the file.
  let fileOffset: Int
  private let base: UnsafePointer<UInt8>
  /// `2·count` offsets from `base`: start and end of each field.
  private let bounds: UnsafePointer<Int32>

  fileprivate init(
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

/// A streaming RFC 4180 record scanner: reads a file in blocks and hands out one record at a time
/// as field byte ranges, without building a `String` per field.
///
/// RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180) section 2, and what this scanner does:
/// - Records end with CRLF or LF. A CR not followed by LF inside unquoted data is data; a CR that
///   is the file's last byte ends the last record.
/// - Fields are separated by commas. A trailing comma gives a trailing empty field.
/// - A field that starts with `"` is quoted: commas, CR and LF inside are data, and `""` is one
///   quote. Text after the closing quote and before the next comma (`"a"b`, outside RFC 4180) is
///   kept as data, as Python's `csv` module does. A quote inside an unquoted field is data.
/// - A UTF-8 byte-order mark at the start of the file is skipped.
/// - Blank lines (nothing between two line ends) are skipped; a line of commas is a record.
/// - Line numbers count physical lines (LF), so a quoted field with an embedded newline makes the
///   next record's number jump; a record's number is the line it starts on.
/// - A quoted field still open at the end of the file is an error naming the line it began on.
///
/// Memory: the buffer is one block (1 MiB by default) and grows only to hold a record longer than
/// that. A record may have up to `maxRecordBytes` bytes, its line end included (64 MiB by
/// default, so a 50 MB line still reads), and `maxFields` (1,048,576) fields; a longer record is
/// an error naming its line, so a file with no line ends cannot exhaust memory. A record that
/// spans a block boundary is carried over to the start of the buffer and scanned again whole.
///
/// - Complexity: O(n) time in the file's size (a record is rescanned only when it crosses a block
///   boundary, and the buffer doubles when it must grow, so rescans add O(n) at most);
///   O(block size + longest record) memory.
final class CSVScanner {
  /// The default size of one read.
  static let defaultBlockSize = 1 << 20
  /// The default limit on one record's size in bytes.
  static let defaultMaxRecordBytes = 64 << 20
  /// The limit on the number of fields in one record.
  static let maxFields = 1 << 20

  /// The file as the user named it, for errors.
  let file: String
  let maxRecordBytes: Int

  private let descriptor: Int32
  private var buffer: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  /// The first byte not yet handed out.
  private var start = 0
  /// The end of the bytes read so far.
  private var end = 0
  private var atEndOfFile = false
  private var checkedByteOrderMark = false
  /// The file offset of `buffer[0]`.
  private var bufferFileOffset = 0
  /// The physical line number of `buffer[start]`.
  private var line = 1
  private var bounds: UnsafeMutablePointer<Int32>
  private var boundsCapacity: Int
  /// Fields of the record being scanned whose quotes must be undone in place.
  private var fieldsToUnescape: [Int] = []

  private static let comma = UInt8(ascii: ",")
  private static let quote = UInt8(ascii: "\"")
  private static let lineFeed = UInt8(ascii: "\n")
  private static let carriageReturn = UInt8(ascii: "\r")

  /// Opens `file` for scanning.
  /// - Throws: `.fileNotFound`, `.isDirectory` or `.notReadable`.
  init(
    file: String, blockSize: Int = CSVScanner.defaultBlockSize,
    maxRecordBytes: Int = CSVScanner.defaultMaxRecordBytes
  ) throws(InputError) {
    precondition(blockSize >= 4 && maxRecordBytes >= 1)
    self.file = file
    self.maxRecordBytes = maxRecordBytes
    var status = stat()
    guard stat(file, &status) == 0 else {
      let code = errno
      throw InputError(
        file: file,
        reason: code == ENOENT || code == ENOTDIR
          ? .fileNotFound : .notReadable(CSVScanner.message(code)))
    }
    guard status.st_mode & S_IFMT != S_IFDIR else {
      throw InputError(file: file, reason: .isDirectory)
    }
    let descriptor = open(file, O_RDONLY)
    guard descriptor >= 0 else {
      throw InputError(file: file, reason: .notReadable(CSVScanner.message(errno)))
    }
    self.descriptor = descriptor
    capacity = blockSize
    buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: blockSize)
    boundsCapacity = 64
    bounds = UnsafeMutablePointer<Int32>.allocate(capacity: 2 * boundsCapacity)
  }

  deinit {
    close(descriptor)
    buffer.deallocate()
    bounds.deallocate()
  }

  /// The next record, or nil at the end of the file. The record is valid until the next call.
  /// - Throws: `.unterminatedQuote` (with the line the field began on), `.syntax` for a record
  ///   over the size or field limit, `.notReadable` for an I/O error.
  /// - Complexity: O(record length), amortised.
  func next() throws(InputError) -> CSVRecord? {
    while true {
      switch try scan() {
      case .record(let record): return record
      case .endOfFile: return nil
      case .needMore: try refill()
      }
    }
  }

  private enum Outcome {
    case record(CSVRecord)
    case needMore
    case endOfFile
  }

  /// Scans one record from `start`; commits nothing unless the record is complete (blank lines
  /// before it are committed as they are skipped).
  private func scan() throws(InputError) -> Outcome {
    let b = buffer
    let e = end
    let eof = atEndOfFile
    var i = start
    // Blank lines.
    while i < e {
      if b[i] == CSVScanner.lineFeed {
        i += 1
      } else if b[i] == CSVScanner.carriageReturn {
        if i + 1 < e {
          guard b[i + 1] == CSVScanner.lineFeed else { break }
          i += 2
        } else if eof {
          start = i + 1
          return .endOfFile
        } else {
          return .needMore
        }
      } else {
        break
      }
      line += 1
      start = i
    }
    if i == e { return eof ? .endOfFile : .needMore }

    let recordStart = i
    var newlines = 0
    var fieldCount = 0
    fieldsToUnescape.removeAll(keepingCapacity: true)
    while true {
      if fieldCount == boundsCapacity { try growBounds() }
      var fieldStart = i
      let fieldEnd: Int
      if i < e && b[i] == CSVScanner.quote {
        let quoteLine = line + newlines
        i += 1
        fieldStart = i
        var doubled = false
        while true {
          while i < e && b[i] != CSVScanner.quote {
            if b[i] == CSVScanner.lineFeed { newlines += 1 }
            i += 1
          }
          if i == e {
            guard eof else { return .needMore }
            throw InputError(file: file, line: quoteLine, reason: .unterminatedQuote)
          }
          if i + 1 == e && !eof { return .needMore }
          guard i + 1 < e && b[i + 1] == CSVScanner.quote else { break }
          doubled = true
          i += 2
        }
        let closingQuote = i
        i += 1
        var tail = false
        while i < e {
          let c = b[i]
          if c == CSVScanner.comma || c == CSVScanner.lineFeed { break }
          if c == CSVScanner.carriageReturn {
            if i + 1 == e {
              if eof { break }
              return .needMore
            }
            if b[i + 1] == CSVScanner.lineFeed { break }
          }
          tail = true
          i += 1
        }
        if doubled || tail {
          fieldsToUnescape.append(fieldCount)
          fieldEnd = i
        } else {
          fieldEnd = closingQuote
        }
      } else {
        while i < e {
          let c = b[i]
          // Every delimiter (",", "\"", CR, LF) is below 0x2D: letters, digits, "." and "-" pass here.
          if c > CSVScanner.comma {
            i += 1
            continue
          }
          if c == CSVScanner.comma || c == CSVScanner.lineFeed { break }
          if c == CSVScanner.carriageReturn {
            if i + 1 == e {
              if eof { break }
              return .needMore
            }
            if b[i + 1] == CSVScanner.lineFeed { break }
          }
          i += 1
        }
        fieldEnd = i
      }
      bounds[2 * fieldCount] = Int32(truncatingIfNeeded: fieldStart - recordStart)
      bounds[2 * fieldCount + 1] = Int32(truncatingIfNeeded: fieldEnd - recordStart)
      fieldCount += 1
      if i == e {
        guard eof else { return .needMore }
        break
      }
      let c = b[i]
      i += 1
      if c == CSVScanner.comma { continue }
      if c == CSVScanner.carriageReturn && i < e && b[i] == CSVScanner.lineFeed { i += 1 }
      newlines += 1
      break
    }
    if i - recordStart > maxRecordBytes { throw recordTooLong() }
    for field in fieldsToUnescape { unescape(field: field, recordStart: recordStart) }
    let record = CSVRecord(
      line: line, count: fieldCount, fileOffset: bufferFileOffset + recordStart,
      base: UnsafePointer(b + recordStart), bounds: UnsafePointer(bounds))
    line += newlines
    start = i
    return .record(record)
  }

  /// Undoes the quoting of a field scanned as quoted, in place: `""` becomes `"`, the closing
  /// quote goes, and text after it stays. The field only shrinks, so writing never passes reading.
  private func unescape(field: Int, recordStart: Int) {
    let b = buffer
    let from = recordStart + Int(bounds[2 * field])
    let to = recordStart + Int(bounds[2 * field + 1])
    var read = from
    var write = from
    var inQuotes = true
    while read < to {
      let c = b[read]
      if inQuotes && c == CSVScanner.quote {
        if read + 1 < to && b[read + 1] == CSVScanner.quote {
          b[write] = CSVScanner.quote
          write += 1
          read += 2
        } else {
          inQuotes = false
          read += 1
        }
        continue
      }
      b[write] = c
      write += 1
      read += 1
    }
    bounds[2 * field + 1] = Int32(truncatingIfNeeded: write - recordStart)
  }

  /// Moves the unfinished record to the front of the buffer (growing it when the record fills it)
  /// and reads more.
  private func refill() throws(InputError) {
    if start > 0 {
      let pending = end - start
      if pending > 0 { memmove(buffer, buffer + start, pending) }
      bufferFileOffset += start
      end = pending
      start = 0
    }
    if end > maxRecordBytes { throw recordTooLong() }
    if end == capacity {
      let newCapacity = min(capacity * 2, maxRecordBytes + 2)
      let newBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
      newBuffer.update(from: buffer, count: end)
      buffer.deallocate()
      buffer = newBuffer
      capacity = newCapacity
    }
    while end < capacity {
      let n = read(descriptor, buffer + end, capacity - end)
      if n > 0 {
        end += n
      } else if n == 0 {
        atEndOfFile = true
        break
      } else if errno != EINTR {
        throw InputError(file: file, reason: .notReadable(CSVScanner.message(errno)))
      }
    }
    if !checkedByteOrderMark {
      checkedByteOrderMark = true
      if end >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { start = 3 }
    }
  }

  private func recordTooLong() -> InputError {
    InputError(
      file: file, line: line,
      reason: .syntax(
        "a record longer than \(maxRecordBytes) bytes (the limit); is this a CSV file?"))
  }

  private func growBounds() throws(InputError) {
    guard boundsCapacity < CSVScanner.maxFields else {
      throw InputError(
        file: file, line: line,
        reason: .syntax("more than \(CSVScanner.maxFields) fields in one record (the limit)"))
    }
    let newCapacity = boundsCapacity * 2
    let newBounds = UnsafeMutablePointer<Int32>.allocate(capacity: 2 * newCapacity)
    newBounds.update(from: bounds, count: 2 * boundsCapacity)
    bounds.deallocate()
    bounds = newBounds
    boundsCapacity = newCapacity
  }

  private static func message(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
  }
}
