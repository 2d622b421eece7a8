import GeoCore
import GeoIO
import SpatialAnalysis

/// Where a run's incidents come from and which of them it keeps: the incident options every
/// command shares (`--incidents`, the column options, `--crs`, `--strict`, `--period`,
/// `--category`), declared once.
public struct IncidentSource: Sendable {
  /// Files, folders of CSV files, or globs, in the order given; expanded by `IncidentSources`.
  public var files: [String]
  /// How the columns are found, the declared CRS (`declaredCRS`) and `strict`.
  public var columns: IncidentColumnOptions
  /// The period and categories kept.
  public var filter: IncidentFilter
  /// Incidents already in memory, read instead of `files` (in their own CRS, `table.crs`).
  public var table: IncidentTable?
  /// Keep locational outliers (`--keep-outliers`): by default a run whose grid, extent or study
  /// area comes from the incidents sets them aside (`LocationalOutliers`).
  public var keepsOutliers = false

  /// How incidents in memory are named in messages and accounting.
  public static let inMemoryName = "incidents in memory"

  /// - Parameters:
  ///   - files: files, folders or globs of incident CSV (police.uk files as downloaded, or any CSV
  ///     with coordinate columns).
  ///   - columns: column names and the declared CRS; by default found from the header.
  ///   - filter: the period and categories kept; by default every incident.
  public init(
    files: [String], columns: IncidentColumnOptions = IncidentColumnOptions(), filter: IncidentFilter = IncidentFilter()
  ) {
    self.files = files
    self.columns = columns
    self.filter = filter
  }

  /// Incidents a program already holds, kept by `filter`; no file is read.
  public init(table: IncidentTable, filter: IncidentFilter = IncidentFilter()) {
    self.files = []
    self.columns = IncidentColumnOptions()
    self.filter = filter
    self.table = table
  }

  /// True when the source names no file and holds no table: no incidents are given.
  public var isEmpty: Bool { files.isEmpty && table == nil }

  /// The user's declared CRS of the inputs (`--crs`), if any.
  public var declaredCRS: CRS? { columns.declaredCRS }

  /// The files `files` names, folders and globs expanded, in reading order.
  /// - Throws: `InputError` for a missing file or a glob that matches nothing.
  /// Empty for incidents in memory.
  public func expandedFiles() throws(InputError) -> [String] {
    table == nil ? try IncidentSources.expand(files) : []
  }
}
