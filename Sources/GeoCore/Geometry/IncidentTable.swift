/// Incidents as columns (struct of arrays): one contiguous array per attribute, no object per
/// incident, so millions of rows cost a few arrays and scans stay in cache.
///
/// Row `i` is `(x[i], y[i])` in `crs`, with `date[i]`, `category.codes[i]` and so on. Rows without a
/// usable location are not stored here; readers count them apart.
public struct IncidentTable: Sendable {
  /// The CRS of `x` and `y` (degrees for `.wgs84`, else metres or planar units).
  public var crs: CRS
  /// Per row, the x coordinate in `crs`: longitude in degrees for `.wgs84`, else easting in metres.
  public var x: [Double]
  /// Per row, the y coordinate in `crs`: latitude in degrees for `.wgs84`, else northing in metres.
  public var y: [Double]
  /// One date per row; `nil` column when the input has no date column.
  public var date: [IncidentDate]?
  /// Category per row (police.uk `Crime type`, an ASB class…); `nil` when there is no category column.
  public var category: CodedColumn?
  /// Weight per row (defaults to 1 when the column is absent).
  public var weight: [Double]?
  /// police.uk `Location` ("On or near …") or another place label; `nil` when absent.
  public var location: CodedColumn?
  /// Source identifier per row (`--id-column`, police.uk `Crime ID`); `nil` when absent.
  public var id: CodedColumn?

  /// An empty table in `crs`: no rows, and the optional columns (date, category, weight, location, id)
  /// all nil; set the ones the input has before appending rows.
  public init(crs: CRS) {
    self.crs = crs
    x = []
    y = []
  }

  /// The number of rows (incidents with a usable location).
  public var count: Int { x.count }

  /// The position of row `i`.
  @inlinable
  public func point(_ i: Int) -> Point { Point(x: x[i], y: y[i]) }

  /// The bounding box of every position. O(n).
  public var boundingBox: BoundingBox { BoundingBox(x: x, y: y) }

  /// The table of the given rows, in the order given, with every column kept.
  /// - Complexity: O(rows.count).
  public func selecting(rows: [Int]) -> IncidentTable {
    var result = IncidentTable(crs: crs)
    result.x = rows.map { x[$0] }
    result.y = rows.map { y[$0] }
    result.date = date.map { column in rows.map { column[$0] } }
    result.weight = weight.map { column in rows.map { column[$0] } }
    result.category = category?.selecting(rows: rows)
    result.location = location?.selecting(rows: rows)
    result.id = id?.selecting(rows: rows)
    return result
  }

  /// Appends the rows of `other`, which must come from a file with the same columns.
  /// - Precondition: same CRS, and each optional column present in both or in neither.
  public mutating func append(contentsOf other: IncidentTable) {
    precondition(other.crs == crs, "appending incidents in another CRS")
    precondition(
      (date == nil) == (other.date == nil) && (weight == nil) == (other.weight == nil)
        && (category == nil) == (other.category == nil)
        && (location == nil) == (other.location == nil) && (id == nil) == (other.id == nil),
      "appending incidents with other columns")
    x += other.x
    y += other.y
    if let otherDates = other.date { date? += otherDates }
    if let otherWeights = other.weight { weight? += otherWeights }
    if let column = other.category { category?.append(contentsOf: column) }
    if let column = other.location { location?.append(contentsOf: column) }
    if let column = other.id { id?.append(contentsOf: column) }
  }
}

/// A column of text values stored as small integer codes into a table of distinct values
/// (dictionary encoding): category and location labels repeat, so each row costs 4 bytes.
public struct CodedColumn: Hashable, Sendable {
  /// The distinct values, in order of first appearance.
  public private(set) var values: [String]
  /// One code per row, an index into `values`.
  public private(set) var codes: [Int32]
  /// Value → code, built on the first `append` (a column made by a reader is never appended to).
  private var lookup: [String: Int32]?

  /// An empty column: no distinct values and no rows.
  public init() {
    values = []
    codes = []
    lookup = [:]
  }

  /// A column from its distinct values and one code per row.
  /// - Precondition: the values are distinct and every code indexes `values`.
  public init(values: [String], codes: [Int32]) {
    self.values = values
    self.codes = codes
    lookup = nil
  }

  /// Equal when the tables of distinct values and the codes are identical; the same rows coded with the
  /// values in another order compare unequal.
  public static func == (a: CodedColumn, b: CodedColumn) -> Bool { a.values == b.values && a.codes == b.codes }

  /// Hashes the table of distinct values and the codes, consistently with `==`.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(values)
    hasher.combine(codes)
  }

  /// The code of `value`, adding it to `values` if new.
  private mutating func code(of value: String) -> Int32 {
    if lookup == nil {
      lookup = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($1, Int32($0)) })
    }
    if let code = lookup?[value] { return code }
    let code = Int32(values.count)
    values.append(value)
    lookup?[value] = code
    return code
  }

  /// The number of rows.
  public var count: Int { codes.count }

  /// The value of row `i`.
  public subscript(row: Int) -> String { values[Int(codes[row])] }

  /// Appends one row. O(1) amortised.
  public mutating func append(_ value: String) {
    codes.append(code(of: value))
  }

  /// Reserves room for `n` rows' codes (the table of distinct values is not reserved).
  public mutating func reserveCapacity(_ n: Int) { codes.reserveCapacity(n) }

  /// Rows per distinct value, indexed like `values`.
  public func countsByValue() -> [Int] {
    var counts = Array(repeating: 0, count: values.count)
    for code in codes { counts[Int(code)] += 1 }
    return counts
  }

  /// The column of the given rows; the table of distinct values is kept as it is.
  public func selecting(rows: [Int]) -> CodedColumn {
    var result = self
    result.codes = rows.map { codes[$0] }
    return result
  }

  /// Appends every row of `other`, re-coding its values into this column's table.
  public mutating func append(contentsOf other: CodedColumn) {
    let recode = other.values.map { code(of: $0) }
    codes.reserveCapacity(codes.count + other.count)
    for code in other.codes { codes.append(recode[Int(code)]) }
  }
}
