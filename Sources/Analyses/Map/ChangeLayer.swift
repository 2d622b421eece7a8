import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// The `change` layer of a map: the kernel density of the period minus that of the baseline
/// period, cell by cell on one grid, in classes symmetric about 0 (what `MapLayers` draws for
/// `MapRequest.Layer.change`).
///
/// Both surfaces use one plan (quartic kernel, the bandwidth, cell and extent `density` would
/// choose for the two periods' incidents together, the areas as study area), so the cells and
/// bandwidth are the same. When the periods differ in length each surface is divided by its
/// months first (`CellChange.comparesPerMonth`). The classes: natural breaks (Fisher-Jenks) of
/// the sizes of the changes give bounds b₁ < … < bₖ; |change| ≤ b₁ is the neutral class (little or
/// no change) and each further bound adds a class on either side, decreases and increases alike.
enum ChangeLayer {
  /// The layer's content and the values chosen, for `incidents` in `period` against `baseline` in
  /// `baselinePeriod` over `areas`.
  /// - Throws: `RequestError` for a grid over `CellLayout.maximumCells`.
  static func build(
    areas: AreaLayer, incidents: IncidentTable, period: Period, baseline: IncidentTable, baselinePeriod: Period
  ) throws -> (content: MapLayerContent, choices: [(String, JSONValue)]) {
    let weighted = incidents.weight != nil || baseline.weight != nil
    let weights: [Double]? =
      weighted
      ? (incidents.weight ?? Array(repeating: 1, count: incidents.count))
        + (baseline.weight ?? Array(repeating: 1, count: baseline.count)) : nil
    let plan: DensityPlan
    do {
      plan = try DensityPlan(
        x: incidents.x + baseline.x, y: incidents.y + baseline.y, weights: weights, areas: areas.geometries,
        kernel: .quartic, bandwidth: nil, cell: nil, extent: nil, maximumCells: CellLayout.maximumCells)
    } catch {
      throw RequestError(error.description)
    }
    let inside = plan.inside ?? Array(repeating: true, count: plan.grid.columns * plan.grid.rows)
    let surface = { (table: IncidentTable) -> [Double?] in
      KernelDensity.evaluate(
        x: table.x, y: table.y, weights: table.weight, grid: plan.grid, kernel: .quartic, bandwidth: plan.bandwidth
      ).enumerated().map { inside[$0.offset] ? $0.element : nil }
    }
    let change = CellChange(
      period: period, baselinePeriod: baselinePeriod, current: surface(incidents), baseline: surface(baseline),
      areCounts: false)
    let shown = (0..<change.count).map { change.shownChange($0) }
    let bounds = symmetricBounds(shown.compactMap { $0 })
    var cellsByClass = [[Int]](repeating: [], count: 2 * bounds.count - 1)
    for cell in shown.indices {
      guard let value = shown[cell] else { continue }
      cellsByClass[classIndex(of: value, bounds: bounds)].append(cell)
    }
    let bands = cellsByClass.enumerated().compactMap { c, cells -> (classIndex: Int, geometry: Geometry)? in
      cells.isEmpty ? nil : (c, HotSpotRegions.outline(cells: cells, grid: plan.grid))
    }
    let unit = "incidents per km²" + (change.comparesPerMonth ? " per month" : "")
    let choices: [(String, JSONValue)] = [
      ("change_kernel", "quartic"), ("change_bandwidth_m", .number(plan.bandwidth)),
      ("change_bandwidth_rule", .string(plan.bandwidthRule + ", both periods' incidents together")),
      ("change_cell_m", .number(plan.grid.cellSize)), ("change_baseline_period", .string(baselinePeriod.description)),
      ("change_units", .string(unit + ", \(period) minus \(baselinePeriod)")),
      ("change_bounds", .array(bounds.map(JSONValue.number))),
      (
        "change_classes",
        "symmetric about 0: natural breaks (Fisher-Jenks, 4) of |change|; |change| ≤ the first bound is no change"
      ),
    ]
    let note = [
      "incidents in \(period)", "minus those in \(baselinePeriod)", "quartic kernel",
      "bandwidth \(NumberText.fixed(plan.bandwidth, digits: 0)) m",
      "\(NumberText.shortest(plan.grid.cellSize)) m cells",
      "classes symmetric about 0",
    ]
    let heading = "Change per km²" + (change.comparesPerMonth ? " per month" : "")
    return (.change(bands: bands, bounds: bounds, heading: heading, note: note.joined(separator: "; ")), choices)
  }

  /// The bounds b₁ < … < bₖ of the sizes of `values`' changes (natural breaks in 4 of the nonzero
  /// |value|); [0] when nothing changed.
  static func symmetricBounds(_ values: [Double]) -> [Double] {
    let sizes = values.map(abs).filter { $0 > 0 }
    let bounds = ClassBreaks.breaks(sizes, method: .naturalBreaks(4))
    return bounds.isEmpty ? [0] : bounds
  }

  /// The class of `value` among the `2k − 1` classes of `bounds` (k of them): k − 1 is the neutral
  /// class (|value| ≤ b₁), lower indices larger decreases, higher ones larger increases.
  static func classIndex(of value: Double, bounds: [Double]) -> Int {
    let level = bounds.dropLast().filter { abs(value) > $0 }.count
    return bounds.count - 1 + (value < 0 ? -level : level)
  }
}
