import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// Which features are neighbours (`--neighbours`).
public enum NeighbourRule: Equatable, Sendable {
  /// Areas: boundaries within the snap tolerance; square cells: the 8 around; hexagons: the 6 around.
  case queen
  /// Areas: a shared stretch of boundary; square cells: the 4 sharing an edge; hexagons: the 6 around.
  case rook
  /// Centres within this many metres (inclusive).
  case distance(Double)
  /// The k nearest centres, ties by index.
  case knn(Int)
  /// The band of ArcGIS Optimized Hot Spot Analysis (`IncrementalAutocorrelation`).
  case auto

  /// The weights of the rule between the cells of `layout` (of `cell` metres) and their
  /// description, or nil for `.auto` (chosen from the counts by `NeighbourWeights.automaticBand`).
  public func cellWeights(layout: CellLayout, cell: Double) -> (weights: SpatialWeights, description: String)? {
    let cells = layout.slots
    switch (self, layout.shape) {
    case (.queen, .hexagon(let grid)), (.rook, .hexagon(let grid)):
      return (
        SpatialWeights.hexBand(grid: grid, cells: cells),
        "cell band c = \(NumberText.shortest(cell)) m: the 6 hexagons sharing an edge"
      )
    case (.distance(let limit), .hexagon(let grid)):
      return (
        SpatialWeights.hexBand(grid: grid, cells: cells, limit: limit),
        "distance band \(NumberText.shortest(limit)) m between hexagon centres (inclusive)"
      )
    case (.queen, .square(let grid)), (.rook, .square(let grid)):
      let limit = self == .queen ? cell * 2.0.squareRoot() : cell
      return (
        SpatialWeights.gridBand(grid: grid, cells: cells, limit: limit),
        self == .queen
          ? "cell band c·√2 = \(NumberText.shortest(limit)) m: the 8 surrounding cells"
          : "cell band c = \(NumberText.shortest(limit)) m: the 4 cells sharing an edge"
      )
    case (.distance(let limit), .square(let grid)):
      return (
        SpatialWeights.gridBand(grid: grid, cells: cells, limit: limit),
        "distance band \(NumberText.shortest(limit)) m between cell centres (inclusive)"
      )
    case (.knn(let k), _):
      return (
        SpatialWeights.nearestNeighbours(points: cells.indices.map { layout.centre(of: $0) }, k: k),
        "\(k) nearest cell centres, ties by cell index"
      )
    case (.auto, _):
      return nil
    }
  }
}

/// The automatic choices of `--neighbours auto` (ArcGIS Optimized Hot Spot Analysis) and the
/// default snap tolerance of contiguity.
public enum NeighbourWeights {
  /// The automatic cell size: the shorter side of the incidents' extent / 50 (sfhotspot's rule,
  /// METHODS.md), rounded down to a multiple of 100 m when at least 100 m.
  public static func automaticCellSize(_ box: BoundingBox) -> Double {
    let raw = Swift.min(box.width, box.height) / 50
    return raw >= 100 ? (raw / 100).rounded(.down) * 100 : raw
  }

  /// 1 m in a metric CRS; under planar (units unknown) 1e-7 of the layer's larger side.
  public static func defaultTolerance(_ layer: AreaLayer) -> Double {
    guard layer.working == .planar else { return 1 }
    let box = layer.geometries.reduce(BoundingBox.empty) { $0.union($1.boundingBox) }
    return Swift.max(box.width, box.height) * 1e-7
  }

  /// The band of ArcGIS Optimized Hot Spot Analysis (`IncrementalAutocorrelation`): every band
  /// tried, its Moran's I z, and the choice go to `choices`; `scale` is the same in words, as the
  /// command line prints it. `weightsAt` builds the weights of a band (default: a distance band
  /// between `centres`).
  /// - Throws: `InputError` naming `file` when there are too few features to choose a band.
  static func automaticBand(
    centres: [Point], values: [Double], extent: BoundingBox, start: Double?, increment: Double?, file: String,
    choices: inout [(String, JSONValue)], scale: inout String?, weightsAt: ((Double) -> SpatialWeights)?
  ) throws(InputError) -> SpatialWeights {
    let side = Swift.max(extent.width, extent.height)
    guard
      let choice = IncrementalAutocorrelation.choose(
        centres: centres, values: values, extentLargestSide: side, start: start, increment: increment,
        weightsAt: weightsAt)
    else {
      throw InputError(
        file: file,
        reason: .other(
          "'--neighbours auto' needs at least \(IncrementalAutocorrelation.minimumFeatures) features (found \(centres.count)); give '--neighbours distance:<d>'"
        ))
    }
    let build = weightsAt ?? { band in SpatialWeights.distanceBand(points: centres, limit: band * (1 + 1e-9)) }
    let band = choice.band
    var lines = ["automatic scale (Optimized Hot Spot Analysis):"]
    for step in choice.steps {
      lines.append(
        "  band \(NumberText.fixed(step.band, digits: 1)) m: Moran's I \(NumberText.fixed(step.i, digits: 4)), z \(NumberText.fixed(step.z, digits: 2))"
      )
    }
    var ruleText = choice.rule.rawValue
    if let k = choice.k { ruleText += " (k = \(k): 5 % of \(centres.count) clamped to [3, 30])" }
    if choice.floored { ruleText += "; raised to the floor, 0.1 % of the extent's largest side" }
    lines.append("  chosen band \(NumberText.fixed(band, digits: 1)) m: \(ruleText)")
    lines.append("  false discovery rate correction: on")
    scale = lines.joined(separator: "\n") + "\n"
    choices.append(
      ("weights", .string("distance band \(NumberText.fixed(band, digits: 1)) m chosen automatically (inclusive)")))
    choices.append(("band_m", .number(band)))
    choices.append(("band_rule", .string(ruleText)))
    if let k = choice.k { choices.append(("band_k", .number(Double(k)))) }
    choices.append(("band_floor_m", .number(choice.floor)))
    if let peak = choice.firstPeak { choices.append(("band_first_peak_m", .number(peak))) }
    if let peak = choice.largestPeak { choices.append(("band_largest_peak_m", .number(peak))) }
    choices.append(
      (
        "bands_tried",
        .array(
          choice.steps.map { step in
            .object([("band_m", .number(step.band)), ("moran_i", .number(step.i)), ("z", .number(step.z))])
          })
      ))
    return build(band)
  }
}
