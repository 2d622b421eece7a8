import GeoCore

/// The row rules of `IncidentReader` (see its Rows section) for one file's columns and CRS,
/// applied to a stretch of bytes: every record becomes a kept row, a row without location, or a
/// skipped row, exactly as it would in one sequential pass.
struct IncidentBlockParser: Sendable {
  /// Which coordinate ranges rows are checked against.
  enum RangeCheck: Sendable {
    case none
    case wgs84
    case britishNationalGrid

    init(_ crs: CRS?) {
      switch crs {
      case .wgs84: self = .wgs84
      case .britishNationalGrid: self = .britishNationalGrid
      default: self = .none
      }
    }
  }

  let file: String
  let header: [String]
  let strict: Bool
  /// Keep rows with an unreadable date, undated (`IncidentColumnOptions.keepsUndated`).
  let keepsUndated: Bool
  let range: RangeCheck
  /// The CRS's name for range errors.
  let crsName: String
  private let columnCount: Int
  private let xIndex: Int
  private let yIndex: Int
  private let dateIndex: Int
  private let weightIndex: Int
  private let categoryIndex: Int
  private let locationIndex: Int
  private let idIndex: Int

  /// The rules for `file` read with `mapping`, checking coordinates against `crs` (none when nil).
  init(file: String, mapping: ColumnMapping, strict: Bool, crs: CRS?, keepsUndated: Bool = false) {
    self.file = file
    header = mapping.header
    self.strict = strict
    self.keepsUndated = keepsUndated
    range = RangeCheck(crs)
    crsName = crs?.description ?? ""
    columnCount = mapping.header.count
    xIndex = mapping.x.index
    yIndex = mapping.y.index
    dateIndex = mapping.date?.index ?? -1
    weightIndex = mapping.weight?.index ?? -1
    categoryIndex = mapping.category?.index ?? -1
    locationIndex = mapping.location?.index ?? -1
    idIndex = mapping.id?.index ?? -1
  }

  /// Parses the records of `bytes[from..<end]` that start before `limit` into `block` (cleared
  /// first); the last one may run past `limit`. Stops early when the bytes end inside a record
  /// (unless `atEndOfFile`), after `rowLimit` kept rows, or at a failure.
  ///
  /// `from` must be where a record (or blank lines) starts for the result to be the file's: a
  /// parse from a guessed position is only used once the previous block's `end` confirms it.
  /// - Complexity: O(bytes parsed).
  func parse(
    _ bytes: UnsafePointer<UInt8>, from: Int, limit: Int, end: Int, atEndOfFile: Bool,
    fileOffset: Int, rowLimit: Int = .max, scanner: CSVRecordScanner,
    into block: inout IncidentBlock
  ) {
    block.clear(start: from)
    var rows = RowWriter(block.rows, dates: dateIndex >= 0, weights: weightIndex >= 0)
    defer {
      block.count = rows.count
      block.months = rows.months.drain()
    }
    var position = from
    var newlines = 0
    scan: while position < limit {
      let outcome: CSVRecordScanner.Outcome
      do {
        outcome = try scanner.scan(
          bytes, from: position, end: end, atEndOfFile: atEndOfFile, line: newlines,
          fileOffset: fileOffset)
      } catch {
        block.stop = .failed(error)
        break
      }
      switch outcome {
      case .record(let record, let next, let count):
        position = next
        newlines += count
        if let failure = row(record, &block, &rows) {
          block.stop = .failed(failure)
          break scan
        }
        if rows.count == rowLimit {
          block.stop = .rowLimit
          break scan
        }
      case .needMore(let recordStart, let count):
        position = recordStart
        newlines += count
        block.stop = .needMore
        break scan
      case .endOfFile(let next, let count):
        position = next
        newlines += count
        block.stop = .endOfFile
        break scan
      }
    }
    block.end = position
    block.newlines = newlines
    if categoryIndex >= 0 { block.category = block.categoryLabels.makeColumn() }
    if locationIndex >= 0 { block.location = block.locationLabels.makeColumn() }
    if idIndex >= 0 { block.id = block.idLabels.makeColumn() }
  }

  /// Applies the row rules to one record; returns the error when strict mode stops at it.
  @inline(__always)
  private func row(_ record: CSVRecord, _ block: inout IncidentBlock, _ rows: inout RowWriter) -> InputError? {
    block.dataRows += 1
    let line = record.line
    guard record.count == columnCount || record.count == columnCount - 1 else {
      return skip(
        .fieldCount, column: -1, line: line, &block,
        .fieldCount(found: record.count, expected: columnCount))
    }
    let xField = IncidentBlockParser.trimmed(record[xIndex])
    let yField = IncidentBlockParser.trimmed(record[yIndex])
    if xField.isEmpty || yField.isEmpty {
      if xField.isEmpty && yField.isEmpty {
        block.rowsWithoutLocation += 1
        let date = dateIndex >= 0 ? DateParsing.date(record[dateIndex])?.packed ?? 0 : 0
        let category = categoryIndex >= 0 ? String(decoding: record[categoryIndex], as: UTF8.self) : nil
        block.unlocated[UnlocatedKey(date: date, category: category), default: 0] += 1
        return nil
      }
      return skip(
        .oneCoordinate, column: xField.isEmpty ? xIndex : yIndex, line: line, &block, .noLocation)
    }
    guard let x = NumberParsing.double(xField), x.isFinite else {
      return skip(
        .notANumber, column: xIndex, line: line, &block,
        .notANumber(IncidentBlockParser.text(xField)))
    }
    guard let y = NumberParsing.double(yField), y.isFinite else {
      return skip(
        .notANumber, column: yIndex, line: line, &block,
        .notANumber(IncidentBlockParser.text(yField)))
    }
    switch range {
    case .none: break
    case .wgs84:
      if !(x >= -180 && x <= 180) {
        return skip(
          .outOfRange, column: xIndex, line: line, &block,
          .coordinateOutOfRange(value: x, crs: crsName))
      }
      if !(y >= -90 && y <= 90) {
        return skip(
          .outOfRange, column: yIndex, line: line, &block,
          .coordinateOutOfRange(value: y, crs: crsName))
      }
    case .britishNationalGrid:
      if !(x >= 0 && x <= 700_000) {
        return skip(
          .outOfRange, column: xIndex, line: line, &block,
          .coordinateOutOfRange(value: x, crs: crsName))
      }
      if !(y >= 0 && y <= 1_300_000) {
        return skip(
          .outOfRange, column: yIndex, line: line, &block,
          .coordinateOutOfRange(value: y, crs: crsName))
      }
    }
    var date = IncidentDate(packed: 0)
    if dateIndex >= 0 {
      let field = record[dateIndex]
      if let parsed = DateParsing.date(field) {
        date = parsed
      } else if keepsUndated {
        block.undatedRows += 1
        if block.firstUndated == nil { block.firstUndated = (line, IncidentBlockParser.text(field)) }
      } else {
        return skip(
          .badDate, column: dateIndex, line: line, &block,
          .badDate(IncidentBlockParser.text(field)))
      }
    }
    var weight = 1.0
    if weightIndex >= 0 {
      let field = IncidentBlockParser.trimmed(record[weightIndex])
      guard let parsed = NumberParsing.double(field), parsed.isFinite else {
        return skip(
          .notANumber, column: weightIndex, line: line, &block,
          .notANumber(IncidentBlockParser.text(field)))
      }
      weight = parsed
    }

    rows.append(x: x, y: y, date: date, weight: weight)
    block.box.extend(by: Point(x: x, y: y))
    if categoryIndex >= 0 { block.categoryLabels.append(record[categoryIndex]) }
    if locationIndex >= 0 { block.locationLabels.append(record[locationIndex]) }
    if idIndex >= 0 { block.idLabels.append(record[idIndex]) }
    return nil
  }

  /// Counts a bad row and keeps it in full while fewer than the limit are kept; in strict mode
  /// returns it as the error that stops the read.
  private func skip(
    _ kind: SkipKind, column: Int, line: Int, _ block: inout IncidentBlock,
    _ reason: @autoclosure () -> InputError.Reason
  ) -> InputError? {
    if strict {
      return InputError(
        file: file, line: line, field: column >= 0 ? header[column] : nil, reason: reason())
    }
    if block.skipped.count < IncidentReadReport.skippedDetailLimit {
      block.skipped.append(
        IncidentBlock.SkippedRow(kind: kind, column: column, line: line, reason: reason()))
    }
    block.skippedRows += 1
    block.skipCounts[SkipKey(kind: kind, column: column), default: 0] += 1
    return nil
  }

  // MARK: Fields

  /// `bytes` without leading and trailing spaces and tabs.
  @inline(__always)
  static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    guard let first = bytes.first, let last = bytes.last,
      first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09
    else { return bytes }
    var from = 0
    var to = bytes.count
    while from < to && (bytes[from] == 0x20 || bytes[from] == 0x09) { from += 1 }
    while to > from && (bytes[to - 1] == 0x20 || bytes[to - 1] == 0x09) { to -= 1 }
    if from == 0 && to == bytes.count { return bytes }
    return UnsafeBufferPointer(rebasing: bytes[from..<to])
  }

  /// A field's text for an error message, cut to 60 bytes.
  static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    guard bytes.count > 60 else { return String(decoding: bytes, as: UTF8.self) }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<60]), as: UTF8.self) + "…"
  }
}
