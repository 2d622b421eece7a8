/// A small CSV file read whole into strings: lookup tables, population tables, indicators.
///
/// For incident files, which can be large, use `IncidentReader`, which streams.
public struct CSVDocument: Sendable {
  /// The path as given to `read(file:)`, for messages.
  public let file: String
  /// The header's fields, with leading and trailing spaces and tabs removed.
  public let header: [String]
  /// Data rows with the 1-based line each starts on; every row has `header.count` fields
  /// (a missing trailing field reads as empty).
  public let rows: [(line: Int, fields: [String])]

  /// Reads `file`. Rows with more fields than the header are errors naming their line.
  public static func read(file: String) throws(InputError) -> CSVDocument {
    let scanner = try CSVScanner(file: file)
    guard let first = try scanner.next() else { throw InputError(file: file, reason: .emptyFile) }
    let header = (0..<first.count).map { first.string($0).trimmingSpaces() }
    var rows: [(line: Int, fields: [String])] = []
    while let record = try scanner.next() {
      guard record.count <= header.count else {
        throw InputError(
          file: file, line: record.line, reason: .fieldCount(found: record.count, expected: header.count))
      }
      rows.append((record.line, (0..<header.count).map { record.string($0) }))
    }
    return CSVDocument(file: file, header: header, rows: rows)
  }

  /// The index of the first column whose name matches one of `names`, compared without case and
  /// with spaces, `_` and `-` alike; nil if none does.
  public func column(_ names: [String]) -> Int? {
    let wanted = names.map(CSVDocument.normalised)
    for name in wanted {
      if let index = header.firstIndex(where: { CSVDocument.normalised($0) == name }) { return index }
    }
    return nil
  }

  static func normalised(_ name: String) -> String {
    String(name.lowercased().map { $0 == "_" || $0 == "-" ? " " : $0 })
  }
}
