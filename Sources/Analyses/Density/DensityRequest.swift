import GeoCore
import GeoIO
import SpatialAnalysis

/// An exact kernel density surface of incidents (`hotspot density`), in incidents per km² at
/// every cell centre, and the hot-spot regions drawn from it. Defaults follow the established
/// tools (ArcGIS's bandwidth rule; spatstat's edge correction) and are recorded in `choices`.
public struct DensityRequest: Sendable {
  /// The incidents (files, columns, period and categories).
  public var incidents: IncidentSource
  /// Repair invalid area polygons by the even-odd rule (`--repair`) instead of refusing them
  /// (`AreaValidity`); each change is reported among the warnings.
  public var repairAreas = false
  /// A study area (GeoJSON or Shapefile): cells whose centre lies outside are no-data. Optional.
  public var areasFile: String?
  /// The kernel (quartic by default).
  public var kernel: Kernel
  /// The bandwidth in metres; nil chooses it by ArcGIS's rule (0.9 · min(SD, √(1/ln 2) · Dm) · n^-0.2).
  public var bandwidth: Double?
  /// The cell size in metres; nil chooses a 250th of the extent's shorter side, rounded.
  public var cell: Double?
  /// The grid extent in metres of the working CRS, used exactly; nil snaps the areas' (or the
  /// incidents' plus one bandwidth) outward to whole cells.
  public var extent: BoundingBox?
  /// Divide each cell by the share of its kernel inside the study area (needs `areasFile`).
  public var edgeCorrect: Bool
  /// How hot-spot regions are drawn from the surface; nil draws none.
  public var regions: HotSpotRegions.Rule?
  /// A baseline period: its surface is evaluated on the same grid with the same bandwidth, and
  /// the result holds the change cell by cell (`DensityResult.change`). Needs `incidents.filter.period`.
  public var baselinePeriod: Period?

  /// A request with the command line's defaults for everything not given.
  public init(
    incidents: IncidentSource, areasFile: String? = nil, kernel: Kernel = .quartic, bandwidth: Double? = nil,
    cell: Double? = nil, extent: BoundingBox? = nil, edgeCorrect: Bool = false, regions: HotSpotRegions.Rule? = nil,
    baselinePeriod: Period? = nil
  ) {
    self.incidents = incidents
    self.areasFile = areasFile
    self.kernel = kernel
    self.bandwidth = bandwidth
    self.cell = cell
    self.extent = extent
    self.edgeCorrect = edgeCorrect
    self.regions = regions
    self.baselinePeriod = baselinePeriod
  }

  /// Checks the options against each other, without reading anything.
  /// - Throws: `RequestError` when `edgeCorrect` is asked for without a study area, or a baseline
  ///   period without a period.
  public func validate() throws(RequestError) {
    if baselinePeriod != nil && incidents.filter.period == nil {
      throw RequestError("'--compare-to' needs '--period': the change is measured from the baseline to the period.")
    }
    if edgeCorrect && areasFile == nil {
      throw RequestError("'--edge-correct' needs '--areas': the study area whose edge is corrected for.")
    }
  }

  /// Reads the areas and every incident, plans the grid, evaluates the surface and draws the regions.
  /// - Throws: `RequestError` (the options, or a grid over `CellLayout.maximumCells`), `InputError`.
  public func run(progress: (String) -> Void = { _ in }) throws -> DensityResult {
    try validate()
    let layer = try areasFile.map { file throws in
      try AreaLayer.load(
        file: file, declaredCRS: incidents.declaredCRS, idField: nil, nameField: nil, repair: repairAreas)
    }
    // Every incident (density needs them all), filtered, in the working CRS.
    let loaded = try IncidentInput.load(
      incidents, working: layer?.working, purpose: "map", labels: false,
      extentFromIncidents: layer == nil && extent == nil)
    let table = loaded.table
    let setup: DensityPlan
    do {
      setup = try DensityPlan(
        x: table.x, y: table.y, weights: table.weight, areas: layer?.geometries, kernel: kernel,
        bandwidth: bandwidth, cell: cell, extent: extent, maximumCells: CellLayout.maximumCells)
    } catch {
      throw RequestError(error.description)
    }
    let shares = setup.inside.flatMap { inside in
      edgeCorrect
        ? EdgeCorrection.shares(inside: inside, grid: setup.grid, kernel: kernel, bandwidth: setup.bandwidth) : nil
    }
    let density = surface(table, setup: setup, shares: shares)
    var change: CellChange?
    var baselineIncidents = 0
    if let baselinePeriod, let period = incidents.filter.period {
      // The baseline's incidents on the period's grid, bandwidth, mask and edge correction.
      var source = incidents
      source.filter = IncidentFilter(period: baselinePeriod, categories: incidents.filter.categories)
      let baseline = try IncidentInput.load(source, working: loaded.working, purpose: "compare", labels: false).table
      baselineIncidents = baseline.count
      change = CellChange(
        period: period, baselinePeriod: baselinePeriod, current: density,
        baseline: surface(baseline, setup: setup, shares: shares),
        areCounts: false)
    }
    let drawn =
      regions.map { rule in
        HotSpotRegions.regions(
          selected: HotSpotRegions.select(rule, density: density), density: density, grid: setup.grid,
          x: table.x, y: table.y, weights: table.weight)
      } ?? []
    return DensityResult(
      setup: setup, kernel: kernel, density: density, regions: drawn, rule: regions, incidents: table.count,
      totalWeight: table.weight?.reduce(0, +) ?? Double(table.count), weighted: table.weight != nil,
      edgeCorrected: edgeCorrect, working: loaded.working, report: loaded.report, filtered: loaded.filtered,
      inputs: loaded.files + (layer?.source.files ?? []), change: change, baselineIncidents: baselineIncidents)
  }

  /// The density of `table` per km² at each cell of the plan (nil outside the study area), each
  /// cell divided by its kernel's share inside the study area when `shares` are given.
  private func surface(_ table: IncidentTable, setup: DensityPlan, shares: [Double?]?) -> [Double?] {
    var density: [Double?] = KernelDensity.evaluate(
      x: table.x, y: table.y, weights: table.weight, grid: setup.grid, kernel: kernel, bandwidth: setup.bandwidth
    ).map { Optional($0) }
    if let inside = setup.inside {
      for cell in density.indices where !inside[cell] { density[cell] = nil }
      if let shares {
        for cell in density.indices {
          if let value = density[cell], let share = shares[cell], share > 0 { density[cell] = value / share }
        }
      }
    }
    return density
  }
}
