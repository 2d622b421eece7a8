import GeoCore
import GeoIO

/// `hotspot inspect` as a value: what boundary and incident files hold, and what is wrong with
/// them. `run()` returns an `InspectResult` with one `FileDescription` per file.
public struct InspectRequest: Sendable {
  /// Boundary files (`.geojson`, `.shp`) and incident files (CSV), folders and globs, described
  /// in this order (a folder's or glob's files in sorted order).
  public var files: [String]

  /// The file endings taken from a folder.
  public static let folderExtensions = ["csv", "txt", "geojson", "json", "shp"]
  /// How the incident columns are found, and the declared CRS of every file (`declaredCRS`).
  public var columns: IncidentColumnOptions

  /// A description of `files`; by default columns and CRS are detected.
  public init(files: [String], columns: IncidentColumnOptions = IncidentColumnOptions()) {
    self.files = files
    self.columns = columns
  }

  /// Reads each file whole and describes it.
  /// - Throws: `InputError` for a file that cannot be read at all (problems within a readable
  ///   file are described, not thrown).
  public func run(progress: (String) -> Void = { _ in }) throws -> InspectResult {
    var expanded: [String] = []
    for spec in files { expanded += try IncidentSources.expand([spec], extensions: Self.folderExtensions) }
    var descriptions: [FileDescription] = []
    for file in expanded {
      if BoundaryReader.isBoundaryFile(file) {
        let layer = try BoundaryReader.read(file: file, declaredCRS: columns.declaredCRS)
        descriptions.append(FileDescription(boundary: layer, file: file))
      } else {
        do {
          var (table, report) = try IncidentReader.read(files: [file], options: columns)
          report.problems += Self.outlierProblems(table, report: report, file: file)
          descriptions.append(FileDescription(incidents: table, report: report, file: file))
        } catch {
          // A CSV without coordinates may be a population table keyed by area or zone id (a
          // valid `count --population` and `zones --population` input): described as one.
          guard case .byArea(let rows)? = try? AreaTables.population(file: file, declaredCRS: columns.declaredCRS)
          else { throw error }
          descriptions.append(FileDescription(population: rows, file: file))
        }
      }
    }
    return InspectResult(descriptions: descriptions, inputs: expanded)
  }

  /// The locational outliers of one file's incidents (`LocationalOutliers`, judged in metres of
  /// the working CRS their extent gives), each named by its line.
  static func outlierProblems(_ table: IncidentTable, report: IncidentReadReport, file: String) -> [InputError] {
    let working = table.crs == .wgs84 ? WorkingCRS.forData(in: table.crs, bounds: table.boundingBox) : table.crs
    guard let transform = CoordinateTransform(from: table.crs, to: working) else { return [] }
    let projected = transform.apply(table)
    let outliers = OutlierScreen.rows(of: projected)
    guard !outliers.rows.isEmpty else { return [] }
    return OutlierScreen.problems(
      outliers, table: projected, file: file,
      places: OutlierScreen.places(
        outliers, table: projected, source: table.crs, files: [file], mapping: report.mapping),
      tail: ": analyses without --areas or --extent leave it out (--keep-outliers keeps it)")
  }
}
