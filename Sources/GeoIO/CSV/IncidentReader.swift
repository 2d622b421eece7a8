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
/// Each file is read in windows of a few MiB (`FileWindow`); a window is cut into blocks parsed on
/// all cores at once (`SpeculativeSplit`), and the blocks are merged in file order into the
/// chunks, counts and skipped-row lists, so everything (tables, chunk boundaries, line numbers,
/// the first 1,000 skipped rows, warnings, the error that stops a read) is the same as one
/// sequential pass, whatever `IncidentReadPlan`. Until the CRS of x/y columns is decided the
/// rows are parsed on one thread, since the range check of later rows depends on it. Numbers are
/// parsed from bytes (`NumberParsing`), with no `String` per numeric field, and each distinct
/// label is decoded to a `String` once per block.
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
    plan: IncidentReadPlan = .automatic, body: (IncidentTable) throws(InputError) -> Void
  ) throws(InputError) -> IncidentReadReport {
    try stream(files: [file], options: options, chunkRows: chunkRows, plan: plan, body: body)
  }

  /// `stream(file:)` over several files read one after another as one sequence of rows. Their
  /// headers must be identical; the first file's columns and CRS apply to all.
  /// - Throws: as `stream(file:)`, and `.headerMismatch` naming the first file whose header differs.
  public static func stream(
    files: [String], options: IncidentColumnOptions, chunkRows: Int = 65_536,
    plan: IncidentReadPlan = .automatic, body: (IncidentTable) throws(InputError) -> Void
  ) throws(InputError) -> IncidentReadReport {
    precondition(chunkRows > 0, "chunkRows must be positive")
    guard let firstFile = files.first else {
      throw InputError(file: "", reason: .other("no incident files were given"))
    }
    let firstScanner = try CSVScanner(file: firstFile, maxRecordBytes: plan.maxRecordBytes)
    let header = try readHeader(firstScanner)
    let mapping = try ColumnMapping(header: header, options: options, file: firstFile)
    var reader = RowReader(mapping: mapping, options: options, chunkRows: chunkRows, plan: plan)
    try reader.read(firstScanner, body: body)
    for file in files.dropFirst() {
      let scanner = try CSVScanner(file: file, maxRecordBytes: plan.maxRecordBytes)
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
  public static func read(
    files: [String], options: IncidentColumnOptions, plan: IncidentReadPlan = .automatic
  ) throws(InputError) -> (table: IncidentTable, report: IncidentReadReport) {
    var table: IncidentTable?
    let report = try stream(files: files, options: options, chunkRows: .max, plan: plan) { chunk in
      if table == nil {
        table = chunk
      } else {
        table?.append(contentsOf: chunk)
      }
    }
    let empty = RowReader.makeTable(
      mapping: options.keepsLabels ? report.mapping : report.mapping.withoutLabels(),
      crs: report.crsDecision.crs, capacity: 0)
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
/// Blocks of rows (`IncidentBlock`) are merged into it in file order.
private struct RowReader {
  let mapping: ColumnMapping
  /// The columns whose values are stored: `mapping`, without its labels unless they are kept.
  let stored: ColumnMapping
  let options: IncidentColumnOptions
  let chunkRows: Int
  let plan: IncidentReadPlan
  /// Nil until decided from the first rows' range (x/y columns without a declared CRS).
  var decision: CRSDecision?
  var chunk: IncidentTable
  /// Chunks filled before the CRS was decided.
  var pending: [IncidentTable] = []

  var files: [String] = []
  var dataRows = 0
  var rowsWithLocation = 0
  var rowsWithoutLocation = 0
  var unlocated: [UnlocatedKey: Int] = [:]
  var skippedRows = 0
  var undatedRows = 0
  var firstUndated: InputError?
  var skipped: [InputError] = []
  var skipCounts: [SkipKey: Int] = [:]
  var problems: [InputError] = []
  var monthCounts: [Int: Int] = [:]
  /// Kept rows per month in the file being read.
  var fileMonths: [Int: Int] = [:]
  /// The index in `files` of the first file holding each month.
  var monthFirstFile: [Int: Int] = [:]
  var categoryCounts: [String: Int] = [:]
  var boundingBox = BoundingBox.empty

  var categoryLabels = LabelEncoder()
  var locationLabels = LabelEncoder()
  var idLabels = LabelEncoder()

  init(mapping: ColumnMapping, options: IncidentColumnOptions, chunkRows: Int, plan: IncidentReadPlan) {
    self.mapping = mapping
    stored = options.keepsLabels ? mapping : mapping.withoutLabels()
    self.options = options
    self.chunkRows = chunkRows
    self.plan = plan
    if let declared = options.declaredCRS {
      decision = CRSDecision(crs: declared, rule: .declaredByUser)
    } else {
      decision = mapping.crsFromColumnNames
    }
    chunk = RowReader.makeTable(
      mapping: stored, crs: decision?.crs ?? .planar, capacity: min(chunkRows, 65_536))
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

  /// Reads every data record of `scanner`'s file (its header already read), window by window.
  mutating func read(
    _ scanner: CSVScanner, body: (IncidentTable) throws(InputError) -> Void
  ) throws(InputError) {
    let file = scanner.file
    let fileIndex = files.count
    files.append(file)
    fileMonths.removeAll()
    var offset = scanner.offset
    var line = scanner.line
    let pipeline = try WindowPipeline(file: file, plan: plan)
    var capacity = pipeline.plannedCapacity

    reading: while true {
      // Until the CRS is decided, one thread: the rows after the sample are range-checked.
      let rowLimit = decision == nil ? IncidentReader.crsSampleRows - rowsWithLocation : .max
      let parser = IncidentBlockParser(
        file: file, mapping: stored, strict: options.strict, crs: decision?.crs, keepsUndated: options.keepsUndated)
      let window = try pipeline.parse(
        at: offset, capacity: capacity, parser: parser, rowLimit: rowLimit)
      let parsed = window.parsed
      for (block, lineOffset) in parsed.accepted {
        try merge(window.split.block(block), file: file, line: line + lineOffset, body: body)
      }
      if case .rowLimit = parsed.stop { try decideCRS(body: body) }
      offset += parsed.consumed
      line += parsed.newlines
      // A window widened for a long record goes back to the plan's size once it is passed.
      capacity = pipeline.plannedCapacity
      switch parsed.stop {
      case .endOfFile: break reading
      case .limit where window.atEndOfFile && parsed.consumed == window.count: break reading
      case .needMore where parsed.consumed == 0:
        // The first record is longer than the window: widen it. The record scanner reports a
        // record over the limit once it sees `maxRecordBytes + 1` of its bytes.
        guard window.capacity <= plan.maxRecordBytes else {
          throw CSVRecordScanner(file: file, maxRecordBytes: plan.maxRecordBytes)
            .recordTooLong(line: line)
        }
        capacity = min(2 * window.capacity, plan.maxRecordBytes + 1)
      default: continue
      }
    }

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

  /// Adds a block's rows, counts and skipped rows (`line` is the line of the block's start), in
  /// file order; hands over each chunk that fills; throws the block's failure after its rows.
  private mutating func merge(
    _ block: IncidentBlock, file: String, line: Int,
    body: (IncidentTable) throws(InputError) -> Void
  ) throws(InputError) {
    dataRows += block.dataRows
    rowsWithoutLocation += block.rowsWithoutLocation
    for (key, count) in block.unlocated { unlocated[key, default: 0] += count }
    skippedRows += block.skippedRows
    undatedRows += block.undatedRows
    if firstUndated == nil, let first = block.firstUndated, let column = mapping.date?.index {
      firstUndated = InputError(
        file: file, line: line + first.line, field: mapping.header[column], reason: .badDate(first.text))
    }
    for row in block.skipped where skipped.count < IncidentReadReport.skippedDetailLimit {
      skipped.append(
        InputError(
          file: file, line: line + row.line,
          field: row.column >= 0 ? mapping.header[row.column] : nil, reason: row.reason))
    }
    for (key, count) in block.skipCounts { skipCounts[key, default: 0] += count }
    for (month, count) in block.months { fileMonths[month, default: 0] += count }
    // Boxes joined in file order keep the first of equal extremes, as growing row by row does.
    boundingBox = boundingBox.union(block.box)

    var row = 0
    while row < block.count {
      let rows = row..<min(block.count, row + (chunkRows - chunk.x.count))
      chunk.x.append(contentsOf: UnsafeBufferPointer(rebasing: block.x[rows]))
      chunk.y.append(contentsOf: UnsafeBufferPointer(rebasing: block.y[rows]))
      if chunk.date != nil { chunk.date?.append(contentsOf: UnsafeBufferPointer(rebasing: block.date[rows])) }
      if chunk.weight != nil { chunk.weight?.append(contentsOf: UnsafeBufferPointer(rebasing: block.weight[rows])) }
      if chunk.category != nil { categoryLabels.append(block.category, rows: rows) }
      if chunk.location != nil { locationLabels.append(block.location, rows: rows) }
      if chunk.id != nil { idLabels.append(block.id, rows: rows) }
      rowsWithLocation += rows.count
      row = rows.upperBound
      if chunk.x.count == chunkRows { try completeChunk(body: body) }
    }

    if case .failed(var error) = block.stop {
      if let relative = error.line { error.line = line + relative }
      throw error
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
    let withoutLocation = unlocated.map {
      (date: IncidentDate(packed: $0.key.date), category: $0.key.category, count: $0.value)
    }
    .sorted { a, b in a.date != b.date ? a.date < b.date : (a.category ?? "") < (b.category ?? "") }
    var report = IncidentReadReport(
      files: files, format: mapping.format, mapping: mapping, crsDecision: crsDecision,
      dataRows: dataRows, rowsWithLocation: rowsWithLocation,
      rowsWithoutLocation: rowsWithoutLocation,
      skippedRows: skippedRows, skipped: skipped, skippedByReason: byReason, problems: problems,
      months: months, categoryCounts: categories, boundingBox: boundingBox, withoutLocation: withoutLocation)
    report.undatedRows = undatedRows
    report.firstUndated = firstUndated
    return report
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
    chunk = RowReader.makeTable(mapping: stored, crs: full.crs, capacity: min(chunkRows, 65_536))
    if full.category != nil { full.category = categoryLabels.makeColumn() }
    if full.location != nil { full.location = locationLabels.makeColumn() }
    if full.id != nil { full.id = idLabels.makeColumn() }
    return full
  }

  private mutating func emit(
    _ table: IncidentTable, body: (IncidentTable) throws(InputError) -> Void
  ) throws(InputError) {
    if let category = table.category {
      for (value, count) in zip(category.values, category.countsByValue()) {
        categoryCounts[value, default: 0] += count
      }
    }
    try body(table)
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
}
