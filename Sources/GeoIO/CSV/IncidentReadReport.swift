import GeoCore

/// What reading incident files found: how the columns and CRS were chosen, how many rows were
/// kept, left without a location or skipped (and why), and what the kept rows hold.
///
/// Every data record is accounted for: `dataRows == rowsWithLocation + rowsWithoutLocation +
/// skippedRows`. Months, categories and the bounding box describe the kept rows (those in the
/// table). Every list is in a deterministic order.
public struct IncidentReadReport: Sendable {
  /// How many skipped rows `skipped` keeps in full; all of them are counted in `skippedByReason`.
  public static let skippedDetailLimit = 1_000

  /// The files read, in order.
  public var files: [String]
  /// The layout recognised from the header: police.uk street-level or plain CSV.
  public var format: IncidentFileFormat
  /// Which columns were read for what, and why.
  public var mapping: ColumnMapping
  /// The CRS of the table's coordinates and the rule that chose it.
  public var crsDecision: CRSDecision
  /// Data records (the header and blank lines not counted).
  public var dataRows: Int
  /// Rows kept in the table.
  public var rowsWithLocation: Int
  /// Rows whose coordinate fields are both empty (police.uk publishes some): counted, not stored,
  /// not errors.
  public var rowsWithoutLocation: Int
  /// The rows without a location by date and category, so that a period or category filter can
  /// be applied to them: date packed 0 where the file has no date column or the field is not a
  /// date, category nil without a category column. Sorted by date, then category; the counts add
  /// up to `rowsWithoutLocation` (for a file read; empty for a table held in memory).
  public var withoutLocation: [(date: IncidentDate, category: String?, count: Int)]
  /// Rows skipped as bad (all of them).
  public var skippedRows: Int
  /// The first `skippedDetailLimit` skipped rows, each with file, line, column and reason.
  public var skipped: [InputError]
  /// Every skipped row counted by reason and column, most frequent first, then by text.
  public var skippedByReason: [(reason: String, count: Int)]
  /// Warnings that skip nothing (a month that appears in several files).
  public var problems: [InputError]
  /// Kept rows per month (`IncidentDate.monthIndex`), in chronological order; empty without a
  /// date column.
  public var months: [(monthIndex: Int, count: Int)]
  /// Kept rows per category, most frequent first, then by name; empty without a category column.
  public var categoryCounts: [(category: String, count: Int)]
  /// The bounding box of the kept rows, in `crsDecision.crs`.
  public var boundingBox: BoundingBox
  /// Kept rows whose date is empty or unreadable (only with `IncidentColumnOptions.keepsUndated`;
  /// otherwise such rows are skipped): in the table without a date, and in no month.
  public var undatedRows = 0
  /// The first undated row: file, line, date column and the value found.
  public var firstUndated: InputError?

  /// A report from its parts, stored as given; the caller keeps `dataRows == rowsWithLocation +
  /// rowsWithoutLocation + skippedRows` and the orders described above (not checked).
  public init(
    files: [String], format: IncidentFileFormat, mapping: ColumnMapping, crsDecision: CRSDecision,
    dataRows: Int, rowsWithLocation: Int, rowsWithoutLocation: Int, skippedRows: Int,
    skipped: [InputError], skippedByReason: [(reason: String, count: Int)], problems: [InputError],
    months: [(monthIndex: Int, count: Int)], categoryCounts: [(category: String, count: Int)],
    boundingBox: BoundingBox, withoutLocation: [(date: IncidentDate, category: String?, count: Int)] = []
  ) {
    self.withoutLocation = withoutLocation
    self.files = files
    self.format = format
    self.mapping = mapping
    self.crsDecision = crsDecision
    self.dataRows = dataRows
    self.rowsWithLocation = rowsWithLocation
    self.rowsWithoutLocation = rowsWithoutLocation
    self.skippedRows = skippedRows
    self.skipped = skipped
    self.skippedByReason = skippedByReason
    self.problems = problems
    self.months = months
    self.categoryCounts = categoryCounts
    self.boundingBox = boundingBox
  }
}
