#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A streaming CSV reader: reads a file in blocks and hands out one record at a time as field byte
/// ranges, without building a `String` per field. The grammar (RFC 4180, line numbering, limits)
/// is `CSVRecordScanner`'s; this type adds the file: a UTF-8 byte-order mark at its start is
/// skipped, and records that cross a block boundary are carried over and scanned again whole.
///
/// Memory: the buffer is one block (1 MiB by default) and grows only to hold a record longer than
/// that. A record may have up to `maxRecordBytes` bytes, its line end included (64 MiB by
/// default, so a 50 MB line still reads), and `maxFields` (1,048,576) fields; a longer record is
/// an error naming its line, so a file with no line ends cannot exhaust memory.
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
  static let maxFields = CSVRecordScanner.maxFields

  /// The file as the user named it, for errors.
  let file: String
  let maxRecordBytes: Int

  private let descriptor: Int32
  private let records: CSVRecordScanner
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
  private(set) var line = 1

  /// Opens `file` for scanning.
  /// - Throws: `.fileNotFound`, `.isDirectory` or `.notReadable`.
  init(
    file: String, blockSize: Int = CSVScanner.defaultBlockSize,
    maxRecordBytes: Int = CSVScanner.defaultMaxRecordBytes
  ) throws(InputError) {
    precondition(blockSize >= 4 && maxRecordBytes >= 1)
    self.file = file
    self.maxRecordBytes = maxRecordBytes
    descriptor = try CSVScanner.open(file)
    records = CSVRecordScanner(file: file, maxRecordBytes: maxRecordBytes)
    capacity = blockSize
    buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: blockSize)
  }

  deinit {
    close(descriptor)
    buffer.deallocate()
  }

  /// The file offset of the first byte not yet handed out: after the last record returned (and
  /// after the byte-order mark, once the first block is read).
  var offset: Int { bufferFileOffset + start }

  /// The next record, or nil at the end of the file. The record is valid until the next call.
  /// - Throws: `.unterminatedQuote` (with the line the field began on), `.syntax` for a record
  ///   over the size or field limit, `.notReadable` for an I/O error.
  /// - Complexity: O(record length), amortised.
  func next() throws(InputError) -> CSVRecord? {
    while true {
      let outcome = try records.scan(
        buffer, from: start, end: end, atEndOfFile: atEndOfFile, line: line,
        fileOffset: bufferFileOffset)
      switch outcome {
      case .record(let record, let next, let newlines):
        start = next
        line += newlines
        return record
      case .endOfFile(let next, let newlines):
        start = next
        line += newlines
        return nil
      case .needMore(let recordStart, let newlines):
        start = recordStart
        line += newlines
        try refill()
      }
    }
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
    if end == capacity {
      // The record scanner asks for more only while a record can still fit in the limit, so
      // `maxRecordBytes + 1` bytes always settle it.
      let newCapacity = min(capacity * 2, maxRecordBytes + 1)
      precondition(newCapacity > capacity, "a record over the limit was not reported")
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

  /// Opens `file` read-only.
  /// - Throws: `.fileNotFound`, `.isDirectory` or `.notReadable`.
  static func open(_ file: String) throws(InputError) -> Int32 {
    var status = stat()
    guard stat(file, &status) == 0 else {
      let code = errno
      throw InputError(
        file: file,
        reason: code == ENOENT || code == ENOTDIR ? .fileNotFound : .notReadable(message(code)))
    }
    guard status.st_mode & S_IFMT != S_IFDIR else {
      throw InputError(file: file, reason: .isDirectory)
    }
    #if canImport(Glibc)
      let descriptor = Glibc.open(file, O_RDONLY)
    #else
      let descriptor = Darwin.open(file, O_RDONLY)
    #endif
    guard descriptor >= 0 else {
      throw InputError(file: file, reason: .notReadable(message(errno)))
    }
    return descriptor
  }

  static func message(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
  }
}
