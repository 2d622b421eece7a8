import GeoCore
import GeoIO
import Rendering

/// What `inspect` says about one file: labelled facts (each as text and as JSON) and tables, in
/// order. `Reports` renders them as aligned text and as JSON from the same facts.
public struct FileDescription: Sendable {
  /// Label/value lines, in order: the label, the JSON key (empty: text only), the text, the JSON value.
  public private(set) var facts: [(label: String, key: String, text: String, json: JSONValue)] = []
  /// Tables printed after the facts (properties, categories): title, JSON key, table.
  public private(set) var tables: [(title: String, key: String, table: Table)] = []
  /// The file described, as given.
  public let file: String

  /// An empty description of `file`, filled by the initialisers of each kind of file.
  init(file: String) { self.file = file }

  mutating func fact(_ label: String, _ key: String, _ text: String, _ json: JSONValue) {
    facts.append((label, key, text, json))
  }

  // MARK: - Boundary files

  /// A boundary file: kind, features and geometry types, vertices, CRS and bounding boxes, area
  /// (km², planar, in the working CRS), the detected id and name fields, duplicate ids, problems
  /// and the properties table.
  public init(boundary layer: BoundaryLayer, file: String) {
    self.file = file
    let features = layer.collection.features
    let typeText = layer.geometryTypeCounts.map { "\($0.count) \($0.type)" }.joined(separator: ", ")
    fact("kind", "kind", "boundary file (\(layer.format.name))", "boundaries")
    if case .shapefile(let summary) = layer.format { describeShapefile(summary) }
    fact(
      "features", "features", "\(features.count)" + (typeText.isEmpty ? "" : " (\(typeText))"),
      .number(Double(features.count)))
    fact(
      "geometry types", "geometry_types", typeText.isEmpty ? "none" : typeText,
      .object(layer.geometryTypeCounts.map { ($0.type, .number(Double($0.count))) }))
    let vertices = features.reduce(0) { $0 + ($1.geometry?.vertexCount ?? 0) }
    let holes = features.reduce(0) { total, feature in
      total + (feature.geometry?.polygons.reduce(0) { $0 + $1.holes.count } ?? 0)
    }
    fact("vertices", "vertices", Format.count(vertices), .number(Double(vertices)))
    if holes > 0 { fact("holes", "holes", Format.count(holes), .number(Double(holes))) }
    describeCRS(layer.crsDecision, bounds: layer.collection.boundingBox)
    if let area = Self.totalArea(layer.collection) {
      fact(
        "area", "area_km2", NumberText.fixed(area / 1e6, digits: 3) + " km² (planar, in the working CRS)",
        .number((area / 1e6 * 1000).rounded() / 1000))
    }

    let fields = BoundaryFields(features: features)
    fact("id field", "id_field", fields.id ?? "none found", .string(fields.id))
    fact("name field", "name_field", fields.name ?? "none found", .string(fields.name))
    fact(
      "duplicate ids", "duplicate_ids",
      fields.duplicateIDs.isEmpty ? "none" : fields.duplicateIDs.joined(separator: ", "),
      .array(fields.duplicateIDs.map(JSONValue.string)))
    let areal = features.indices.filter { features[$0].geometry?.isAreal == true }
    let invalid = AreaValidity.problems(in: layer, features: areal).filter { $0.reason != .ringClosed }
    // A feature (GeoJSON) or record (Shapefile, `record 3, part 2`) counts once, whatever its problems.
    let invalidFeatures = Set(
      invalid.map { $0.feature.map(String.init) ?? String($0.field?.split(separator: ",").first ?? "") }
    )
    .count
    fact(
      "invalid polygons", "invalid_polygons",
      invalid.isEmpty
        ? "none"
        : "\(Format.plural(invalidFeatures, "feature")) (listed under problems); commands refuse them unless --repair",
      .number(Double(invalidFeatures)))
    describeOverlaps(layer, areal: areal)
    describeProblems(invalid + layer.problems)
    tables.append(("properties", "properties", Self.propertyTable(features)))
  }

  /// The pairs of polygonal features that overlap (`AreaOverlaps`, in the working CRS): a count
  /// gives a point in two of them to the first only, unless `--overlapping`.
  private mutating func describeOverlaps(_ layer: BoundaryLayer, areal: [Int]) {
    let collection = layer.collection
    let working = WorkingCRS.forData(in: collection.crs, bounds: collection.boundingBox)
    guard !areal.isEmpty, let transform = CoordinateTransform(from: collection.crs, to: working) else { return }
    let geometries = areal.compactMap { collection.features[$0].geometry?.mapPoints(transform.apply) }
    let found = AreaOverlaps.find(areas: geometries, index: PolygonIndex(areas: geometries))
    let shown = found.prefix(3).map { overlap in
      "features \(areal[overlap.first]) and \(areal[overlap.second]) share about "
        + (working == .planar
          ? NumberText.fixed(overlap.sharedArea, digits: 1) + " square units"
          : NumberText.fixed(overlap.sharedArea / 1e6, digits: 3) + " km²")
    }
    fact(
      "overlapping areas", "overlapping_pairs",
      found.isEmpty
        ? "none"
        : "\(Format.plural(found.count, "pair")) (\(shown.joined(separator: "; "))\(found.count > 3 ? "; …" : "")); "
          + "counts give a point in two areas to the first unless --overlapping",
      .number(Double(found.count)))
  }

  /// The shape type, records, companion files and code page of a Shapefile.
  private mutating func describeShapefile(_ summary: ShapefileSummary) {
    fact("shape type", "shape_type", summary.shapeType.description, .string(summary.shapeType.description))
    fact(
      "records", "records",
      Format.count(summary.recordCount)
        + (summary.deletedRecordCount > 0 ? " (\(Format.count(summary.deletedRecordCount)) deleted, skipped)" : ""),
      .number(Double(summary.recordCount)))
    fact(
      "companions", "companions", summary.companions.joined(separator: ", "),
      .array(summary.companions.map(JSONValue.string)))
    fact(
      "code page", "code_page", "\(summary.codePage.codePage) — \(summary.codePage.rule)",
      .object([
        ("name", .string(summary.codePage.codePage.description)),
        ("rule", .string(summary.codePage.rule.description)),
      ]))
  }

  /// The total planar area of the polygons in the working CRS, in m²; nil for points or planar data
  /// in unknown units (then the area is in squared map units and still useful, so it is given).
  private static func totalArea(_ collection: FeatureCollection) -> Double? {
    guard collection.features.contains(where: { $0.geometry?.isAreal == true }) else { return nil }
    let working = WorkingCRS.forData(in: collection.crs, bounds: collection.boundingBox)
    guard let transform = CoordinateTransform(from: collection.crs, to: working) else { return nil }
    return collection.features.reduce(0) { total, feature in
      total + (feature.geometry.map { $0.mapPoints(transform.apply).area } ?? 0)
    }
  }

  /// Each property: type(s), how many features have a non-null value, distinct values, an example.
  private static func propertyTable(_ features: [Feature]) -> Table {
    var names: [String] = []
    for feature in features {
      for name in feature.properties.names where !names.contains(name) { names.append(name) }
    }
    var table = Table(columns: [
      .init("property"), .init("type"), .init("non_null", alignment: .right),
      .init("distinct", alignment: .right), .init("example"),
    ])
    for name in names {
      var types: [String] = []
      var nonNull = 0
      var distinct = Set<String>()
      var example: String?
      for feature in features {
        guard let value = feature.properties[name] else { continue }
        if !types.contains(value.typeName) { types.append(value.typeName) }
        if value != .null {
          nonNull += 1
          let text = value.text ?? value.typeName
          distinct.insert(text)
          if example == nil { example = text }
        }
      }
      let shownTypes = types.count > 1 ? types.filter { $0 != "null" } : types
      table.rows.append([
        .text(name), .text(shownTypes.joined(separator: "|")), .integer(nonNull),
        .integer(distinct.count), .text(Format.truncated(example ?? "", to: 40)),
      ])
    }
    return table
  }

  // MARK: - Incident files

  /// An incident file: format, the columns mapped, CRS and bounding boxes, rows with and without
  /// a location, skipped rows by reason, months, problems and the categories table.
  public init(incidents table: IncidentTable, report: IncidentReadReport, file: String) {
    self.file = file
    let formatName = report.format == .policeUK ? "police.uk street-level CSV" : "CSV"
    fact("kind", "kind", "incidents (\(formatName))", "incidents")
    fact(
      "format", "format", report.format == .policeUK ? "police.uk" : "plain",
      .string(report.format == .policeUK ? "police.uk" : "plain"))
    fact("coordinates", "coordinate_columns", report.mapping.reason, .string(report.mapping.reason))
    let mapping = report.mapping
    let mapped: [(role: String, column: ColumnMapping.Column?)] = [
      ("x", mapping.x), ("y", mapping.y), ("category", mapping.category), ("date", mapping.date),
      ("weight", mapping.weight), ("location", mapping.location), ("id", mapping.id),
    ]
    let present = mapped.compactMap { entry in entry.column.map { (entry.role, $0.name) } }
    fact(
      "columns", "columns", present.map { "\($0.0): \($0.1)" }.joined(separator: "\n"),
      .object(present.map { ($0.0, .string($0.1)) }))
    describeCRS(report.crsDecision, bounds: table.boundingBox)
    fact("rows", "rows", Format.count(report.dataRows), .number(Double(report.dataRows)))
    fact(
      "with location", "rows_with_location", Format.count(report.rowsWithLocation),
      .number(Double(report.rowsWithLocation)))
    fact(
      "without location", "rows_without_location", Format.count(report.rowsWithoutLocation),
      .number(Double(report.rowsWithoutLocation)))
    let skippedTotal = report.skippedByReason.reduce(0) { $0 + $1.count }
    fact(
      "skipped", "rows_skipped",
      skippedTotal == 0
        ? "0"
        : "\(Format.count(skippedTotal)): "
          + report.skippedByReason.map { "\($0.count) \($0.reason)" }.joined(separator: "; "),
      .object(report.skippedByReason.map { ($0.reason, .number(Double($0.count))) }))
    if !report.skipped.isEmpty {
      fact(
        "skipped rows", "skipped_rows",
        report.skipped.prefix(5).map(\.description).joined(separator: "\n")
          + (report.skipped.count > 5 ? "\n… (first 5 of \(Format.count(skippedTotal)))" : ""),
        .array(report.skipped.map { .string($0.description) }))
    }
    let months = report.months
    let monthText: String
    if let first = months.first, let last = months.last {
      monthText =
        months.count == 1
        ? "\(IncidentDate.monthText(monthIndex: first.monthIndex)) (\(Format.count(first.count)) rows)"
        : "\(IncidentDate.monthText(monthIndex: first.monthIndex))..\(IncidentDate.monthText(monthIndex: last.monthIndex)) (\(months.count) months with rows)"
    } else {
      monthText = "no dates"
    }
    fact(
      "months", "months", monthText,
      .object(months.map { (IncidentDate.monthText(monthIndex: $0.monthIndex), .number(Double($0.count))) }))
    describeProblems(report.problems)
    var categories = Table(columns: [
      .init("category"), .init("rows", alignment: .right), .init("share", alignment: .right),
    ])
    // Shares are fractions of the located rows, numbers in JSON as everywhere else.
    let total = max(1, report.rowsWithLocation)
    for (category, count) in report.categoryCounts {
      categories.rows.append([.text(category), .integer(count), .number(Double(count) / Double(total), digits: 3)])
    }
    tables.append(("categories", "categories", categories))
  }

  // MARK: - Shared

  private mutating func describeCRS(_ decision: CRSDecision, bounds: BoundingBox) {
    fact(
      "crs", "crs", "\(decision.crs) — \(decision.rule)",
      .object([("identifier", .string(decision.crs.identifier)), ("rule", .string(decision.rule.description))]))
    fact("bbox", "bbox", Format.box(bounds, crs: decision.crs), Format.boxJSON(bounds))
    let other: CRS? =
      switch decision.crs {
      case .wgs84: WorkingCRS.forData(in: .wgs84, bounds: bounds)
      case .britishNationalGrid, .localTransverseMercator: .wgs84
      case .planar: nil
      }
    if let other, !bounds.isEmpty, let transform = CoordinateTransform(from: decision.crs, to: other) {
      let corners = [
        Point(x: bounds.minX, y: bounds.minY), Point(x: bounds.maxX, y: bounds.minY),
        Point(x: bounds.minX, y: bounds.maxY), Point(x: bounds.maxX, y: bounds.maxY),
      ]
      let box = BoundingBox(points: corners.map(transform.apply))
      fact("bbox (\(other.shortName))", "bbox_" + other.shortKey, Format.box(box, crs: other), Format.boxJSON(box))
    }
  }

  private mutating func describeProblems(_ problems: [InputError]) {
    let shown = problems.prefix(10).map(\.description)
    let more = problems.count > 10 ? ["… and \(problems.count - 10) more"] : []
    fact(
      "problems", "problems", problems.isEmpty ? "none" : (shown + more).joined(separator: "\n"),
      .array(problems.map { .string($0.description) }))
  }
}

extension CRS {
  /// A short label for bounding-box lines (`BNG`, `WGS84`).
  fileprivate var shortName: String {
    switch self {
    case .wgs84: "WGS84"
    case .britishNationalGrid: "BNG"
    case .planar: "planar"
    case .localTransverseMercator: "local TM"
    }
  }

  /// A short JSON key for bounding-box members (`bng`, `wgs84`).
  fileprivate var shortKey: String {
    switch self {
    case .wgs84: "wgs84"
    case .britishNationalGrid: "bng"
    case .planar: "planar"
    case .localTransverseMercator: "local_tm"
    }
  }
}
