import GeoCore
import GeoIO

/// Where locational outliers are in their files: the incident readers keep no line numbers, so
/// the few outliers found are looked up again, row by row, by their coordinates as written.
public enum OutlierLines {
  /// The file and 1-based line of every row of `files` whose coordinates (the columns `mapping`
  /// names, read as numbers) are within `tolerance` of one of `points` (in the files' CRS), in
  /// file and line order, for each point in the order given.
  /// - Complexity: O(size of the files × points); only called when there are outliers.
  public static func find(
    _ points: [Point], files: [String], mapping: ColumnMapping, tolerance: Double
  ) -> [[(file: String, line: Int)]] {
    var found = [[(file: String, line: Int)]](repeating: [], count: points.count)
    guard !points.isEmpty else { return found }
    for file in files {
      guard let document = try? CSVDocument.read(file: file) else { continue }
      guard let xIndex = document.header.firstIndex(of: mapping.x.name),
        let yIndex = document.header.firstIndex(of: mapping.y.name)
      else { continue }
      for row in document.rows {
        guard let x = Double(row.fields[xIndex].trimmingCharacters()),
          let y = Double(row.fields[yIndex].trimmingCharacters())
        else { continue }
        for (k, point) in points.enumerated() where abs(point.x - x) <= tolerance && abs(point.y - y) <= tolerance {
          found[k].append((file, row.line))
        }
      }
    }
    return found
  }

  /// `find` for points in a working CRS, converted back to `source` (the files' CRS) first; the
  /// tolerance is a metre in the files' units (about 1e-5 degrees for longitude and latitude).
  public static func find(
    _ points: [Point], in working: CRS, source: CRS, files: [String], mapping: ColumnMapping
  ) -> [[(file: String, line: Int)]] {
    guard let back = CoordinateTransform(from: working, to: source) else {
      return [[(file: String, line: Int)]](repeating: [], count: points.count)
    }
    return find(
      points.map(back.apply), files: files, mapping: mapping, tolerance: source == .wgs84 ? 1e-5 : 1)
  }
}

extension String {
  /// The text without leading and trailing spaces and tabs.
  fileprivate func trimmingCharacters() -> Substring {
    var text = Substring(self)
    while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
    while let last = text.last, last == " " || last == "\t" { text.removeLast() }
    return text
  }
}
