import GeoCore
import GeoIO
import SpatialAnalysis

/// Where a run's incidents come from and which of them it keeps: the incident options every
/// command shares (`--incidents`, the column options, `--crs`, `--strict`, `--period`,
/// `--category`), declared once.
public struct IncidentSource: Hashable, Sendable {
  /// Files, folders of CSV files, or globs, in the order given; expanded by `IncidentSources`.
  public var files: [String]
  /// How the columns are found, the declared CRS (`declaredCRS`) and `strict`.
  public var columns: IncidentColumnOptions
  /// The period and categories kept.
  public var filter: IncidentFilter

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

  /// The user's declared CRS of the inputs (`--crs`), if any.
  public var declaredCRS: CRS? { columns.declaredCRS }

  /// The files `files` names, folders and globs expanded, in reading order.
  /// - Throws: `InputError` for a missing file or a glob that matches nothing.
  public func expandedFiles() throws(InputError) -> [String] { try IncidentSources.expand(files) }
}
