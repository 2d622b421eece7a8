import GeoCore

/// What one stretch of an incident file's bytes holds, parsed on its own: the kept rows as
/// columns, the counts, the first skipped rows in full, and where and why the parse stopped.
///
/// Lines are numbered from 0 at `start` (the line of the stretch's first byte is unknown while
/// other stretches are parsed at the same time); `IncidentReader` adds the real line of `start`
/// when it merges the blocks in file order. A block is reused: `parse` clears it first, keeping
/// its storage. A value type, so the parser fills it without exclusivity checks; its copies share
/// `rows`, and are only read (merged) before the block is parsed again.
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

  /// The kept rows' numbers (dates and weights only where the file has such columns), written
  /// by the parser through a `RowWriter`; `count` of each are valid.
  let rows = RowColumns()
  /// Rows kept.
  var count = 0
  var category = CodedColumn()
  var location = CodedColumn()
  var id = CodedColumn()
  /// Kept rows per month (`IncidentDate.monthIndex`), ascending.
  var months: [(month: Int, count: Int)] = []
  /// The bounding box of the kept rows, grown row by row in file order.
  var box = BoundingBox.empty

  var dataRows = 0
  var rowsWithoutLocation = 0
  /// Rows without a location by date and category, so that filters can be applied to them.
  var unlocated: [UnlocatedKey: Int] = [:]
  var skippedRows = 0
  /// Kept rows without a readable date (`IncidentColumnOptions.keepsUndated`).
  var undatedRows = 0
  /// The first of them: its line (relative to `start`) and the date field's text.
  var firstUndated: (line: Int, text: String)?
  /// The first `IncidentReadReport.skippedDetailLimit` skipped rows.
  var skipped: [SkippedRow] = []
  var skipCounts: [SkipKey: Int] = [:]

  var categoryLabels = LabelEncoder()
  var locationLabels = LabelEncoder()
  var idLabels = LabelEncoder()

  var x: UnsafeBufferPointer<Double> { UnsafeBufferPointer(start: rows.x, count: count) }
  var y: UnsafeBufferPointer<Double> { UnsafeBufferPointer(start: rows.y, count: count) }
  var date: UnsafeBufferPointer<IncidentDate> { UnsafeBufferPointer(start: rows.date, count: count) }
  var weight: UnsafeBufferPointer<Double> { UnsafeBufferPointer(start: rows.weight, count: count) }

  /// Empties the block for a parse from `start`, keeping its storage.
  mutating func clear(start: Int) {
    self.start = start
    end = start
    newlines = 0
    stop = .limit
    count = 0
    months.removeAll(keepingCapacity: true)
    box = .empty
    dataRows = 0
    rowsWithoutLocation = 0
    unlocated.removeAll(keepingCapacity: true)
    skippedRows = 0
    undatedRows = 0
    firstUndated = nil
    skipped.removeAll(keepingCapacity: true)
    skipCounts.removeAll(keepingCapacity: true)
  }
}

/// What a filter needs of a row without a location: its date (packed 0 when the file has no date
/// column or the field is not a date) and its category (nil without a category column).
struct UnlocatedKey: Hashable {
  var date: Int32
  var category: String?
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

/// The numeric columns of a block's kept rows, in storage the parser writes through raw pointers
/// (`RowWriter`), so that a row costs no array bookkeeping.
final class RowColumns {
  private(set) var x: UnsafeMutablePointer<Double>
  private(set) var y: UnsafeMutablePointer<Double>
  private(set) var date: UnsafeMutablePointer<IncidentDate>
  private(set) var weight: UnsafeMutablePointer<Double>
  private(set) var capacity: Int
  /// The counters of the rows' `MonthTally`.
  let monthWindow: UnsafeMutablePointer<Int>

  init(capacity: Int = 1_024) {
    self.capacity = capacity
    x = .allocate(capacity: capacity)
    y = .allocate(capacity: capacity)
    date = .allocate(capacity: capacity)
    weight = .allocate(capacity: capacity)
    monthWindow = .allocate(capacity: MonthTally.windowSize)
    monthWindow.initialize(repeating: 0, count: MonthTally.windowSize)
  }

  deinit {
    x.deallocate()
    y.deallocate()
    date.deallocate()
    weight.deallocate()
    monthWindow.deallocate()
  }

  /// Doubles the capacity, keeping the first `kept` rows of x, y and the columns in use.
  func grow(keeping kept: Int, dates: Bool, weights: Bool) {
    capacity *= 2
    x = RowColumns.moved(x, kept, capacity)
    y = RowColumns.moved(y, kept, capacity)
    date = RowColumns.moved(date, dates ? kept : 0, capacity)
    weight = RowColumns.moved(weight, weights ? kept : 0, capacity)
  }

  private static func moved<T>(_ old: UnsafeMutablePointer<T>, _ kept: Int, _ capacity: Int) -> UnsafeMutablePointer<T>
  {
    let new = UnsafeMutablePointer<T>.allocate(capacity: capacity)
    new.moveInitialize(from: old, count: kept)
    old.deallocate()
    return new
  }
}

/// Appends rows to a block's `RowColumns`, holding their addresses in local variables for the
/// length of one parse.
struct RowWriter {
  private let columns: RowColumns
  private var x: UnsafeMutablePointer<Double>
  private var y: UnsafeMutablePointer<Double>
  private var date: UnsafeMutablePointer<IncidentDate>
  private var weight: UnsafeMutablePointer<Double>
  private var capacity: Int
  /// Whether rows come with a date, and with a weight.
  private let dates: Bool
  private let weights: Bool
  private(set) var count = 0
  /// The rows per month of the dates appended.
  var months: MonthTally

  /// A writer from the first row of `columns`, for rows with a date when `dates` and with a
  /// weight when `weights`.
  init(_ columns: RowColumns, dates: Bool, weights: Bool) {
    self.columns = columns
    self.dates = dates
    self.weights = weights
    x = columns.x
    y = columns.y
    date = columns.date
    weight = columns.weight
    capacity = columns.capacity
    months = MonthTally(window: columns.monthWindow)
  }

  /// Appends a row, counting its month; `date` and `weight` are stored only when the writer
  /// takes them.
  @inline(__always)
  mutating func append(x: Double, y: Double, date: IncidentDate, weight: Double) {
    if count == capacity { grow() }
    self.x[count] = x
    self.y[count] = y
    if dates {
      self.date[count] = date
      if date.packed != 0 { months.add(date.monthIndex) }
    }
    if weights { self.weight[count] = weight }
    count &+= 1
  }

  @inline(never)
  private mutating func grow() {
    columns.grow(keeping: count, dates: dates, weights: weights)
    x = columns.x
    y = columns.y
    date = columns.date
    weight = columns.weight
    capacity = columns.capacity
  }
}
