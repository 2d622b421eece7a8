import GeoCore

/// What the user says about an incident file's columns; every field is optional.
///
/// A named column wins over the names Hotspot recognises by itself. Coordinates come in pairs:
/// `xColumn` with `yColumn` (projected: easting/northing or planar), `lonColumn` with `latColumn`.
public struct IncidentColumnOptions: Hashable, Sendable {
  /// The projected x (easting) column.
  public var xColumn: String?
  /// The projected y (northing) column.
  public var yColumn: String?
  /// The longitude column (degrees, WGS84).
  public var lonColumn: String?
  /// The latitude column (degrees, WGS84).
  public var latColumn: String?
  /// The category column, instead of the recognised names.
  public var categoryColumn: String?
  /// The date column, instead of the recognised names: `YYYY-MM`, `YYYY-MM-DD`, ISO 8601 date-times or
  /// `DD/MM/YYYY` values, or months as spreadsheets save them (`Nov-20`, `11/2020`; see `DateParsing`).
  public var dateColumn: String?
  /// The weight column, instead of the recognised names: a finite number per row (any sign); without
  /// a weight column the table has no weights and every incident counts once.
  public var weightColumn: String?
  /// The id column. Ids are read only from a column named here, never from a recognised name.
  public var idColumn: String?
  /// The location (place label) column, instead of the recognised names.
  public var locationColumn: String?
  /// The CRS of the coordinates (`--crs`): always wins over column names and ranges.
  public var declaredCRS: CRS?
  /// Stop at the first bad row (throwing its error) instead of skipping and counting it.
  public var strict: Bool
  /// Whether the values of the category, location and id columns are read. When false those
  /// columns are still recognised (the report's mapping names them) but the tables come without
  /// them and the report has no category counts: for runs that use none of them, which saves
  /// about a tenth of the reading. Which rows are kept or skipped does not change.
  public var keepsLabels = true
  /// Keep rows whose date is empty or unreadable, without a date (`IncidentDate(packed: 0)`),
  /// instead of skipping them: for runs that need no date (no period, no time breakdown). They
  /// are counted in `IncidentReadReport.undatedRows`, the first one's line and value in
  /// `IncidentReadReport.firstUndated`. Starts false.
  public var keepsUndated = false

  /// Options naming the given columns (nil: recognise by name), with an optional declared CRS and
  /// strictness; `keepsLabels` starts true.
  public init(
    xColumn: String? = nil, yColumn: String? = nil, lonColumn: String? = nil,
    latColumn: String? = nil, categoryColumn: String? = nil, dateColumn: String? = nil,
    weightColumn: String? = nil, idColumn: String? = nil, locationColumn: String? = nil,
    declaredCRS: CRS? = nil, strict: Bool = false
  ) {
    self.xColumn = xColumn
    self.yColumn = yColumn
    self.lonColumn = lonColumn
    self.latColumn = latColumn
    self.categoryColumn = categoryColumn
    self.dateColumn = dateColumn
    self.weightColumn = weightColumn
    self.idColumn = idColumn
    self.locationColumn = locationColumn
    self.declaredCRS = declaredCRS
    self.strict = strict
  }
}

/// The layout an incident file was recognised as.
public enum IncidentFileFormat: Hashable, Sendable, CustomStringConvertible {
  /// A police.uk street-level crime file (`Crime ID,Month,Reported by,Falls within,Longitude,
  /// Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context`).
  case policeUK
  /// Any other CSV, read by column names.
  case plain

  /// `police.uk street-level crime` or `CSV with named columns`.
  public var description: String {
    switch self {
    case .policeUK: "police.uk street-level crime"
    case .plain: "CSV with named columns"
    }
  }
}

/// Which columns of an incident file hold what, and why they were chosen.
///
/// ## Rules, in order
/// 1. police.uk street-level files are recognised by their header (it has `Crime ID`, `Month`,
///    `Longitude`, `Latitude`, `Location` and `Crime type`): coordinates `Longitude`/`Latitude`,
///    category `Crime type`, date `Month`, location `Location`.
/// 2. Columns named in `IncidentColumnOptions` win (for either format).
/// 3. Otherwise common names, compared without case and with `_`, `-` and spaces alike:
///    x `easting`, `eastings`, `x`, `east`, `bng_x`; y `northing`, `northings`, `y`, `north`,
///    `bng_y`; longitude `longitude`, `lon`, `lng`, `long`; latitude `latitude`, `lat`; category
///    `category`, `crime type`, `type`, `offence`, `offense`, `crime`, `incident type`, `class`;
///    date `date`, `month`, `datetime`, `date time`, `occurred`, `occurred on`, `incident date`,
///    `reported date`; weight `weight`, `weights`; location `location`, `address`, `street`.
/// 3a. Ids are read only from a column named with `--id-column`: they are nearly unique, so keeping
///    them costs a string per row (millions of 64-character police.uk `Crime ID`s in a national
///    year), and no analysis needs them unless the user asks.
/// 4. A file with both projected and longitude/latitude columns is read from the projected ones
///    (they are usually the source, the degrees a derived copy), and `reason` says so.
///
/// The CRS the names imply: longitude/latitude are WGS84, easting/northing (and `east`/`north`,
/// `bng_x`/`bng_y`) British National Grid; `x`/`y`, or columns named in the options, are decided
/// by the coordinates' range (see `IncidentReader`); a declared CRS always wins.
public struct ColumnMapping: Hashable, Sendable {
  /// A column of the header: its name as written and its 0-based index.
  public struct Column: Hashable, Sendable, CustomStringConvertible {
    /// The column's name as written in the header.
    public var name: String
    /// The column's 0-based position in the header.
    public var index: Int

    /// A column named `name` at 0-based `index`, not checked against any header.
    public init(name: String, index: Int) {
      self.name = name
      self.index = index
    }

    /// The column's name as written in the header.
    public var description: String { name }
  }

  /// Whether the coordinates are projected (metres or planar units) or longitude/latitude.
  public enum CoordinateKind: Hashable, Sendable {
    case projected
    case geographic
  }

  /// The layout the header was recognised as.
  public var format: IncidentFileFormat
  /// The header as written (byte-order mark removed).
  public var header: [String]
  /// Whether `x`/`y` hold projected coordinates (easting/northing, or planar) or longitude/latitude.
  public var coordinateKind: CoordinateKind
  /// Easting, x or longitude.
  public var x: Column
  /// Northing, y or latitude.
  public var y: Column
  /// The category column (police.uk `Crime type`), nil when none is named or recognised.
  public var category: Column?
  /// The date column (police.uk `Month`), nil when none is named or recognised.
  public var date: Column?
  /// The weight column, nil when none is named or recognised (police.uk files have none).
  public var weight: Column?
  /// The id column, set only when one is named in the options.
  public var id: Column?
  /// The location column (police.uk `Location`), nil when none is named or recognised.
  public var location: Column?
  /// The CRS the column names imply; nil when it must be decided from the coordinates' range.
  public var crsFromColumnNames: CRSDecision?
  /// Why these coordinate columns, for `inspect`: "easting/northing (projected columns preferred
  /// over longitude/latitude)".
  public var reason: String

  /// The mapping for a file whose header is `header`.
  /// - Throws: `.missingColumn` when no coordinate pair is found or a named column is absent (the
  ///   message lists the header); `.ambiguousColumns` when a chosen name matches two columns.
  /// - Complexity: O(columns × names).
  public init(header: [String], options: IncidentColumnOptions, file: String) throws(InputError) {
    let finder = ColumnFinder(header: header, file: file)
    self.header = header
    let policeUK = ColumnMapping.isPoliceUK(finder)
    format = policeUK ? .policeUK : .plain

    // Coordinates: the options' pairs, else the format's, else the common names.
    let userProjected = try finder.pair(options.xColumn, options.yColumn, "xColumn", "yColumn")
    let userGeographic = try finder.pair(
      options.lonColumn, options.latColumn, "lonColumn", "latColumn")
    var projected: (Column, Column, CRSDecision?)?
    var geographic: (Column, Column)?
    if let userProjected {
      projected = (userProjected.0, userProjected.1, nil)
    } else if userGeographic == nil && !policeUK {
      projected = try finder.firstPair(ColumnMapping.projectedPairs)
    }
    if let userGeographic {
      geographic = userGeographic
    } else if userProjected == nil {
      geographic = try finder.firstPair(ColumnMapping.geographicPairs).map { ($0.0, $0.1) }
    }
    if case (let xColumn, let yColumn, let decision)? = projected {
      coordinateKind = .projected
      x = xColumn
      y = yColumn
      crsFromColumnNames = decision
      let names = "\(xColumn.name)/\(yColumn.name)"
      if case (let lon, let lat)? = geographic {
        reason = "\(names) (projected columns preferred over \(lon.name)/\(lat.name))"
      } else if userProjected != nil {
        reason = "\(names) (named in the options)"
      } else {
        reason = names
      }
    } else if case (let lon, let lat)? = geographic {
      coordinateKind = .geographic
      x = lon
      y = lat
      crsFromColumnNames = CRSDecision(crs: .wgs84, rule: .columnNames("longitude/latitude"))
      let names = "\(lon.name)/\(lat.name)"
      if policeUK {
        reason = "\(names) (police.uk street-level file)"
      } else if userGeographic != nil {
        reason = "\(names) (named in the options)"
      } else {
        reason = names
      }
    } else {
      throw InputError(
        file: file, line: 1,
        reason: .missingColumn(
          "for the coordinates: name easting/northing, x/y or longitude/latitude columns, or give them"
            + " in the options (the header is: \(header.joined(separator: ", ")))"))
    }

    // Attributes: options, else police.uk's names, else the common names.
    category = try finder.attribute(
      options.categoryColumn, policeUK ? ["Crime type"] : ColumnMapping.categoryNames)
    date = try finder.attribute(options.dateColumn, policeUK ? ["Month"] : ColumnMapping.dateNames)
    weight = try finder.attribute(options.weightColumn, policeUK ? [] : ColumnMapping.weightNames)
    id = try finder.attribute(options.idColumn, [])
    location = try finder.attribute(
      options.locationColumn, policeUK ? ["Location"] : ColumnMapping.locationNames)
  }

  /// The mapping with no category, location or id column: what is stored when labels are not
  /// kept (`IncidentColumnOptions.keepsLabels`).
  func withoutLabels() -> ColumnMapping {
    var mapping = self
    mapping.category = nil
    mapping.location = nil
    mapping.id = nil
    return mapping
  }

  /// The columns a police.uk street-level header always has.
  static let policeUKColumns = [
    "Crime ID", "Month", "Longitude", "Latitude", "Location", "Crime type",
  ]

  private static func isPoliceUK(_ finder: ColumnFinder) -> Bool {
    policeUKColumns.allSatisfy { !finder.indices(of: $0).isEmpty }
  }

  /// Projected pairs in order of preference, with the CRS their names imply.
  private static let projectedPairs: [(String, String, CRSDecision?)] = {
    let bng = CRSDecision(crs: .britishNationalGrid, rule: .columnNames("easting/northing"))
    return [
      ("easting", "northing", bng), ("eastings", "northings", bng), ("bng x", "bng y", bng),
      ("east", "north", bng), ("x", "y", nil),
    ]
  }()

  private static let geographicPairs: [(String, String, CRSDecision?)] = [
    ("longitude", "latitude", nil), ("lon", "lat", nil), ("lng", "lat", nil), ("long", "lat", nil),
  ]

  private static let categoryNames = [
    "category", "crime type", "type", "offence", "offense", "crime", "incident type", "class",
  ]
  private static let dateNames = [
    "date", "month", "datetime", "date time", "occurred", "occurred on", "incident date",
    "reported date",
  ]
  private static let weightNames = ["weight", "weights"]
  private static let locationNames = ["location", "address", "street"]
}

/// Finds header columns by name: case-insensitive, with `_`, `-` and runs of spaces alike.
private struct ColumnFinder {
  let header: [String]
  let file: String
  private let normalized: [String]

  init(header: [String], file: String) {
    self.header = header
    self.file = file
    normalized = header.map(ColumnFinder.normalize)
  }

  static func normalize(_ name: String) -> String {
    var result = ""
    var pendingSpace = false
    for character in name.lowercased() {
      if character == "_" || character == "-" || character.isWhitespace {
        pendingSpace = !result.isEmpty
      } else {
        if pendingSpace { result.append(" ") }
        pendingSpace = false
        result.append(character)
      }
    }
    return result
  }

  func indices(of name: String) -> [Int] {
    let wanted = ColumnFinder.normalize(name)
    return normalized.indices.filter { normalized[$0] == wanted }
  }

  /// The one column called `name`, nil if none. Throws when two columns have that name.
  func column(_ name: String) throws(InputError) -> ColumnMapping.Column? {
    let found = indices(of: name)
    guard let first = found.first else { return nil }
    guard found.count == 1 else {
      throw InputError(
        file: file, line: 1, field: name,
        reason: .ambiguousColumns(
          "\(found.count) columns are named '\(name)' (columns "
            + found.map { String($0 + 1) }.joined(separator: ", ") + "); name one in the options"))
    }
    return ColumnMapping.Column(name: header[first], index: first)
  }

  /// A column the user named: it must exist.
  func required(_ name: String) throws(InputError) -> ColumnMapping.Column {
    guard let column = try column(name) else {
      throw InputError(
        file: file, line: 1, field: name,
        reason: .missingColumn("'\(name)' (the header is: \(header.joined(separator: ", ")))"))
    }
    return column
  }

  /// The pair of columns the user named, nil when neither is named; both or neither must be.
  func pair(_ first: String?, _ second: String?, _ firstOption: String, _ secondOption: String)
    throws(InputError) -> (ColumnMapping.Column, ColumnMapping.Column)?
  {
    switch (first, second) {
    case (nil, nil): return nil
    case (let first?, let second?): return (try required(first), try required(second))
    default:
      let missing = first == nil ? firstOption : secondOption
      throw InputError(
        file: file, line: 1, field: first ?? second,
        reason: .missingColumn("for \(missing): coordinate columns are named in pairs"))
    }
  }

  /// The first pair of `candidates` with both columns present.
  func firstPair(_ candidates: [(String, String, CRSDecision?)])
    throws(InputError) -> (ColumnMapping.Column, ColumnMapping.Column, CRSDecision?)?
  {
    for (first, second, decision) in candidates {
      if let a = try column(first), let b = try column(second) { return (a, b, decision) }
    }
    return nil
  }

  /// The user's column if named (it must exist), else the first of `names` present.
  func attribute(_ userName: String?, _ names: [String]) throws(InputError) -> ColumnMapping.Column? {
    if let userName { return try required(userName) }
    for name in names {
      if let found = try column(name) { return found }
    }
    return nil
  }
}
