import Analyses
import GeoCore
import GeoIO
import Rendering
import Reports
import SpatialAnalysis

/// Which features are neighbours, as `--neighbours` names it.
enum NeighbourRule: Equatable, Sendable {
  case queen
  case rook
  case distance(Double)
  case knn(Int)
  /// The band of ArcGIS Optimized Hot Spot Analysis (`IncrementalAutocorrelation`).
  case auto

  /// `queen`, `rook`, `distance:750m`, `knn:8`, `auto`.
  static func parse(_ text: String) throws(UsageError) -> NeighbourRule {
    let lower = text.lowercased()
    if lower == "queen" { return .queen }
    if lower == "rook" { return .rook }
    if lower == "auto" { return .auto }
    if lower.hasPrefix("distance:") {
      return .distance(try ValueSyntax.distance(String(lower.dropFirst("distance:".count)), option: "neighbours"))
    }
    if lower.hasPrefix("knn:"), let k = Int(lower.dropFirst("knn:".count)), k > 0 { return .knn(k) }
    throw UsageError("The value '\(text)' for '--neighbours' must be queen, rook, distance:<distance> (distance:750m), knn:<k> (knn:8) or auto.")
  }

  /// The weights of the rule between the cells of `layout` (of `cell` metres) and their
  /// description, or nil for `.auto` (chosen from the counts by `automaticBand`).
  func cellWeights(layout: CellLayout, cell: Double) -> (weights: SpatialWeights, description: String)? {
    let cells = layout.slots
    switch (self, layout.shape) {
    case (.queen, .hexagon(let grid)), (.rook, .hexagon(let grid)):
      return (SpatialWeights.hexBand(grid: grid, cells: cells), "cell band c = \(NumberText.shortest(cell)) m: the 6 hexagons sharing an edge")
    case (.distance(let limit), .hexagon(let grid)):
      return (SpatialWeights.hexBand(grid: grid, cells: cells, limit: limit), "distance band \(NumberText.shortest(limit)) m between hexagon centres (inclusive)")
    case (.queen, .square(let grid)), (.rook, .square(let grid)):
      let limit = self == .queen ? cell * 2.0.squareRoot() : cell
      return (
        SpatialWeights.gridBand(grid: grid, cells: cells, limit: limit),
        self == .queen
          ? "cell band c·√2 = \(NumberText.shortest(limit)) m: the 8 surrounding cells"
          : "cell band c = \(NumberText.shortest(limit)) m: the 4 cells sharing an edge")
    case (.distance(let limit), .square(let grid)):
      return (SpatialWeights.gridBand(grid: grid, cells: cells, limit: limit), "distance band \(NumberText.shortest(limit)) m between cell centres (inclusive)")
    case (.knn(let k), _):
      return (SpatialWeights.nearestNeighbours(points: cells.indices.map { layout.centre(of: $0) }, k: k), "\(k) nearest cell centres, ties by cell index")
    case (.auto, _):
      return nil
    }
  }
}

/// The options `gistar` and `moran` share: what the features are, their values, their weights.
struct AutocorrelationOptions {
  static let specs: [OptionSpec] = [
    OptionSpec(name: "areas", valueName: "file", help: "Boundary file (GeoJSON): the areas analysed, or the study area for --cell."),
    OptionSpec(
      name: "incidents", valueName: "file",
      help: "Incident CSV (file, folder or glob; repeatable): the value is the count per area or cell.", repeating: true),
    OptionSpec(
      name: "points", valueName: "file",
      help: "Points to analyse (CSV with coordinate columns, or GeoJSON/Shapefile of Points), e.g. street-segment midpoints."),
    OptionSpec(name: "value-column", valueName: "name", help: "With --points: the column (or property) holding each point's value."),
    OptionSpec(name: "value-field", valueName: "name", help: "Area property holding the value (instead of counting incidents)."),
    OptionSpec(name: "id-field", valueName: "name", help: "Area property holding the id (detected if absent)."),
    OptionSpec(name: "name-field", valueName: "name", help: "Area property holding the name (detected if absent)."),
    OptionSpec(name: "cell", valueName: "size", help: "Analyse square cells of this size (250m) instead of areas."),
    .flag("hex", help: "With --cell: pointy-top hexagons, the size being the distance between neighbouring centres."),
    OptionSpec(
      name: "extent", valueName: "xmin,ymin,xmax,ymax",
      help: "Cell grid extent in metres of the working CRS, used exactly; every cell is analysed (with --areas, those whose centre lies inside them)."),
    OptionSpec(
      name: "neighbours", valueName: "rule",
      help: "queen, rook, distance:<d> (distance:750m), knn:<k> (knn:8), or auto (Optimized Hot Spot Analysis: band by incremental Moran's I, cell size if none, FDR on). Default: queen for areas, cell × √2 for square cells, the 6 around for hexagons."),
    OptionSpec(
      name: "transform", valueName: "transform", help: "Weights: binary, or row-standardised.",
      allowedValues: SpatialWeights.Transform.allCases.map(\.rawValue)),
    OptionSpec(name: "permutations", valueName: "n", help: "Conditional permutations for p_sim (0: none)."),
    OptionSpec(name: "seed", valueName: "n", help: "Seed of the permutations.", defaultValue: "1"),
    OptionSpec(
      name: "snap-tolerance", valueName: "distance",
      help: "Boundaries this close count as touching (contiguity). Default 1m; under --crs planar 1e-7 of the extent."),
    OptionSpec(name: "period", valueName: "period", help: "Keep incidents in this period (2024-01..2024-12)."),
    OptionSpec(name: "category", valueName: "value", help: "Keep this category (repeatable).", repeating: true),
  ]

  var areasFile: String?
  var pointsFile: String?
  var valueColumn: String?
  var incidentSpecs: [String]
  var valueField: String?
  var idField: String?
  var nameField: String?
  var cell: Double?
  var hex: Bool
  var extent: BoundingBox?
  var neighbours: NeighbourRule?
  var transform: SpatialWeights.Transform?
  var permutations: Int
  var seed: UInt64
  var snapTolerance: Double?
  var filter: IncidentFilter
  var declaredCRS: CRS?
  var columns: IncidentColumnOptions

  init(_ arguments: ParsedArguments, defaultPermutations: Int) throws(UsageError) {
    areasFile = arguments.value("areas")
    pointsFile = arguments.value("points")
    valueColumn = arguments.value("value-column")
    incidentSpecs = arguments.values("incidents")
    valueField = arguments.value("value-field")
    idField = arguments.value("id-field")
    nameField = arguments.value("name-field")
    cell = try arguments.value("cell").map { text throws(UsageError) in try ValueSyntax.distance(text, option: "cell") }
    hex = arguments.flag("hex")
    extent = try arguments.value("extent").map { text throws(UsageError) in try DensityCommand.extent(text) }
    neighbours = try arguments.value("neighbours").map { text throws(UsageError) in try NeighbourRule.parse(text) }
    transform = arguments.value("transform").flatMap { SpatialWeights.Transform(rawValue: $0.lowercased()) }
    let permutationText = arguments.value("permutations") ?? String(defaultPermutations)
    guard let permutations = Int(permutationText), permutations >= 0, permutations <= 1_000_000 else {
      throw UsageError("The value '\(permutationText)' for '--permutations' must be a whole number from 0 to 1000000 (999).")
    }
    self.permutations = permutations
    let seedText = arguments.value("seed") ?? "1"
    guard let seed = UInt64(seedText) else {
      throw UsageError("The value '\(seedText)' for '--seed' must be a whole number ≥ 0.")
    }
    self.seed = seed
    snapTolerance = try arguments.value("snap-tolerance").map { text throws(UsageError) in
      try ValueSyntax.distance(text, option: "snap-tolerance")
    }
    filter = try InputOptions.filter(arguments)
    declaredCRS = try InputOptions.crs(arguments)
    columns = InputOptions.incidentColumns(arguments, declaredCRS: declaredCRS)

    if let pointsFile {
      if areasFile != nil || cell != nil || extent != nil || hex {
        throw UsageError("'--points' analyses the points themselves: leave out '--areas', '--cell', '--hex' and '--extent'.")
      }
      if valueField != nil { throw UsageError("With '--points' the value is '--value-column <name>' (or counted '--incidents').") }
      if (valueColumn == nil) == incidentSpecs.isEmpty {
        throw UsageError("Give the value of '--points \(pointsFile)' by '--value-column <name>' or by nearest '--incidents <file>', one of them.")
      }
      if neighbours == .queen || neighbours == .rook {
        throw UsageError("Points have no boundaries: use '--neighbours distance:<d>' or 'knn:<k>' (default: the smallest band giving every point a neighbour).")
      }
    } else if valueColumn != nil {
      throw UsageError("'--value-column' is for '--points'; for areas use '--value-field'.")
    }
    if cell == nil && neighbours == .auto && areasFile == nil && pointsFile == nil && incidentSpecs.isEmpty {
      throw UsageError("'--neighbours auto' needs '--incidents' (cells of an automatic size), '--areas' or '--points'.")
    }
    if hex && cell == nil && !(neighbours == .auto && areasFile == nil && pointsFile == nil) { throw UsageError("'--hex' needs '--cell <size>': the distance between neighbouring hexagon centres.") }
    if let cell {
      guard !incidentSpecs.isEmpty else { throw UsageError("'--cell' needs '--incidents': the value of a cell is its count.") }
      if valueField != nil { throw UsageError("'--value-field' is for areas; with '--cell' the value is the incident count.") }
      if case .distance(let limit) = neighbours, limit < cell {
        throw UsageError("The band '--neighbours distance:\(NumberText.shortest(limit))m' is shorter than a cell: no cell would have a neighbour.")
      }
    } else if pointsFile == nil && !(neighbours == .auto && areasFile == nil) {
      if extent != nil { throw UsageError("'--extent' needs '--cell': it is the extent of the cell grid.") }
      guard areasFile != nil else { throw UsageError("Missing '--areas <file>' (or '--cell <size>' with '--incidents').") }
      if valueField == nil && incidentSpecs.isEmpty {
        throw UsageError("Give the value by '--value-field <name>' or count '--incidents <file>'.")
      }
      if valueField != nil && !incidentSpecs.isEmpty {
        throw UsageError("Give the value by '--value-field' or '--incidents', not both.")
      }
    }
  }

  /// True when the cell size is chosen automatically (`--neighbours auto` on incidents alone).
  var automaticCell: Bool { cell == nil && neighbours == .auto && areasFile == nil && pointsFile == nil }

  /// The automatic cell size: the shorter side of the incidents' extent / 50 (sfhotspot's rule,
  /// METHODS.md), rounded down to a multiple of 100 m when at least 100 m.
  static func automaticCellSize(_ box: BoundingBox) -> Double {
    let raw = Swift.min(box.width, box.height) / 50
    return raw >= 100 ? (raw / 100).rounded(.down) * 100 : raw
  }

  /// The default neighbour rule for the features.
  var neighbourRule: NeighbourRule { neighbours ?? .queen }

  /// Reads the inputs and builds the features, their values and their self-free weights: binary,
  /// or rescaled by `transform` (in place, without a second copy of them).
  func load(_ console: Console, quiet: Bool, transform: SpatialWeights.Transform? = nil) throws -> AnalysisFeatures {
    let layer = try areasFile.map { file throws(InputError) in
      try AreaLayer.load(file: file, declaredCRS: declaredCRS, idField: idField, nameField: nameField)
    }
    var notes: [String] = []
    var choices: [(String, JSONValue)] = []
    let pointLayer = try pointsFile.map { file throws(InputError) in
      try PointLayer.load(file: file, declaredCRS: declaredCRS, valueColumn: valueColumn)
    }
    var inputs = [areasFile, pointsFile].compactMap { $0 }
    var readReport: IncidentReadReport?

    // Incidents, in the working CRS of the areas or points (or their own).
    var x: [Double] = [], y: [Double] = []
    var working = layer?.working ?? pointLayer?.working
    // Cells whose size and span are given (--cell, with --extent or --areas) are laid out first
    // and the incidents binned as they are read, never all held.
    var binned: (layout: CellLayout, counts: [Double], outside: Int)?
    if !incidentSpecs.isEmpty {
      let loaded: IncidentInput.Loaded
      if let cell, extent != nil || layer != nil {
        let layout = try CellGrid.layout(cell: cell, hex: hex, extent: extent, areas: layer?.geometries, points: .empty)
        var counts = [Double](repeating: 0, count: layout.count)
        var outside = 0
        loaded = try IncidentInput.forEach(
          incidentSpecs, options: columns, filter: filter, working: working, purpose: "analyse", labels: false
        ) { chunk in
          outside += layout.tally(x: chunk.x, y: chunk.y, into: &counts)
        }
        binned = (layout, counts, outside)
      } else {
        loaded = try IncidentInput.load(incidentSpecs, options: columns, filter: filter, working: working, purpose: "analyse", labels: false)
        x = loaded.table.x
        y = loaded.table.y
      }
      inputs += loaded.files
      readReport = loaded.report
      notes += loaded.report.problems.map(\.description)
      working = loaded.working
      choices.append(("incidents_crs", .string(loaded.report.crsDecision.crs.identifier)))
      choices.append(("incidents", .number(Double(loaded.filtered.kept))))
      if loaded.filtered.removed > 0 { choices.append(("incidents_filtered_out", .number(Double(loaded.filtered.removed)))) }
    }
    guard let working else { throw InputError(file: areasFile ?? "", reason: .other("nothing to analyse")) }

    let features: AnalysisFeatures.Units
    let values: [Double]
    var weights: SpatialWeights
    let rule = neighbourRule
    var cellSize = cell
    if automaticCell {
      let box = extent ?? BoundingBox(x: x, y: y)
      let size = Self.automaticCellSize(box)
      guard size > 0 else {
        throw InputError(file: inputs.joined(separator: ", "), reason: .other("the incidents' extent has no width or height; give '--cell'"))
      }
      cellSize = size
      choices.append(("cell_size_rule", "automatic: the shorter side of the extent / 50, rounded down to a multiple of 100 m (sfhotspot's rule)"))
    }
    if let cell = cellSize {
      let layout = try binned?.layout ?? CellGrid.layout(
        cell: cell, hex: hex, extent: extent, areas: layer?.geometries,
        points: BoundingBox(x: x, y: y))
      choices.append(("cells_rule", .string(layout.rule.rawValue)))
      if hex { choices.append(("cell_shape", .string(CellGrid.hexagonShape))) }
      features = .cells(layout)
      let (counts, outside) = binned.map { ($0.counts, $0.outside) } ?? layout.tally(x: x, y: y)
      if outside > 0 { notes.append("\(outside) incidents lie outside the analysed cells and are left out") }
      let gridBox = layout.extent
      choices.append(("cell_m", .number(cell)))
      choices.append(("grid", .array([.number(gridBox.minX), .number(gridBox.minY), .number(gridBox.maxX), .number(gridBox.maxY)])))
      choices.append(("incidents_outside_cells", .number(Double(outside))))
      values = counts
      let cells = layout.slots
      if let fixed = rule.cellWeights(layout: layout, cell: cell) {
        weights = fixed.weights
        choices.append(("weights", .string(fixed.description)))
      } else {
        let bandWeights: (Double) -> SpatialWeights
        switch layout.shape {
        case .square(let grid): bandWeights = { SpatialWeights.gridBand(grid: grid, cells: cells, limit: $0) }
        case .hexagon(let grid): bandWeights = { SpatialWeights.hexBand(grid: grid, cells: cells, limit: $0) }
        }
        weights = try automaticBand(
          centres: cells.indices.map { layout.centre(of: $0) }, values: counts, extent: gridBox, start: cell, increment: cell,
          choices: &choices, console: console, quiet: quiet, weightsAt: bandWeights)
      }
    } else if let pointLayer {
      features = .points(pointLayer)
      choices.append(("points_crs", .string(pointLayer.sourceCRS.identifier)))
      if let given = pointLayer.values {
        values = given
        choices.append(("value", .string("column \(valueColumn ?? "")")))
      } else {
        values = NearestPoint(points: pointLayer.points).tally(x: x, y: y)
        choices.append(("value", "incidents whose nearest point this is (Euclidean, every incident assigned; ties to the point first in the file)"))
      }
      switch neighbours {
      case .auto:
        weights = try automaticBand(
          centres: pointLayer.points, values: values, extent: BoundingBox(points: pointLayer.points), start: nil,
          increment: nil, choices: &choices, console: console, quiet: quiet, weightsAt: nil)
      case .distance(let limit):
        weights = SpatialWeights.distanceBand(points: pointLayer.points, limit: limit)
        choices.append(("weights", .string("distance band \(NumberText.shortest(limit)) m between points (inclusive)")))
      case .knn(let k):
        weights = SpatialWeights.nearestNeighbours(points: pointLayer.points, k: k)
        choices.append(("weights", .string("\(k) nearest points, ties by file order")))
      default:
        let band = SpatialWeights.smallestConnectingBand(points: pointLayer.points)
        guard band > 0 else {
          throw InputError(file: pointLayer.file, reason: .other("needs at least 2 distinct points to have neighbours"))
        }
        weights = SpatialWeights.distanceBand(points: pointLayer.points, limit: band * (1 + 1e-9))
        choices.append(("weights", .string(
          "distance band \(NumberText.fixed(band, digits: 3)) m between points: the smallest giving every point a neighbour (ArcGIS default)")))
        choices.append(("band_m", .number(band)))
      }
    } else {
      guard let layer else { throw UsageError("Missing '--areas <file>'.") }
      features = .areas(layer)
      if let valueField {
        let property = layer.property(valueField)
        if !property.contains(where: { $0 != nil }) {
          throw InputError(file: layer.file, field: valueField, reason: .other("no area has this property"))
        }
        var numbers: [Double] = []
        for (k, value) in property.enumerated() {
          guard let number = value?.number, number.isFinite else {
            throw InputError(
              file: layer.file, feature: layer.featureIndices[k], field: valueField,
              reason: .other("area '\(layer.ids[k])' has no numeric value"))
          }
          numbers.append(number)
        }
        values = numbers
        choices.append(("value", .string("property \(valueField)")))
      } else {
        let index = PolygonIndex(areas: layer.geometries)
        var tally = AreaTally(areaCount: layer.count)
        var table = IncidentTable(crs: working)
        table.x = x
        table.y = y
        tally.add(table, index: index, nearest: nil)
        if tally.outside > 0 { notes.append("\(tally.outside) incidents lie in no area and are left out") }
        values = tally.counts.map(Double.init)
        choices.append(("value", "incident count per area (half-open edge rule, as count)"))
        choices.append(("incidents_outside_areas", .number(Double(tally.outside))))
      }
      switch rule {
      case .queen, .rook:
        let tolerance = snapTolerance ?? defaultTolerance(layer)
        weights = SpatialWeights.contiguity(areas: layer.geometries, rule: rule == .queen ? .queen : .rook, tolerance: tolerance)
        choices.append(("weights", .string(rule == .queen
          ? "queen contiguity: boundaries within the snap tolerance"
          : "rook contiguity: a shared stretch of boundary longer than the snap tolerance")))
        choices.append(("snap_tolerance", .number(tolerance)))
        choices.append(("snap_tolerance_rule", .string(snapTolerance != nil
          ? "--snap-tolerance" : working == .planar ? "1e-7 of the layer's larger side (planar units unknown)" : "1 m default")))
      case .distance(let limit):
        weights = SpatialWeights.distanceBand(points: layer.geometries.map(\.centroid), limit: limit)
        choices.append(("weights", .string("distance band \(NumberText.shortest(limit)) m between area centroids (inclusive)")))
      case .knn(let k):
        weights = SpatialWeights.nearestNeighbours(points: layer.geometries.map(\.centroid), k: k)
        choices.append(("weights", .string("\(k) nearest area centroids, ties by file order")))
      case .auto:
        weights = try automaticBand(
          centres: layer.geometries.map(\.centroid), values: values,
          extent: layer.geometries.reduce(BoundingBox.empty) { $0.union($1.boundingBox) }, start: nil, increment: nil,
          choices: &choices, console: console, quiet: quiet, weightsAt: nil)
      }
    }
    let islands = weights.islands
    if !islands.isEmpty {
      notes.append("\(islands.count) of \(weights.count) features have no neighbour (islands)")
    }
    // A distance band leaving many features with few neighbours gives unstable Gi* (ArcGIS
    // advises at least 8): warn when more than a tenth have fewer.
    if case .distance(let limit) = neighbours, weights.count > 0 {
      let few = (0..<weights.count).filter { weights.cardinality(of: $0) < 8 }.count
      if few * 10 > weights.count {
        notes.append(
          "\(few) of \(weights.count) features have fewer than 8 neighbours within \(NumberText.shortest(limit)) m; a wider band gives steadier results")
      }
    }
    choices.insert(("working_crs", .string(working.identifier)), at: 0)
    if let layer {
      choices.insert(("areas_crs", .string(layer.source.crsDecision.crs.identifier)), at: 0)
      choices.append(("id_field", .string(layer.idField)))
    }
    choices.append(("features", .number(Double(values.count))))
    choices.append(("mean_neighbours", .number(weights.meanNeighbours)))
    choices.append(("islands", .number(Double(islands.count))))
    choices.append((
      "neighbour_counts",
      .object(weights.cardinalityHistogram.map { (String($0.neighbours), .number(Double($0.features))) })))
    if !quiet {
      console.progress(
        "features: \(values.count), mean neighbours \(NumberText.fixed(weights.meanNeighbours, digits: 2)), islands \(islands.count), working CRS \(working)",
        quiet: quiet)
    }
    if let transform { weights.transform(transform) }
    return AnalysisFeatures(
      units: features, values: values, weights: weights, working: working, choices: choices, notes: notes,
      inputs: inputs, readReport: readReport)
  }

  /// The band of ArcGIS Optimized Hot Spot Analysis (`IncrementalAutocorrelation`): every band
  /// tried, its Moran's I z, and the choice go to `choices` and, unless quiet, to stderr.
  private func automaticBand(
    centres: [Point], values: [Double], extent: BoundingBox, start: Double?, increment: Double?,
    choices: inout [(String, JSONValue)], console: Console, quiet: Bool, weightsAt: ((Double) -> SpatialWeights)?
  ) throws -> SpatialWeights {
    let side = Swift.max(extent.width, extent.height)
    guard let choice = IncrementalAutocorrelation.choose(
      centres: centres, values: values, extentLargestSide: side, start: start, increment: increment, weightsAt: weightsAt)
    else {
      throw InputError(
        file: areasFile ?? pointsFile ?? incidentSpecs.first ?? "",
        reason: .other("'--neighbours auto' needs at least \(IncrementalAutocorrelation.minimumFeatures) features (found \(centres.count)); give '--neighbours distance:<d>'"))
    }
    let build = weightsAt ?? { band in SpatialWeights.distanceBand(points: centres, limit: band * (1 + 1e-9)) }
    let band = choice.band
    var lines = ["automatic scale (Optimized Hot Spot Analysis):"]
    for step in choice.steps {
      lines.append("  band \(NumberText.fixed(step.band, digits: 1)) m: Moran's I \(NumberText.fixed(step.i, digits: 4)), z \(NumberText.fixed(step.z, digits: 2))")
    }
    var ruleText = choice.rule.rawValue
    if let k = choice.k { ruleText += " (k = \(k): 5 % of \(centres.count) clamped to [3, 30])" }
    if choice.floored { ruleText += "; raised to the floor, 0.1 % of the extent's largest side" }
    lines.append("  chosen band \(NumberText.fixed(band, digits: 1)) m: \(ruleText)")
    lines.append("  false discovery rate correction: on")
    if !quiet { console.error(lines.joined(separator: "\n") + "\n") }
    choices.append(("weights", .string("distance band \(NumberText.fixed(band, digits: 1)) m chosen automatically (inclusive)")))
    choices.append(("band_m", .number(band)))
    choices.append(("band_rule", .string(ruleText)))
    if let k = choice.k { choices.append(("band_k", .number(Double(k)))) }
    choices.append(("band_floor_m", .number(choice.floor)))
    if let peak = choice.firstPeak { choices.append(("band_first_peak_m", .number(peak))) }
    if let peak = choice.largestPeak { choices.append(("band_largest_peak_m", .number(peak))) }
    choices.append((
      "bands_tried",
      .array(choice.steps.map { step in
        .object([("band_m", .number(step.band)), ("moran_i", .number(step.i)), ("z", .number(step.z))])
      })))
    return build(band)
  }

  /// 1 m in a metric CRS; under planar (units unknown) 1e-7 of the layer's larger side.
  private func defaultTolerance(_ layer: AreaLayer) -> Double {
    guard layer.working == .planar else { return 1 }
    let box = layer.geometries.reduce(BoundingBox.empty) { $0.union($1.boundingBox) }
    return Swift.max(box.width, box.height) * 1e-7
  }
}

/// The features of a run: areas or grid cells, their values and binary neighbour weights.
struct AnalysisFeatures {
  enum Units {
    case areas(AreaLayer)
    case cells(CellLayout)
    case points(PointLayer)

    /// The centre of feature k (an area's centroid).
    func centre(of k: Int) -> Point {
      switch self {
      case .areas(let layer): layer.geometries[k].centroid
      case .cells(let layout): layout.centre(of: k)
      case .points(let layer): layer.points[k]
      }
    }
  }

  let units: Units
  let values: [Double]
  /// Without self: binary, or as the `transform` given to `load`.
  let weights: SpatialWeights
  let working: CRS
  /// What was chosen, for the provenance file and the summary.
  let choices: [(String, JSONValue)]
  /// Warnings for stderr.
  let notes: [String]
  let inputs: [String]
  let readReport: IncidentReadReport?

  /// The key columns: `area_id, area_name` or `x, y`.
  var keyColumns: [Table.Column] {
    switch units {
    case .areas: [.init("area_id"), .init("area_name")]
    case .cells, .points: [.init("x", alignment: .right), .init("y", alignment: .right)]
    }
  }

  /// The key cells of feature k.
  func keys(_ k: Int) -> [Table.Cell] {
    switch units {
    case .areas(let layer): return [.text(layer.ids[k]), .text(layer.names[k])]
    case .cells, .points:
      let centre = units.centre(of: k)
      return [.number(centre.x, digits: 3), .number(centre.y, digits: 3)]
    }
  }

  /// Each feature's geometry in WGS84, with `table`'s row as properties (RFC 7946).
  func geoJSON(_ table: Table) throws -> String {
    let geometries: [Geometry]
    switch units {
    case .areas(let layer): geometries = layer.geometries
    case .cells(let layout): geometries = (0..<layout.count).map { .polygon(Polygon(exterior: layout.ring(of: $0))) }
    case .points(let layer): geometries = layer.points.map { .point($0) }
    }
    return try TableGeoJSON.write(table, geometries: geometries, from: working, file: inputs.first ?? "")
  }
}
