import GeoCore

/// Population for rates, from one of the two shapes councils hold it in:
/// a table keyed by area id, or population-weighted centroid points (ONS best-fit).
public enum PopulationSource: Sendable {
  /// `area_id,population`: population per area id.
  case byArea([(id: String, population: Double)])
  /// Centroid points with populations, in `crs`, to be summed into the areas that contain them.
  case points(x: [Double], y: [Double], population: [Double], crs: CRS)
}

/// Readers for the small per-area tables `count` and `rank` join on area id.
public enum AreaTables {
  /// A population CSV, told apart by its columns: with coordinate columns (easting/northing, x/y
  /// or longitude/latitude) it is a set of centroid points; otherwise the first column that is not
  /// `population` holds the area id (a column named `area_id`, `code` or `id` is preferred).
  /// Always needs a `population` column. Empty or non-numeric populations are errors naming the line.
  public static func population(file: String, declaredCRS: CRS? = nil) throws(InputError) -> PopulationSource {
    let document = try CSVDocument.read(file: file)
    guard let populationColumn = document.column(["population", "pop", "usual residents"]) else {
      throw InputError(
        file: file, line: 1,
        reason: .missingColumn("population (the header is: \(document.header.joined(separator: ", ")))"))
    }
    func population(_ row: (line: Int, fields: [String])) throws(InputError) -> Double {
      let text = row.fields[populationColumn].trimmingSpaces()
      guard let value = NumberParsing.double(text), value.isFinite, value >= 0 else {
        throw InputError(
          file: file, line: row.line, field: document.header[populationColumn], reason: .notANumber(text))
      }
      return value
    }
    let pairs: [([String], CRS?)] = [
      (["easting", "northing"], .britishNationalGrid), (["x", "y"], nil),
      (["longitude", "latitude"], .wgs84), (["lon", "lat"], .wgs84),
    ]
    for (names, impliedCRS) in pairs {
      guard let xColumn = document.column([names[0]]), let yColumn = document.column([names[1]]) else { continue }
      var xs: [Double] = []
      var ys: [Double] = []
      var populations: [Double] = []
      for row in document.rows {
        let xText = row.fields[xColumn]
        let yText = row.fields[yColumn]
        guard let x = NumberParsing.double(xText), x.isFinite else {
          throw InputError(file: file, line: row.line, field: document.header[xColumn], reason: .notANumber(xText))
        }
        guard let y = NumberParsing.double(yText), y.isFinite else {
          throw InputError(file: file, line: row.line, field: document.header[yColumn], reason: .notANumber(yText))
        }
        xs.append(x)
        ys.append(y)
        populations.append(try population(row))
      }
      let decision = CRSDecision.decide(
        userDeclared: declaredCRS,
        fileDeclared: impliedCRS.map { CRSDecision(crs: $0, rule: .columnNames(names.joined(separator: "/"))) },
        bounds: BoundingBox(x: xs, y: ys))
      return .points(x: xs, y: ys, population: populations, crs: decision.crs)
    }
    let idColumn =
      document.column(["area_id", "area id", "code", "id"])
      ?? document.header.indices.first { $0 != populationColumn }
    guard let idColumn else {
      throw InputError(
        file: file, line: 1,
        reason: .missingColumn("for the area id (the header is: \(document.header.joined(separator: ", ")))"))
    }
    var result: [(id: String, population: Double)] = []
    for row in document.rows { result.append((row.fields[idColumn].trimmingSpaces(), try population(row))) }
    return .byArea(result)
  }

  /// A lookup of area id → group (division → Area Action Partnership): the id column is the first
  /// named `area_id`, `code`, `id`, or else the first column; the group column the first named
  /// `group`, `group_id`, `parent`, or else the next column.
  public static func lookup(file: String) throws(InputError) -> [(id: String, group: String)] {
    let document = try CSVDocument.read(file: file)
    guard document.header.count >= 2 else {
      throw InputError(
        file: file, line: 1, reason: .missingColumn("for the group: a lookup needs an id column and a group column"))
    }
    let idColumn = document.column(["area_id", "area id", "code", "id"]) ?? 0
    let groupColumn =
      document.column(["group", "group_id", "group id", "parent"])
      ?? document.header.indices.first { $0 != idColumn } ?? 1
    return document.rows.map {
      ($0.fields[idColumn].trimmingSpaces(), $0.fields[groupColumn].trimmingSpaces())
    }
  }
}
