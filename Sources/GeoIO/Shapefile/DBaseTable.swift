import GeoCore

/// A field (column) of a dBASE table, as its descriptor gives it.
public struct DBaseField: Hashable, Sendable {
  /// The name, decoded in the table's code page.
  public var name: String
  /// The type letter: `C` character, `N` numeric, `F` float, `L` logical, `D` date, `M` memo…
  public var type: Character
  /// The width in bytes.
  public var length: Int
  /// Digits after the decimal point (numeric fields).
  public var decimalCount: Int

  /// A field from its name, type letter, width in bytes and digits after the decimal point, stored as
  /// given.
  public init(name: String, type: Character, length: Int, decimalCount: Int) {
    self.name = name
    self.type = type
    self.length = length
    self.decimalCount = decimalCount
  }
}

/// The attribute table of a Shapefile (`.dbf`): dBASE III/IV, one fixed-width record per shape.
///
/// Layout (dBASE III PLUS / IV file structure): a 32-byte header (version; date; the number of
/// records, 32-bit little-endian, at byte 4; the header length and the record length, 16-bit, at
/// bytes 8 and 10; the language driver id at byte 29), 32-byte field descriptors (name in 11
/// bytes, NUL-padded; type letter at 11; width at 16; decimal count at 17) ended by 0x0D, then the
/// records from the header length on: a deletion flag (`*` deleted, space otherwise) and the
/// fields as text, side by side.
///
/// ## Properties
/// - Character (`C`): trailing spaces (and NULs) trimmed; all blank is null, as GDAL reads it.
/// - Numeric and float (`N`, `F`): blank (or `*`-filled, dBASE's overflow mark) is null; any
///   other text must be one finite decimal number, else the value is null and reported.
/// - Logical (`L`): `T`/`t`/`Y`/`y` true, `F`/`f`/`N`/`n` false, `?` or blank null.
/// - Date (`D`): `YYYYMMDD` becomes the string `YYYY-MM-DD`; blank or zeros is null.
/// - Any other type (memo, binary…) is kept as its text and reported once per field.
/// - Character field widths follow shapelib: the width byte plus 256 × the decimal-count byte,
///   so fields wider than 255 bytes (written by GDAL and Clipper) read whole.
/// - Every offset is checked against the file size before it is read.
/// - Complexity: O(n) in the bytes of the records read.
struct DBaseTable {
  /// One field's place in a record.
  struct Column {
    var nameBytes: ArraySlice<UInt8>
    var type: UInt8
    /// Offset from the start of the record (after the deletion flag).
    var offset: Int
    var length: Int
    var decimalCount: Int
  }

  let view: ByteView
  /// The name errors give.
  let name: String
  let columns: [Column]
  /// The number of records the header declares.
  let declaredRecordCount: Int
  /// The number of whole records the file holds (at most `declaredRecordCount`).
  let availableRecordCount: Int
  let headerLength: Int
  let recordLength: Int
  /// Byte 29 of the header.
  let languageDriver: UInt8

  /// Reads the header and field descriptors.
  /// - Throws: `.emptyFile`, `.unexpectedEnd` for a file shorter than its header, `.syntax` for
  ///   fields wider than the records.
  init(bytes: [UInt8], name: String) throws(InputError) {
    view = ByteView(bytes)
    self.name = name
    guard view.count > 0 else { throw InputError(file: name, reason: .emptyFile) }
    guard view.contains(0, 32) else {
      throw InputError(
        file: name, field: "header",
        reason: .unexpectedEnd("the header needs 32 bytes but the file holds \(view.count)"))
    }
    declaredRecordCount = Int(view.uint32LittleEndian(at: 4))
    headerLength = view.uint16LittleEndian(at: 8)
    recordLength = view.uint16LittleEndian(at: 10)
    languageDriver = bytes[29]
    guard view.contains(0, headerLength) else {
      throw InputError(
        file: name, field: "header",
        reason: .unexpectedEnd(
          "the header gives a length of \(headerLength) bytes but the file holds \(view.count)"))
    }
    var columns: [Column] = []
    var descriptor = 32
    var offset = 0
    while descriptor &+ 32 <= headerLength && bytes[descriptor] != 0x0D {
      let nameEnd = bytes[descriptor..<(descriptor &+ 11)].firstIndex(of: 0) ?? (descriptor &+ 11)
      let type = bytes[descriptor &+ 11]
      let width = Int(bytes[descriptor &+ 16])
      let decimals = Int(bytes[descriptor &+ 17])
      let isNumeric = type == UInt8(ascii: "N") || type == UInt8(ascii: "F")
      let length = isNumeric ? width : width &+ 256 &* decimals
      columns.append(
        Column(
          nameBytes: bytes[descriptor..<nameEnd], type: type, offset: offset, length: length,
          decimalCount: isNumeric ? decimals : 0))
      offset = offset &+ length
      descriptor = descriptor &+ 32
    }
    self.columns = columns
    guard offset &+ 1 <= recordLength else {
      throw InputError(
        file: name, field: "header",
        reason: .syntax(
          "the fields need \(offset + 1) bytes per record but the header gives records of \(recordLength)"
        ))
    }
    let space = view.remaining(from: headerLength)
    availableRecordCount = min(declaredRecordCount, recordLength > 0 ? space / recordLength : 0)
  }

  /// The fields, names decoded in `codePage`.
  func fields(in codePage: CodePage) -> [DBaseField] {
    columns.map { column in
      DBaseField(
        name: codePage.decode(column.nameBytes).text.trimmingCharacters(" "),
        type: Character(Unicode.Scalar(column.type)), length: column.length,
        decimalCount: column.decimalCount)
    }
  }

  /// The bytes of every whole record, for the UTF-8 check of the code-page decision.
  var recordBytes: ArraySlice<UInt8> {
    view.bytes[headerLength..<(headerLength &+ availableRecordCount &* recordLength)]
  }

  /// True when record `row` (0-based, `< availableRecordCount`) carries the deletion flag `*`.
  func isDeleted(_ row: Int) -> Bool {
    view.bytes[headerLength &+ row &* recordLength] == UInt8(ascii: "*")
  }

  /// The values of record `row` (0-based, `< availableRecordCount`), with a problem for each
  /// value that could not be read as its type.
  func properties(
    row: Int, fields: [DBaseField], codePage: CodePage, problems: inout [InputError]
  ) -> Properties {
    let start = headerLength &+ row &* recordLength &+ 1
    var pairs: [(String, PropertyValue)] = []
    pairs.reserveCapacity(columns.count)
    for (column, field) in zip(columns, fields) {
      let from = start &+ column.offset
      let raw = view.bytes[from..<(from &+ column.length)]
      let value = self.value(raw, type: column.type, codePage: codePage) { reason in
        problems.append(
          InputError(file: name, field: "record \(row + 1), field \(field.name)", reason: reason))
      }
      pairs.append((field.name, value))
    }
    return Properties(pairs)
  }

  /// One value read as its dBASE type; `report` is called for a value that does not fit it.
  private func value(
    _ raw: ArraySlice<UInt8>, type: UInt8, codePage: CodePage,
    report: (InputError.Reason) -> Void
  ) -> PropertyValue {
    let trimmed = Self.trimmed(raw)
    guard !trimmed.isEmpty else { return .null }
    switch type {
    case UInt8(ascii: "N"), UInt8(ascii: "F"):
      let digits = trimmed.drop { $0 == 0x20 }
      if digits.allSatisfy({ $0 == UInt8(ascii: "*") }) { return .null }
      let number = digits.withUnsafeBufferPointer { NumberParsing.double($0) }
      if let number, number.isFinite { return .number(number) }
      report(.notANumber(codePage.decode(digits).text))
      return .null
    case UInt8(ascii: "L"):
      switch trimmed.first(where: { $0 != 0x20 }) {
      case UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: "Y"), UInt8(ascii: "y"):
        return .bool(true)
      case UInt8(ascii: "F"), UInt8(ascii: "f"), UInt8(ascii: "N"), UInt8(ascii: "n"):
        return .bool(false)
      case UInt8(ascii: "?"):
        return .null
      default:
        report(
          .other("'\(codePage.decode(trimmed).text)' is not a dBASE logical (T, F, Y, N or ?)"))
        return .null
      }
    case UInt8(ascii: "D"):
      let digits = trimmed.drop { $0 == 0x20 }
      if digits.allSatisfy({ $0 == UInt8(ascii: "0") }) { return .null }
      if let date = Self.date(digits) { return .string(date) }
      report(.other("'\(codePage.decode(trimmed).text)' is not a dBASE date (YYYYMMDD)"))
      return .null
    default:
      let (text, isValid) = codePage.decode(trimmed)
      if !isValid { report(.invalidUTF8(byteOffset: Self.firstInvalidUTF8(trimmed))) }
      return .string(text)
    }
  }

  /// `YYYY-MM-DD` from `YYYYMMDD` with a month 1–12 and a day 1–31; nil otherwise.
  private static func date(_ bytes: ArraySlice<UInt8>) -> String? {
    guard bytes.count == 8, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
    let digits = bytes.map { Int($0 - 0x30) }
    let month = digits[4] * 10 + digits[5]
    let day = digits[6] * 10 + digits[7]
    guard (1...12).contains(month) && (1...31).contains(day) else { return nil }
    let text = String(decoding: bytes, as: UTF8.self)
    return "\(text.prefix(4))-\(text.dropFirst(4).prefix(2))-\(text.suffix(2))"
  }

  /// `bytes` without trailing spaces and NULs (dBASE pads text on the right; numbers, padded on
  /// the left, drop their leading spaces where they are parsed).
  private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    var end = bytes.endIndex
    while end > bytes.startIndex && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0) { end -= 1 }
    return bytes[bytes.startIndex..<end]
  }

  /// The offset, within `bytes`, of the first byte that is not valid UTF-8.
  private static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    while case .valid(let scalar) = parser.parseScalar(from: &iterator) { offset += scalar.count }
    return offset
  }
}

extension String {
  /// The string without leading and trailing `character`s.
  fileprivate func trimmingCharacters(_ character: Character) -> String {
    var s = self[...]
    while s.first == character { s.removeFirst() }
    while s.last == character { s.removeLast() }
    return String(s)
  }
}
