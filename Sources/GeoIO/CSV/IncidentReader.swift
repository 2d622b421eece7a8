import GeoCore

/// Reads incident CSV files (RFC 4180; police.uk street-level files as downloaded, or any CSV with
/// named columns) into `IncidentTable`s, in one streaming pass over the bytes.
///
/// ## Rows
/// Each data record becomes one kept row, a row without location, or a skipped row:
/// - both coordinate fields empty (police.uk has such rows): a row without location, counted and
///   not stored; its other fields are not checked;
/// - skipped, with file, line, column and reason: a wrong number of fields (more than the header,
///   or fewer, except that a missing last column is read as empty), one coordinate empty, a
///   coordinate or weight that is not a finite number (`abc`, `1e400`, `NaN`, `inf`), a coordinate
///   outside its CRS (WGS84 beyond ±180°/±90°; British National Grid beyond 0–700 km E,
///   0–1,300 km N), or a date that `DateParsing` does not read. With `options.strict` the first
///   such row is thrown instead.
/// Numbers and dates may have spaces around them; labels (category, location, id) are kept as
/// written, with U+FFFD in place of invalid UTF-8 (`LabelEncoder`). An invalid UTF-8 header is an
/// error.
///
/// ## CRS
/// `options.declaredCRS` wins; else the column names decide (longitude/latitude → WGS84,
/// easting/northing → British National Grid); else (`x`/`y`, or columns named in the options) the
/// range of the first 65,536 rows with a location decides, through `CRSDecision.decide`, and later
/// rows outside that CRS are skipped. Until then rows are held back, so a caller of `stream` sees its
/// first chunk only after 65,536 rows (or the end); results never depend on `chunkRows`.
///
/// ## Speed
/// One pass over the bytes (`CSVScanner`), numbers parsed from bytes (`NumberParsing`), no `String`
/// per numeric field, and each distinct label decoded to a `String` once per chunk.
public enum IncidentReader {
  /// Rows with a location whose range decides the CRS of `x`/`y` columns.
  public static let crsSampleRows = 65_536

  /// Reads `file` and hands its rows to `body` in consecutive chunks of `chunkRows` rows (the last
  /// may be shorter), each an `IncidentTable` with the same columns and CRS, so the whole file is
  /// never in memory. `body` is not called when no row is kept. With `x`/`y` columns and no
  /// declared CRS, the first chunks come only once the CRS is decided (the type's CRS section).
  /// - Returns: the report of the read, once every chunk has been handed over.
  /// - Throws: errors opening or reading the file, a bad header (see `ColumnMapping`), an
  ///   unterminated quote, errors thrown by `body`, and with `options.strict` the first bad row.
  /// - Complexity: O(bytes) time; O(chunkRows + longest record) memory.
  public static func stream(
    file: String, options: IncidentColumnOptions, chunkRows: Int = 65_536,
    body: (IncidentTable) throws(InputError) -> Void
  ) throws(InputError) -> IncidentReadReport {
    try stream(files: [file], options: options, chunkRows: chunkRows, body: body)
  }

  /// `stream(file:)` over several files read one after another as one sequence of rows. Their
  /// headers must be identical; the first file's columns and CRS apply to all.
  /// - Throws: as `stream(file:)`, and `.headerMismatch` naming the first file whose header differs.
  public static func stream(
    files: [String], options: IncidentColumnOptions, chunkRows: Int = 65_536,
    body: (IncidentTable) throws(InputError) -> Void
  ) throws(InputError) -> IncidentReadReport {
    precondition(chunkRows > 0, "chunkRows must be positive")
    guard let firstFile = files.first else {
      throw InputError(file: "", reason: .other("no incident files were given"))
    }
    let firstScanner = try CSVScanner(file: firstFile)
    let header = try readHeader(firstScanner)
    let mapping = try ColumnMapping(header: header, options: options, file: firstFile)
    var reader = RowReader(mapping: mapping, options: options, chunkRows: chunkRows)
    try reader.read(firstScanner, body: body)
    for file in files.dropFirst() {
      let scanner = try CSVScanner(file: file)
      let otherHeader = try readHeader(scanner)
      guard otherHeader == header else {
        throw InputError(
          file: file, line: 1,
          reason: .headerMismatch(
            expected: header.joined(separator: ","), found: otherHeader.joined(separator: ",")))
      }
      try reader.read(scanner, body: body)
    }
    return try reader.finish(body: body)
  }

  /// All rows of `files` in one table (police.uk publishes one file per force per month).
  ///
  /// The headers must agree; a month found in more than one file is reported in
  /// `report.problems` (`.monthInSeveralFiles`), since it usually means a file was given twice.
  /// - Throws: as `stream(files:)`.
  /// - Complexity: O(bytes) time; O(rows) memory.
  public static func read(files: [String], options: IncidentColumnOptions) throws(InputError) -> (
    table: IncidentTable, report: IncidentReadReport
  ) {
    var table: IncidentTable?
    let report = try stream(files: files, options: options, chunkRows: .max) { chunk in
      if table == nil {
        table = chunk
      } else {
        table?.append(contentsOf: chunk)
      }
    }
    let empty = RowReader.makeTable(
      mapping: report.mapping, crs: report.crsDecision.crs, capacity: 0)
    return (table ?? empty, report)
  }

  /// The header record as names, rejecting invalid UTF-8.
  private static func readHeader(_ scanner: CSVScanner) throws(InputError) -> [String] {
    guard let record = try scanner.next() else {
      throw InputError(file: scanner.file, reason: .emptyFile)
    }
    var names: [String] = []
    names.reserveCapacity(record.count)
    for index in 0..<record.count {
      let bytes = record[index]
      if let offset = firstInvalidUTF8(bytes) {
        throw InputError(
          file: scanner.file, line: record.line, field: "column \(index + 1) of the header",
          reason: .invalidUTF8(byteOffset: record.fileOffset(ofField: index) + offset))
      }
      names.append(String(decoding: bytes, as: UTF8.self))
    }
    return names
  }

  /// The offset of the first byte of `bytes` that is not valid UTF-8, nil if all are.
  static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var offset = 0
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): offset += UTF8.width(scalar)
      case .emptyInput: return nil
      case .error: return offset
      }
    }
  }
}

/// The state of one read across its files: the chunk being filled, the counts, the skipped rows.
private struct RowReader {
  let mapping: ColumnMapping
  let options: IncidentColumnOptions
  let chunkRows: Int
  /// Nil until decided from the first rows' range (x/y columns without a declared CRS).
  var decision: CRSDecision?
  var chunk: IncidentTable
  /// Chunks filled before the CRS was decided.
  var pending: [IncidentTable] = []

  var files: [String] = []
  var dataRows = 0
  var rowsWithLocation = 0
  var rowsWithoutLocation = 0
  var skippedRows = 0
  var skipped: [InputError] = []
  var skipCounts: [SkipKey: Int] = [:]
  var problems: [InputError] = []
  var monthCounts: [Int: Int] = [:]
  /// The index in `files` of the first file holding each month.
  var monthFirstFile: [Int: Int] = [:]
  var categoryCounts: [String: Int] = [:]
  var boundingBox = BoundingBox.empty

  var categoryLabels = LabelEncoder()
  var locationLabels = LabelEncoder()
  var idLabels = LabelEncoder()

  init(mapping: ColumnMapping, options: IncidentColumnOptions, chunkRows: Int) {
    self.mapping = mapping
    self.options = options
    self.chunkRows = chunkRows
    if let declared = options.declaredCRS {
      decision = CRSDecision(crs: declared, rule: .declaredByUser)
    } else {
      decision = mapping.crsFromColumnNames
    }
    chunk = RowReader.makeTable(
      mapping: mapping, crs: decision?.crs ?? .planar, capacity: min(chunkRows, 65_536))
  }

  /// An empty table with the mapping's columns, arrays reserved for `capacity` rows.
  static func makeTable(mapping: ColumnMapping, crs: CRS, capacity: Int) -> IncidentTable {
    var table = IncidentTable(crs: crs)
    table.x.reserveCapacity(capacity)
    table.y.reserveCapacity(capacity)
    if mapping.date != nil {
      table.date = []
      table.date?.reserveCapacity(capacity)
    }
    if mapping.weight != nil {
      table.weight = []
      table.weight?.reserveCapacity(capacity)
    }
    if mapping.category != nil {
      table.category = CodedColumn()
      table.category?.reserveCapacity(capacity)
    }
    if mapping.location != nil {
      table.location = CodedColumn()
      table.location?.reserveCapacity(capacity)
    }
    if mapping.id != nil {
      table.id = CodedColumn()
      table.id?.reserveCapacity(capacity)
    }
    return table
  }

  /// Which coordinate ranges rows are checked against.
  enum RangeCheck {
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

  /// Reads every data record of `scanner` (its header already read).
  mutating func read(
    _ scanner: CSVScanner, body: (IncidentTable) throws(InputError) -> Void
  ) throws(InputError) {
    let file = scanner.file
    let fileIndex = files.count
    files.append(file)
    let columnCount = mapping.header.count
    let xIndex = mapping.x.index
    let yIndex = mapping.y.index
    let dateIndex = mapping.date?.index ?? -1
    let weightIndex = mapping.weight?.index ?? -1
    let categoryIndex = mapping.category?.index ?? -1
    let locationIndex = mapping.location?.index ?? -1
    let idIndex = mapping.id?.index ?? -1
    var range = RangeCheck(decision?.crs)
    var crsName = decision?.crs.description ?? ""
    var fileMonths: [Int: Int] = [:]
    var currentMonth = -1
    var currentMonthCount = 0

    while let record = try scanner.next() {
      dataRows += 1
      let line = record.line
      guard record.count == columnCount || record.count == columnCount - 1 else {
        try skip(
          .fieldCount, column: -1, file: file, line: line,
          .fieldCount(found: record.count, expected: columnCount))
        continue
      }
      let xField = RowReader.trimmed(record[xIndex])
      let yField = RowReader.trimmed(record[yIndex])
      if xField.isEmpty || yField.isEmpty {
        if xField.isEmpty && yField.isEmpty {
          rowsWithoutLocation += 1
        } else {
          try skip(
            .oneCoordinate, column: xField.isEmpty ? xIndex : yIndex, file: file, line: line,
            .noLocation)
        }
        continue
      }
      guard let x = NumberParsing.double(xField), x.isFinite else {
        try skip(
          .notANumber, column: xIndex, file: file, line: line, .notANumber(RowReader.text(xField)))
        continue
      }
      guard let y = NumberParsing.double(yField), y.isFinite else {
        try skip(
          .notANumber, column: yIndex, file: file, line: line, .notANumber(RowReader.text(yField)))
        continue
      }
      switch range {
      case .none: break
      case .wgs84:
        if !(x >= -180 && x <= 180) {
          try skip(
            .outOfRange, column: xIndex, file: file, line: line,
            .coordinateOutOfRange(value: x, crs: crsName))
          continue
        }
        if !(y >= -90 && y <= 90) {
          try skip(
            .outOfRange, column: yIndex, file: file, line: line,
            .coordinateOutOfRange(value: y, crs: crsName))
          continue
        }
      case .britishNationalGrid:
        if !(x >= 0 && x <= 700_000) {
          try skip(
            .outOfRange, column: xIndex, file: file, line: line,
            .coordinateOutOfRange(value: x, crs: crsName))
          continue
        }
        if !(y >= 0 && y <= 1_300_000) {
          try skip(
            .outOfRange, column: yIndex, file: file, line: line,
            .coordinateOutOfRange(value: y, crs: crsName))
          continue
        }
      }
      var date = IncidentDate(packed: 0)
      if dateIndex >= 0 {
        let field = record[dateIndex]
        guard let parsed = DateParsing.date(field) else {
          try skip(
            .badDate, column: dateIndex, file: file, line: line, .badDate(RowReader.text(field)))
          continue
        }
        date = parsed
      }
      var weight = 1.0
      if weightIndex >= 0 {
        let field = RowReader.trimmed(record[weightIndex])
        guard let parsed = NumberParsing.double(field), parsed.isFinite else {
          try skip(
            .notANumber, column: weightIndex, file: file, line: line,
            .notANumber(RowReader.text(field)))
          continue
        }
        weight = parsed
      }

      chunk.x.append(x)
      chunk.y.append(y)
      if dateIndex >= 0 {
        chunk.date?.append(date)
        let month = date.monthIndex
        if month != currentMonth {
          if currentMonthCount > 0 { fileMonths[currentMonth, default: 0] += currentMonthCount }
          currentMonth = month
          currentMonthCount = 0
        }
        currentMonthCount += 1
      }
      if weightIndex >= 0 { chunk.weight?.append(weight) }
      if categoryIndex >= 0 { categoryLabels.append(record[categoryIndex]) }
      if locationIndex >= 0 { locationLabels.append(record[locationIndex]) }
      if idIndex >= 0 { idLabels.append(record[idIndex]) }
      rowsWithLocation += 1

      if decision == nil && rowsWithLocation == IncidentReader.crsSampleRows {
        try decideCRS(body: body)
        range = RangeCheck(decision?.crs)
        crsName = decision?.crs.description ?? ""
      }
      if chunk.x.count == chunkRows { try completeChunk(body: body) }
    }

    if currentMonthCount > 0 { fileMonths[currentMonth, default: 0] += currentMonthCount }
    for (month, count) in fileMonths.sorted(by: { $0.key < $1.key }) {
      monthCounts[month, default: 0] += count
      if let first = monthFirstFile[month] {
        problems.append(
          InputError(
            file: file,
            reason: .monthInSeveralFiles(
              month: IncidentDate.monthText(monthIndex: month), otherFile: files[first])))
      } else {
        monthFirstFile[month] = fileIndex
      }
    }
  }

  /// Hands over the last chunk and builds the report.
  mutating func finish(
    body: (IncidentTable) throws(InputError) -> Void
  ) throws(InputError) -> IncidentReadReport {
    if decision == nil { try decideCRS(body: body) }
    if !chunk.x.isEmpty { try emit(sealChunk(), body: body) }
    let crsDecision = decision ?? CRSDecision(crs: .planar, rule: .coordinateRangePlanar)

    let byReason = skipCounts.map { key, count in
      (reason: describe(key, crs: crsDecision.crs), count: count)
    }.sorted { a, b in a.count != b.count ? a.count > b.count : a.reason < b.reason }
    let months = monthCounts.map { (monthIndex: $0.key, count: $0.value) }
      .sorted { $0.monthIndex < $1.monthIndex }
    let categories = categoryCounts.map { (category: $0.key, count: $0.value) }
      .sorted { a, b in a.count != b.count ? a.count > b.count : a.category < b.category }
    return IncidentReadReport(
      files: files, format: mapping.format, mapping: mapping, crsDecision: crsDecision,
      dataRows: dataRows, rowsWithLocation: rowsWithLocation,
      rowsWithoutLocation: rowsWithoutLocation,
      skippedRows: skippedRows, skipped: skipped, skippedByReason: byReason, problems: problems,
      months: months, categoryCounts: categories, boundingBox: boundingBox)
  }

  /// Decides the CRS from the range of the rows held back, then hands them over.
  private mutating func decideCRS(body: (IncidentTable) throws(InputError) -> Void)
    throws(InputError)
  {
    var bounds = chunk.boundingBox
    for table in pending { bounds = bounds.union(table.boundingBox) }
    let decided = CRSDecision.decide(userDeclared: nil, fileDeclared: nil, bounds: bounds)
    decision = decided
    let held = pending
    pending = []
    for var table in held {
      table.crs = decided.crs
      try emit(table, body: body)
    }
    chunk.crs = decided.crs
  }

  /// Hands over the full chunk (or holds it back until the CRS is decided) and starts the next.
  private mutating func completeChunk(body: (IncidentTable) throws(InputError) -> Void)
    throws(InputError)
  {
    let full = sealChunk()
    if decision == nil {
      pending.append(full)
    } else {
      try emit(full, body: body)
    }
  }

  /// The current chunk with its label columns filled in; the next chunk starts empty.
  private mutating func sealChunk() -> IncidentTable {
    var full = chunk
    chunk = RowReader.makeTable(mapping: mapping, crs: full.crs, capacity: min(chunkRows, 65_536))
    if full.category != nil { full.category = categoryLabels.makeColumn() }
    if full.location != nil { full.location = locationLabels.makeColumn() }
    if full.id != nil { full.id = idLabels.makeColumn() }
    return full
  }

  private mutating func emit(
    _ table: IncidentTable, body: (IncidentTable) throws(InputError) -> Void
  ) throws(InputError) {
    boundingBox = boundingBox.union(table.boundingBox)
    if let category = table.category {
      for (value, count) in zip(category.values, category.countsByValue()) {
        categoryCounts[value, default: 0] += count
      }
    }
    try body(table)
  }

  // MARK: Skipped rows

  enum SkipKind: Hashable {
    case fieldCount
    case oneCoordinate
    case notANumber
    case outOfRange
    case badDate
  }

  struct SkipKey: Hashable {
    var kind: SkipKind
    /// The column index, -1 for the whole row.
    var column: Int
  }

  /// Counts a bad row; keeps its error while fewer than the limit are kept; throws it when strict.
  private mutating func skip(
    _ kind: SkipKind, column: Int, file: String, line: Int,
    _ reason: @autoclosure () -> InputError.Reason
  ) throws(InputError) {
    if options.strict || skipped.count < IncidentReadReport.skippedDetailLimit {
      let error = InputError(
        file: file, line: line, field: column >= 0 ? mapping.header[column] : nil, reason: reason())
      if options.strict { throw error }
      skipped.append(error)
    }
    skippedRows += 1
    skipCounts[SkipKey(kind: kind, column: column), default: 0] += 1
  }

  private func describe(_ key: SkipKey, crs: CRS) -> String {
    let column = key.column >= 0 ? "'\(mapping.header[key.column])'" : ""
    switch key.kind {
    case .fieldCount: return "wrong number of fields"
    case .oneCoordinate: return "one coordinate missing (\(column) is empty)"
    case .notANumber: return "not a number in \(column)"
    case .outOfRange: return "\(column) out of range for \(crs)"
    case .badDate: return "not a date in \(column)"
    }
  }

  // MARK: Fields

  /// `bytes` without leading and trailing spaces and tabs.
  @inline(__always)
  static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
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
