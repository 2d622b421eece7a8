import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

extension FeatureSource {
  /// What `load` hands a caller that wants the incidents it counts as well (one read for both):
  /// a kept chunk in the working CRS (with its dates), the number of features, and where each
  /// incident falls (the feature's index, or nil outside every area or analysed cell).
  public typealias IncidentVisitor = (_ chunk: IncidentTable, _ featureCount: Int, _ locate: (Point) -> Int?) -> Void

  /// Reads the inputs and builds the features, their values and their self-free weights: binary,
  /// or rescaled by `transform` (in place, without a second copy of them).
  /// - Parameters:
  ///   - transform: the weights' rescaling; nil: binary.
  ///   - visit: when given, every kept incident counted into areas or cells is handed over too
  ///     (chunk by chunk while cells of a known layout are binned; else once, whole, when the
  ///     features are known), so a caller needing more than the totals reads the files once.
  ///     Not called for points, nor for values taken from a property.
  /// - Throws: `RequestError` (see `validate`, and grids over `CellLayout.maximumCells`), `InputError`
  ///   (unreadable inputs, a value missing, too few features for `--neighbours auto`).
  public func load(transform: SpatialWeights.Transform? = nil, visit: IncidentVisitor? = nil) throws
    -> AnalysisFeatures
  {
    try validate()
    let declaredCRS = incidents.declaredCRS
    let layer = try areasFile.map { file throws(InputError) in
      try AreaLayer.load(
        file: file, declaredCRS: declaredCRS, idField: idField, nameField: nameField, repair: repairAreas)
    }
    var notes: [String] = layer?.repairs ?? []
    var scale: String?
    var choices: [(String, JSONValue)] = []
    let pointLayer = try pointsFile.map { file throws(InputError) in
      try PointLayer.load(file: file, declaredCRS: declaredCRS, valueColumn: valueColumn)
    }
    var inputs = [areasFile, pointsFile].compactMap { $0 }
    var readReport: IncidentReadReport?
    var filtered: IncidentFilter.Outcome?
    // The kept incidents with their dates, for `visit` (only when it is given and they are held).
    var held: IncidentTable?

    // Incidents, in the working CRS of the areas or points (or their own).
    var x: [Double] = []
    var y: [Double] = []
    var working = layer?.working ?? pointLayer?.working
    // Cells whose size and span are given (--cell, with --extent or --areas) are laid out first
    // and the incidents binned as they are read, never all held.
    var binned: (layout: CellLayout, counts: [Double], outside: Int)?
    if !incidents.isEmpty {
      let loaded: IncidentInput.Loaded
      if let cell, extent != nil || layer != nil {
        let layout = try CellLayout.layout(
          cell: cell, hex: hex, extent: extent, areas: layer?.geometries, points: .empty)
        var counts = [Double](repeating: 0, count: layout.count)
        var outside = 0
        loaded = try IncidentInput.forEach(
          incidents, working: working, purpose: "analyse", labels: false
        ) { chunk in
          outside += layout.tally(x: chunk.x, y: chunk.y, into: &counts)
          visit?(chunk, layout.count) { layout.cell(of: $0) }
        }
        binned = (layout, counts, outside)
      } else {
        loaded = try IncidentInput.load(
          incidents, working: working, purpose: "analyse", labels: false,
          extentFromIncidents: extent == nil && layer == nil && pointLayer == nil)
        x = loaded.table.x
        y = loaded.table.y
        if visit != nil { held = loaded.table }
      }
      inputs += loaded.files
      readReport = loaded.report
      filtered = loaded.filtered
      notes += loaded.report.problems.map(\.description)
      working = loaded.working
      choices.append(("incidents_crs", .string(loaded.report.crsDecision.crs.identifier)))
      choices.append(("incidents", .number(Double(loaded.filtered.kept))))
      if loaded.filtered.removed > 0 {
        choices.append(("incidents_filtered_out", .number(Double(loaded.filtered.removed))))
      }
      if loaded.filtered.outliers > 0 {
        choices.append(("incidents_outliers", .number(Double(loaded.filtered.outliers))))
        choices.append(("outlier_rule", .string(LocationalOutliers.rule)))
      }
    }
    guard let working else { throw InputError(file: areasFile ?? "", reason: .other("nothing to analyse")) }

    let features: AnalysisFeatures.Units
    let values: [Double]
    var weights: SpatialWeights
    let rule = neighbourRule
    let bandFile = areasFile ?? pointsFile ?? incidents.files.first ?? ""
    var cellSize = cell
    if automaticCell {
      let box = extent ?? BoundingBox(x: x, y: y)
      let size = NeighbourWeights.automaticCellSize(box)
      guard size > 0 else {
        throw InputError(
          file: inputs.joined(separator: ", "),
          reason: .other("the incidents' extent has no width or height; give '--cell'"))
      }
      cellSize = size
      choices.append(
        (
          "cell_size_rule",
          "automatic: the shorter side of the extent / 50, rounded down to a multiple of 100 m (sfhotspot's rule)"
        ))
    }
    if let cell = cellSize {
      let layout =
        try binned?.layout
        ?? CellLayout.layout(
          cell: cell, hex: hex, extent: extent, areas: layer?.geometries,
          points: BoundingBox(x: x, y: y), hull: extent == nil && layer == nil ? ConvexHull(x: x, y: y) : nil)
      choices.append(("cells_rule", .string(layout.rule.rawValue)))
      if hex { choices.append(("cell_shape", .string(CellLayout.hexagonShape))) }
      features = .cells(layout)
      let (counts, outside) = binned.map { ($0.counts, $0.outside) } ?? layout.tally(x: x, y: y)
      if outside > 0 { notes.append("\(outside) incidents lie outside the analysed cells and are left out") }
      let gridBox = layout.extent
      choices.append(("cell_m", .number(cell)))
      choices.append(
        ("grid", .array([.number(gridBox.minX), .number(gridBox.minY), .number(gridBox.maxX), .number(gridBox.maxY)])))
      choices.append(("incidents_outside_cells", .number(Double(outside))))
      values = counts
      if let held { visit?(held, layout.count) { layout.cell(of: $0) } }
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
        weights = try NeighbourWeights.automaticBand(
          centres: cells.indices.map { layout.centre(of: $0) }, values: counts, extent: gridBox, start: cell,
          increment: cell,
          file: bandFile, choices: &choices, scale: &scale, weightsAt: bandWeights)
      }
    } else if let pointLayer {
      features = .points(pointLayer)
      choices.append(("points_crs", .string(pointLayer.sourceCRS.identifier)))
      if let given = pointLayer.values {
        values = given
        choices.append(("value", .string("column \(valueColumn ?? "")")))
      } else {
        values = NearestPoint(points: pointLayer.points).tally(x: x, y: y)
        choices.append(
          (
            "value",
            "incidents whose nearest point this is (Euclidean, every incident assigned; ties to the point first in the file)"
          ))
      }
      switch neighbours {
      case .auto:
        weights = try NeighbourWeights.automaticBand(
          centres: pointLayer.points, values: values, extent: BoundingBox(points: pointLayer.points), start: nil,
          increment: nil, file: bandFile, choices: &choices, scale: &scale, weightsAt: nil)
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
        choices.append(
          (
            "weights",
            .string(
              "distance band \(NumberText.fixed(band, digits: 3)) m between points: the smallest giving every point a neighbour (ArcGIS default)"
            )
          ))
        choices.append(("band_m", .number(band)))
      }
    } else {
      guard let layer else { throw RequestError("Missing '--areas <file>'.") }
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
        if let held { visit?(held, layer.count) { index.firstContaining($0) } }
        if tally.outside > 0 { notes.append("\(tally.outside) incidents lie in no area and are left out") }
        values = tally.counts.map(Double.init)
        choices.append(("value", "incident count per area (half-open edge rule, as count)"))
        choices.append(("incidents_outside_areas", .number(Double(tally.outside))))
      }
      switch rule {
      case .queen, .rook:
        let tolerance = snapTolerance ?? NeighbourWeights.defaultTolerance(layer)
        weights = SpatialWeights.contiguity(
          areas: layer.geometries, rule: rule == .queen ? .queen : .rook, tolerance: tolerance)
        choices.append(
          (
            "weights",
            .string(
              rule == .queen
                ? "queen contiguity: boundaries within the snap tolerance"
                : "rook contiguity: a shared stretch of boundary longer than the snap tolerance")
          ))
        choices.append(("snap_tolerance", .number(tolerance)))
        choices.append(
          (
            "snap_tolerance_rule",
            .string(
              snapTolerance != nil
                ? "--snap-tolerance"
                : working == .planar ? "1e-7 of the layer's larger side (planar units unknown)" : "1 m default")
          ))
      case .distance(let limit):
        weights = SpatialWeights.distanceBand(points: layer.geometries.map(\.centroid), limit: limit)
        choices.append(
          ("weights", .string("distance band \(NumberText.shortest(limit)) m between area centroids (inclusive)")))
      case .knn(let k):
        weights = SpatialWeights.nearestNeighbours(points: layer.geometries.map(\.centroid), k: k)
        choices.append(("weights", .string("\(k) nearest area centroids, ties by file order")))
      case .auto:
        weights = try NeighbourWeights.automaticBand(
          centres: layer.geometries.map(\.centroid), values: values,
          extent: layer.geometries.reduce(BoundingBox.empty) { $0.union($1.boundingBox) }, start: nil, increment: nil,
          file: bandFile, choices: &choices, scale: &scale, weightsAt: nil)
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
          "\(few) of \(weights.count) features have fewer than 8 neighbours within \(NumberText.shortest(limit)) m; a wider band gives steadier results"
        )
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
    choices.append(
      (
        "neighbour_counts",
        .object(weights.cardinalityHistogram.map { (String($0.neighbours), .number(Double($0.features))) })
      ))
    if let transform { weights.transform(transform) }
    return AnalysisFeatures(
      units: features, values: values, weights: weights, working: working, choices: choices, warnings: notes,
      inputs: inputs, readReport: readReport, filtered: filtered, automaticScale: scale)
  }
}
