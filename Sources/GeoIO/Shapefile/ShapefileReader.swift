import Foundation
import GeoCore

/// Reads an ESRI Shapefile (`.shp` with its `.shx`, `.dbf`, `.prj` and `.cpg`) into a
/// `BoundaryLayer`, the same value the GeoJSON reader returns.
///
/// The `.shp` and `.shx` are read by `ShapeRecords` (ESRI Shapefile Technical Description, July
/// 1998), the `.dbf` by `DBaseTable` (dBASE III/IV), the `.prj` by `ProjectionText`, the `.cpg`
/// by `CodePage`. Polygon, PolygonZ and PolygonM records become Polygon or MultiPolygon features,
/// their rings sorted by `RingAssembly`; PolyLine, PolyLineZ and PolyLineM records become
/// LineString (one part) or MultiLineString features; Point and MultiPoint records of any
/// dimension become Point and MultiPoint features; Z and M values are dropped. A Null record, or
/// one with no points, keeps its feature without geometry; MultiPatch records too, reported as a
/// type Hotspot does not read. Each feature's properties are its `.dbf` record, in field order.
///
/// The CRS is decided by `CRSDecision.decide`: the caller's `declaredCRS`, then the `.prj`
/// (British National Grid or WGS84), then the coordinates' range. A `.prj` that names another
/// system is reported as `.unknownCRS`, and a missing one as a missing companion, both saying the
/// range decides. When the result is WGS84, every coordinate must lie within ±180°/±90°.
///
/// - Throws: `InputError` naming the file (`.shp`, `.shx` or `.dbf`) and the record, 1-based as
///   the `.shp` numbers them, in `field` (`record 13`, `record 13, part 2`):
///   `.fileNotFound`, `.isDirectory`, `.notReadable`, `.emptyFile`;
///   `.companionMissing` for a missing `.shx` or `.dbf`; `.unexpectedEnd` for a file shorter
///   than its header and a record or `.dbf` cut short; `.syntax` for a file code other than
///   9994; `.unknownShapeType`; `.recordLengthMismatch` between the `.shp` and the `.shx`;
///   `.recordTooShort`; `.partIndexOutOfRange`; `.geometry(.nonFiniteCoordinate)` and
///   `.geometry(.tooFewPositions)` for a ring, `.geometry(.lineTooShort)` for a PolyLine part of
///   fewer than 2 points; `.recordCountMismatch` for a `.dbf` with fewer records than
///   the `.shp`; `.coordinateOutOfRange`.
///
/// ## Properties
/// - Feature order is record order; records the `.dbf` marks deleted are skipped and reported
///   (`.deletedRecord`), so errors and problems give record numbers rather than feature indices.
/// - Unclosed rings are closed by repeating their first position (`.ringClosed` warning); a
///   hole that no outer ring contains becomes an outer ring (`.holeOutsideOuterRings` warning).
/// - The `.dbf` text is decoded in the code page `CodePageDecision.decide` chooses: the `.cpg`,
///   the language driver id, or UTF-8 when the text is valid UTF-8 and Windows-1252 otherwise.
/// - No length or offset from any file is used before it is checked against the bytes present.
/// - Complexity: O(n) in the bytes of the files, plus the ring sorting of records with several
///   rings (see `RingAssembly`).
///
/// ## Example
///
///     let layer = try ShapefileReader.read(file: "naturalearth_lowres.shp")
///     print(layer.collection.features.count, layer.crsDecision.crs)
///     // Prints "177 WGS84 lon/lat (EPSG:4326)"
public enum ShapefileReader {
  /// Reads the `.shp` at `path` and the companions beside it (same name; extension in the
  /// `.shp`'s case, lower case or upper case).
  /// - Parameters:
  ///   - path: the `.shp` file.
  ///   - declaredCRS: the user's `--crs`, which overrides the `.prj`.
  public static func read(file path: String, declaredCRS: CRS? = nil) throws(InputError)
    -> BoundaryLayer
  {
    let shp = try readWholeFile(path)
    var found: [String: String] = [:]
    var contents: [String: [UInt8]] = [:]
    for companion in ["shx", "dbf", "prj", "cpg"] {
      guard let companionPath = companionPath(of: path, companion) else { continue }
      found[companion] = companionPath
      contents[companion] = try readWholeFile(companionPath)
    }
    let names = FileNames(shp: path, found: found)
    return try read(
      shp: shp, shx: contents["shx"], dbf: contents["dbf"], prj: contents["prj"],
      cpg: contents["cpg"], names: names, declaredCRS: declaredCRS)
  }

  /// Reads a Shapefile held in memory; `name` is the `.shp`'s name, and the companions' names in
  /// errors are made from it. A nil `shx` or `dbf` is reported as a missing companion.
  public static func read(
    shp: [UInt8], shx: [UInt8]?, dbf: [UInt8]?, prj: [UInt8]? = nil, cpg: [UInt8]? = nil,
    name: String, declaredCRS: CRS? = nil
  ) throws(InputError) -> BoundaryLayer {
    try read(
      shp: shp, shx: shx, dbf: dbf, prj: prj, cpg: cpg, names: FileNames(shp: name, found: [:]),
      declaredCRS: declaredCRS)
  }

  // MARK: - Private

  private static func read(
    shp: [UInt8], shx: [UInt8]?, dbf: [UInt8]?, prj: [UInt8]?, cpg: [UInt8]?, names: FileNames,
    declaredCRS: CRS?
  ) throws(InputError) -> BoundaryLayer {
    guard let shx else {
      throw InputError(
        file: names.shp, reason: .companionMissing(file: fileName(names.shx), fallback: nil))
    }
    guard let dbf else {
      throw InputError(
        file: names.shp, reason: .companionMissing(file: fileName(names.dbf), fallback: nil))
    }
    let records = try ShapeRecords(shp: shp, shx: shx, shpName: names.shp, shxName: names.shx)
    let table = try DBaseTable(bytes: dbf, name: names.dbf)
    let recordCount = records.recordCount
    try checkRecordCounts(table, recordCount: recordCount, dbfName: names.dbf)

    var problems: [InputError] = []
    let codePage = decideCodePage(cpg, table: table, names: names, problems: &problems)
    let fields = table.fields(in: codePage.codePage)
    for field in fields where !"CNFLD".contains(field.type) {
      problems.append(
        InputError(
          file: names.dbf, field: "field \(field.name)",
          reason: .unreadFieldType(String(field.type))))
    }
    let projection = prj.map { ProjectionText(text(of: $0)) }
    let fromFile = projectionDecision(
      projection, declaredCRS: declaredCRS, names: names, problems: &problems)

    var builder = FeatureBuilder(file: names.shp)
    var recordNumbers: [Int] = []
    var features: [Feature] = []
    features.reserveCapacity(recordCount)
    recordNumbers.reserveCapacity(recordCount)
    var deleted = 0
    for index in 0..<recordCount {
      if table.isDeleted(index) {
        deleted += 1
        problems.append(
          InputError(file: names.dbf, field: "record \(index + 1)", reason: .deletedRecord))
        continue
      }
      let geometry = try builder.geometry(try records.record(index), record: index + 1)
      problems += builder.problems
      builder.problems.removeAll(keepingCapacity: true)
      let properties = table.properties(
        row: index, fields: fields, codePage: codePage.codePage, problems: &problems)
      features.append(Feature(geometry: geometry, properties: properties))
      recordNumbers.append(index + 1)
    }
    if table.declaredRecordCount > recordCount {
      problems.append(
        InputError(
          file: names.dbf,
          reason: .recordCountMismatch(dbf: table.declaredRecordCount, shp: recordCount)))
    }

    let decision = try decideCRS(
      features, recordNumbers: recordNumbers, declaredCRS: declaredCRS, fromFile: fromFile,
      file: names.shp)
    let companions = names.found(shx: true, dbf: true, prj: prj != nil, cpg: cpg != nil)
    let summary = ShapefileSummary(
      shapeType: records.shapeType, recordCount: recordCount, deletedRecordCount: deleted,
      companions: companions.map(fileName), codePage: codePage, fields: fields)
    return BoundaryLayer(
      collection: FeatureCollection(features: features, crs: decision.crs), crsDecision: decision,
      declaredCRSText: projection?.name, problems: problems,
      geometryTypeCounts: builder.typeCounts, byteCount: shp.count + shx.count + dbf.count,
      format: .shapefile(summary), files: [names.shp] + companions)
  }

  /// Throws when the `.dbf` holds fewer records than the `.shp`, by its header or its size.
  private static func checkRecordCounts(
    _ table: DBaseTable, recordCount: Int, dbfName: String
  ) throws(InputError) {
    if table.declaredRecordCount < recordCount {
      throw InputError(
        file: dbfName, field: "record \(table.declaredRecordCount + 1)",
        reason: .recordCountMismatch(dbf: table.declaredRecordCount, shp: recordCount))
    }
    if table.availableRecordCount < recordCount {
      throw InputError(
        file: dbfName, field: "record \(table.availableRecordCount + 1)",
        reason: .unexpectedEnd(
          "the header declares \(table.declaredRecordCount) records of \(table.recordLength) bytes but the file holds \(table.availableRecordCount) whole ones"
        ))
    }
  }

  /// The code page of the `.dbf` text, with a problem for a missing or unknown `.cpg`.
  private static func decideCodePage(
    _ cpg: [UInt8]?, table: DBaseTable, names: FileNames, problems: inout [InputError]
  ) -> CodePageDecision {
    let cpgText = cpg.map(text(of:))
    let decision = CodePageDecision.decide(cpg: cpgText, languageDriver: table.languageDriver) {
      String(validating: table.recordBytes, as: UTF8.self) != nil
    }
    let outcome = "the .dbf text is read as \(decision.codePage) — \(decision.rule)"
    if let cpgText {
      if CodePage(cpg: cpgText) == nil {
        problems.append(
          InputError(
            file: names.cpg,
            reason: .other("the code page '\(cpgText)' is not one Hotspot reads; \(outcome)")))
      }
    } else {
      problems.append(
        InputError(
          file: names.shp, reason: .companionMissing(file: fileName(names.cpg), fallback: outcome)))
    }
    return decision
  }

  /// The CRS the `.prj` declares, with a problem when it is missing or not recognised (unless
  /// the user declared one, which makes the `.prj` irrelevant).
  private static func projectionDecision(
    _ projection: ProjectionText?, declaredCRS: CRS?, names: FileNames,
    problems: inout [InputError]
  ) -> CRSDecision? {
    guard let projection else {
      if declaredCRS == nil {
        problems.append(
          InputError(
            file: names.shp,
            reason: .companionMissing(
              file: fileName(names.prj),
              fallback: "the CRS is decided from the coordinates' range (use --crs to declare it)"))
        )
      }
      return nil
    }
    let name = projection.name ?? "(not WKT)"
    if let crs = projection.crs { return CRSDecision(crs: crs, rule: .projectionFile(name)) }
    if declaredCRS == nil {
      problems.append(
        InputError(file: names.prj, field: projection.keyword, reason: .unknownCRS(name)))
    }
    return nil
  }

  /// The decision, and the check that WGS84 coordinates lie within ±180°/±90°.
  private static func decideCRS(
    _ features: [Feature], recordNumbers: [Int], declaredCRS: CRS?, fromFile: CRSDecision?,
    file: String
  ) throws(InputError) -> CRSDecision {
    let bounds = features.reduce(BoundingBox.empty) { box, feature in
      feature.geometry.map { box.union($0.boundingBox) } ?? box
    }
    let decision = CRSDecision.decide(
      userDeclared: declaredCRS, fileDeclared: fromFile, bounds: bounds)
    guard decision.crs == .wgs84 && !bounds.isEmpty && !CRSDecision.fits(bounds, .wgs84) else {
      return decision
    }
    for (feature, number) in zip(features, recordNumbers) {
      guard let geometry = feature.geometry else { continue }
      let points =
        geometry.points + geometry.polygons.flatMap { $0.rings.flatMap(\.points) }
        + geometry.lines.flatMap(\.points)
      let limit = CRSDecision.degreeTolerance
      guard let point = points.first(where: { abs($0.x) > 180 + limit || abs($0.y) > 90 + limit })
      else {
        continue
      }
      throw InputError(
        file: file, field: "record \(number)",
        reason: .coordinateOutOfRange(
          value: abs(point.x) > 180 ? point.x : point.y,
          crs: "\(decision.crs), as \(decision.rule)"))
    }
    return decision
  }

  /// The text of a small companion (`.prj`, `.cpg`), without a byte-order mark or surrounding
  /// white space.
  private static func text(of bytes: [UInt8]) -> String {
    var text = String(decoding: bytes, as: UTF8.self)
    if text.first == "\u{FEFF}" { text.removeFirst() }
    return text.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// The companion `ext` beside `shpPath` (which need not end in `.shp`), with its extension in
  /// the `.shp`'s case, then lower, then upper case; nil when none exists.
  private static func companionPath(of shpPath: String, _ ext: String) -> String? {
    let base = BoundaryReader.isShapefile(shpPath) ? String(shpPath.dropLast(4)) : shpPath
    let candidates = [shpPath.hasSuffix(".SHP") ? ext.uppercased() : ext, ext, ext.uppercased()]
    var isDirectory: ObjCBool = false
    for candidate in candidates {
      let path = base + "." + candidate
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        return path
      }
    }
    return nil
  }

  /// The last component of a path.
  private static func fileName(_ path: String) -> String {
    path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
  }
}

/// The names errors give for the files of one Shapefile: those found, else made from the `.shp`.
private struct FileNames {
  let shp: String
  let shx: String
  let dbf: String
  let prj: String
  let cpg: String

  init(shp: String, found: [String: String]) {
    self.shp = shp
    let base = BoundaryReader.isShapefile(shp) ? String(shp.dropLast(4)) : shp
    let upper = shp.hasSuffix(".SHP")
    func name(_ ext: String) -> String {
      found[ext] ?? base + "." + (upper ? ext.uppercased() : ext)
    }
    shx = name("shx")
    dbf = name("dbf")
    prj = name("prj")
    cpg = name("cpg")
  }

  func found(shx hasSHX: Bool, dbf hasDBF: Bool, prj hasPRJ: Bool, cpg hasCPG: Bool) -> [String] {
    [(hasSHX, shx), (hasDBF, dbf), (hasPRJ, prj), (hasCPG, cpg)].filter(\.0).map(\.1)
  }
}

/// Turns stored shapes into geometries, closing rings and sorting them into polygons, and
/// counts the geometry types met.
private struct FeatureBuilder {
  let file: String
  /// Warnings for the record just built.
  var problems: [InputError] = []
  var typeCounts: [(type: String, count: Int)] = []

  init(file: String) {
    self.file = file
  }

  mutating func geometry(_ stored: StoredShape, record: Int) throws(InputError) -> Geometry? {
    let field = "record \(record)"
    let geometry: Geometry
    switch stored {
    case .null, .multiPoint([]), .polygon(parts: []), .polyLine(parts: []):
      problems.append(InputError(file: file, field: field, reason: .nullGeometry))
      return nil
    case .unsupported(let type):
      count(type.description)
      problems.append(
        InputError(file: file, field: field, reason: .unsupportedGeometry(type.description)))
      return nil
    case .point(let point):
      geometry = .point(point)
    case .multiPoint(let points):
      geometry = .multiPoint(points)
    case .polygon(let parts):
      var rings: [Ring] = []
      rings.reserveCapacity(parts.count)
      for (index, part) in parts.enumerated() {
        rings.append(try ring(part, field: "\(field), part \(index + 1)"))
      }
      let (polygons, orphans) = RingAssembly.polygons(from: rings)
      for orphan in orphans {
        problems.append(
          InputError(
            file: file, field: "\(field), part \(orphan + 1)", reason: .holeOutsideOuterRings))
      }
      geometry = polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(MultiPolygon(polygons))
    case .polyLine(let parts):
      var lines: [LineString] = []
      lines.reserveCapacity(parts.count)
      for (index, part) in parts.enumerated() {
        do {
          lines.append(try LineString(part))
        } catch {
          throw InputError(file: file, field: "\(field), part \(index + 1)", reason: .geometry(error))
        }
      }
      geometry = lines.count == 1 ? .lineString(lines[0]) : .multiLineString(lines)
    }
    count(geometry.typeName)
    return geometry
  }

  /// A part as a ring, closed for the user when it is not.
  private mutating func ring(_ points: [Point], field: String) throws(InputError) -> Ring {
    var points = points
    let written = points.count
    if let first = points.first, let last = points.last, first != last {
      points.append(first)
      problems.append(InputError(file: file, field: field, reason: .ringClosed))
    }
    guard points.count >= 4 else {
      throw InputError(
        file: file, field: field, reason: .geometry(.tooFewPositions(found: written, required: 4)))
    }
    do {
      return try Ring(closed: points)
    } catch {
      throw InputError(file: file, field: field, reason: .geometry(error))
    }
  }

  /// One more geometry of `type`, in first-seen order.
  private mutating func count(_ type: String) {
    if let index = typeCounts.firstIndex(where: { $0.type == type }) {
      typeCounts[index].count += 1
    } else {
      typeCounts.append((type: type, count: 1))
    }
  }
}
