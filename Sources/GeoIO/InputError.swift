import GeoCore

/// A problem with an input file, saying where (file, line or feature, field) and what.
///
/// Readers throw it for problems that stop a read, and return it in their `problems` lists for
/// rows or features they skipped or repaired, so nothing is dropped silently.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file as the user named it.
  public var file: String
  /// 1-based line number in a text file (CSV, or the line of a GeoJSON syntax error).
  public var line: Int?
  /// 0-based index of the feature in a GeoJSON `features` array.
  public var feature: Int?
  /// The JSON path (`features[12].geometry.coordinates[0]`), the CSV column name, or the
  /// Shapefile record (1-based, as the `.shp` numbers them) and part or field
  /// (`record 13, part 2`, `record 13, field NAME`).
  public var field: String?
  /// What is wrong, with the numbers and text needed to find and fix it.
  public var reason: Reason

  /// An error in `file` (as the user named it), at a 1-based `line`, a 0-based `feature` and a `field`,
  /// each nil where it does not apply, for `reason`.
  public init(
    file: String, line: Int? = nil, feature: Int? = nil, field: String? = nil, reason: Reason
  ) {
    self.file = file
    self.line = line
    self.feature = feature
    self.field = field
    self.reason = reason
  }

  /// What went wrong. Cases carry the numbers and text a user needs to find and fix it.
  public enum Reason: Hashable, Sendable {
    // Files
    case fileNotFound
    case notReadable(String)
    case isDirectory
    case noFilesMatched(pattern: String)
    // Text and syntax
    case invalidUTF8(byteOffset: Int)
    case syntax(String)
    case unexpectedEnd(String)
    case nestingTooDeep(limit: Int)
    // GeoJSON structure and geometry
    case wrongType(expected: String, found: String)
    case missingMember(String)
    case unsupportedGeometry(String)
    /// A GeoJSON geometry that is `null` or has empty coordinates: the feature is kept without one.
    case nullGeometry
    case geometry(GeometryError)
    case ringClosed
    case coordinateOutOfRange(value: Double, crs: String)
    case unknownCRS(String)
    // CSV
    case missingColumn(String)
    case ambiguousColumns(String)
    case fieldCount(found: Int, expected: Int)
    case unterminatedQuote
    case notANumber(String)
    case badDate(String)
    case noLocation
    case headerMismatch(expected: String, found: String)
    case monthInSeveralFiles(month: String, otherFile: String)
    // Shapefile
    /// A companion of a `.shp` is absent: an error for `.shx` and `.dbf` (`fallback` nil), a
    /// warning saying what was done instead for `.prj` and `.cpg`.
    case companionMissing(file: String, fallback: String?)
    /// A shape type the ESRI specification does not define.
    case unknownShapeType(Int)
    /// A record's content length in the `.shp` differs from the one in the index (`.shx`), in bytes.
    case recordLengthMismatch(shp: Int, shx: Int)
    /// A record whose counts of parts and points need more bytes than it holds.
    case recordTooShort(needed: Int, length: Int)
    /// A part of a polygon whose first point is outside the record's points or before the
    /// previous part's (parts 1-based).
    case partIndexOutOfRange(part: Int, start: Int, pointCount: Int)
    /// The `.dbf` and the `.shp` hold different numbers of records.
    case recordCountMismatch(dbf: Int, shp: Int)
    /// A `.dbf` record marked deleted (`*`): its shape is skipped.
    case deletedRecord
    /// A counter-clockwise ring (a hole, by the Shapefile rule) that no clockwise ring contains.
    case holeOutsideOuterRings
    /// A dBASE field of a type other than C, N, F, L and D (memo, binary…): kept as text.
    case unreadFieldType(String)
    case emptyFile
    case other(String)
  }

  /// The process exit status this error maps to: 66 missing input, 74 I/O, 65 bad data.
  public var exitStatus: Int32 {
    switch reason {
    case .fileNotFound, .isDirectory, .noFilesMatched, .companionMissing: 66
    case .notReadable: 74
    default: 65
    }
  }

  /// One sentence: `wards.geojson, feature 12, features[12].geometry.coordinates[0]: a ring needs…`.
  public var description: String {
    var location = file
    if let line { location += ", line \(line)" }
    if let feature { location += ", feature \(feature)" }
    if let field { location += ", " + (line != nil && feature == nil ? "field '\(field)'" : field) }
    return location + ": " + reason.description
  }
}

extension InputError.Reason: CustomStringConvertible {
  /// The reason alone, as a phrase with the case's numbers and text, without the file or position:
  /// e.g. `no such file`, `invalid UTF-8 at byte 12`.
  public var description: String {
    switch self {
    case .fileNotFound: "no such file"
    case .notReadable(let why): "cannot be read (\(why))"
    case .isDirectory: "is a folder, not a file"
    case .noFilesMatched(let pattern): "no files match '\(pattern)'"
    case .invalidUTF8(let offset): "invalid UTF-8 at byte \(offset)"
    case .syntax(let what): what
    case .unexpectedEnd(let what): "the file ends early (\(what)); it may be truncated"
    case .nestingTooDeep(let limit): "nesting deeper than \(limit) levels"
    case .wrongType(let expected, let found): "expected \(expected), found \(found)"
    case .missingMember(let name): "the member \"\(name)\" is missing"
    case .unsupportedGeometry(let type):
      "geometry type \(type) is not read by Hotspot; the feature is kept without geometry and left out of analyses"
    case .nullGeometry: "the geometry is null or empty; the feature is kept without one"
    case .geometry(let error): error.description
    case .ringClosed: "the ring was not closed; closed it by repeating its first position"
    case .coordinateOutOfRange(let value, let crs):
      "coordinate \(value) is out of range for \(crs) (use --crs to declare the right CRS)"
    case .unknownCRS(let name): "unknown CRS '\(name)' (use --crs EPSG:4326, EPSG:27700 or planar)"
    case .missingColumn(let name): "no column \(name)"
    case .ambiguousColumns(let what): what
    case .fieldCount(let found, let expected): "\(found) fields, expected \(expected)"
    case .unterminatedQuote: "a quoted field is never closed"
    case .notANumber(let text): "'\(text)' is not a number"
    case .badDate(let text):
      "'\(text)' is not a date (YYYY-MM, YYYY-MM-DD, ISO 8601 date-time, DD/MM/YYYY, MM/YYYY or Nov-20)"
    case .noLocation: "no location"
    case .headerMismatch(let expected, let found):
      "the header differs from the first file's (expected \(expected), found \(found))"
    case .monthInSeveralFiles(let month, let other): "month \(month) also appears in \(other)"
    case .companionMissing(let file, let fallback?): "there is no \(file); \(fallback)"
    case .companionMissing(let file, nil):
      "there is no \(file); a Shapefile needs its .shp, .shx and .dbf side by side"
    case .unknownShapeType(let type):
      "unknown shape type \(type) (the ESRI specification defines 0, 1, 3, 5, 8, 11, 13, 15, 18, 21, 23, 25, 28 and 31)"
    case .recordLengthMismatch(let shp, let shx):
      "the record is \(shp) bytes long in the .shp but \(shx) in the index (.shx); one of them is damaged"
    case .recordTooShort(let needed, let length):
      "the record holds \(length) bytes but its parts and points need \(needed)"
    case .partIndexOutOfRange(let part, let start, let pointCount):
      "part \(part) starts at point \(start), outside the record's \(pointCount) points or before the previous part"
    case .recordCountMismatch(let dbf, let shp):
      "the .dbf holds \(dbf) records and the .shp \(shp)"
        + (dbf < shp
          ? "; every shape needs its row of attributes" : "; the extra .dbf records are ignored")
    case .deletedRecord: "the record is marked deleted in the .dbf; its shape is skipped"
    case .holeOutsideOuterRings:
      "a counter-clockwise ring (a hole) lies in no clockwise (outer) ring; read as an outer ring"
    case .unreadFieldType(let type):
      "dBASE field type '\(type)' is not one Hotspot reads (C, N, F, L, D); its values are kept as the text the .dbf holds"
    case .emptyFile: "the file is empty"
    case .other(let what): what
    }
  }
}
