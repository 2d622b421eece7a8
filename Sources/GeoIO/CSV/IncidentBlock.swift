import GeoCore

/// What one stretch of an incident file's bytes holds, parsed on its own: the kept rows as
/// columns, the counts, the first skipped rows in full, and where and why the parse stopped.
///
/// Lines are numbered from 0 at `start` (the line of the stretch's first byte is unknown while
/// other stretches are parsed at the same time); `IncidentReader` adds the real line of `start`
/// when it merges the blocks in file order. A block is reused: `parse` clears it first, keeping
/// its arrays' capacity. A value type, so the parser fills it without exclusivity checks.
struct IncidentBlock {
  /// Why the parse stopped.
  enum Stop {
    /// The next record starts at or after the limit: the block is complete.
    case limit
    /// The bytes end inside a record and the file goes on: `end` is that record's start.
    case needMore
    /// The file ends: nothing follows `end`.
    case endOfFile
    /// The row limit was reached: `end` is after the last row counted.
    case rowLimit
    /// A record the scanner refused, or (strict) the first bad row: rows before it are kept.
    case failed(InputError)
  }

  /// A skipped row, its line relative to the block's start.
  struct SkippedRow {
    var kind: SkipKind
    /// The column index, -1 for the whole row.
    var column: Int
    var line: Int
    var reason: InputError.Reason
  }

  /// The position (in the parsed buffer) of the first byte parsed.
  var start = 0
  /// The position after the last byte consumed: the start of the first record not parsed.
  var end = 0
  /// The LF bytes from `start` to `end`.
  var newlines = 0
  var stop = Stop.limit

  var x: [Double] = []
  var y: [Double] = []
  var date: [IncidentDate] = []
  var weight: [Double] = []
  var category = CodedColumn()
  var location = CodedColumn()
  var id = CodedColumn()
  var months = MonthTally()
  /// The bounding box of the kept rows, grown row by row in file order.
  var box = BoundingBox.empty

  var dataRows = 0
  var rowsWithoutLocation = 0
  var skippedRows = 0
  /// The first `IncidentReadReport.skippedDetailLimit` skipped rows.
  var skipped: [SkippedRow] = []
  var skipCounts: [SkipKey: Int] = [:]

  var categoryLabels = LabelEncoder()
  var locationLabels = LabelEncoder()
  var idLabels = LabelEncoder()

  /// Rows kept.
  var count: Int { x.count }

  /// Empties the block for a parse from `start`, keeping its storage.
  mutating func clear(start: Int) {
    self.start = start
    end = start
    newlines = 0
    stop = .limit
    x.removeAll(keepingCapacity: true)
    y.removeAll(keepingCapacity: true)
    date.removeAll(keepingCapacity: true)
    weight.removeAll(keepingCapacity: true)
    months.reset()
    box = .empty
    dataRows = 0
    rowsWithoutLocation = 0
    skippedRows = 0
    skipped.removeAll(keepingCapacity: true)
    skipCounts.removeAll(keepingCapacity: true)
  }
}

/// Why a row was skipped (with its column, the key of `IncidentReadReport.skippedByReason`).
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

