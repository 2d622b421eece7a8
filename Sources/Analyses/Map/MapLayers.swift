import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// Computes what each `--layer` of a map needs (counts, rates, class breaks, a density surface,
/// Gi*) over one set of areas and incidents, and records the values it chose. Counts per area are
/// binned once however many layers use them.
public final class MapLayers {
  /// The areas drawn.
  public let areas: AreaLayer
  /// The incidents, in the areas' working CRS (nil: none).
  public let incidents: IncidentTable?
  /// How values are classed.
  public let classes: ClassBreaks.Method
  /// The classing in words, for notes and provenance.
  public let classesDescription: String
  /// Counts under this are shown as `<n` and left unshaded (count layers only).
  public let suppressBelow: Double?
  /// The area property holding the population (rate layers).
  public let populationField: String?
  /// Rates per this many people.
  public let per: Double
  /// The CRS declared for files without one (zones).
  public let declaredCRS: CRS?
  /// The areas may overlap: an incident counts in every area containing it (`count --overlapping`),
  /// not only the first in file order.
  public var overlapping = false
  /// Which area counts are published, when set by a caller that publishes more sums of them
  /// (the report's tables); nil: decided here, with the run's total as the only sum.
  public var areaStatus: [DisclosureRule.Status]?
  /// The period the incidents were kept for (the steps of an emerging layer); nil: their own months.
  public var periodFilter: Period?
  /// The incidents of the baseline period (the change layer), in the areas' working CRS.
  public var baselineIncidents: IncidentTable?
  /// The baseline period the change layer compares `periodFilter` with.
  public var baselinePeriod: Period?
  /// Values chosen (class breaks, the density's bandwidth and cell, Gi*'s neighbours), in the
  /// order the layers were built, for provenance.
  public private(set) var choices: [(String, JSONValue)] = []

  /// A builder over `areas` and `incidents` (already filtered, in the areas' working CRS).
  public init(
    areas: AreaLayer, incidents: IncidentTable?, classes: ClassBreaks.Method, classesDescription: String,
    suppressBelow: Double?, populationField: String?, per: Double, declaredCRS: CRS?
  ) {
    self.areas = areas
    self.incidents = incidents
    self.classes = classes
    self.classesDescription = classesDescription
    self.suppressBelow = suppressBelow
    self.populationField = populationField
    self.per = per
    self.declaredCRS = declaredCRS
  }

  /// One `--layer` built.
  public struct Built: Sendable {
    /// What is drawn, bottom first.
    public var contents: [MapLayerContent]
    /// Per-area values, for labels.
    public var values: [Double?]?
    /// A title for the map when this is its first layer.
    public var headline: String?
  }

  /// Computes `layer`.
  /// - Throws: `InputError` (a field no area has, zones that cannot be read or related to the
  ///   areas), `RequestError` (a density grid over `CellLayout.maximumCells`, a change layer
  ///   without `periodFilter` and `baselinePeriod`).
  public func build(_ layer: MapRequest.Layer) throws -> Built {
    switch layer {
    case .count:
      let counts = areaCounts.map { Double($0) }
      let (shown, withheld) = withholding(counts, unit: "")
      return Built(
        contents: [choropleth(shown, heading: "Incidents", digits: 0, withheld: withheld)], values: shown,
        headline: "Incidents by area")
    case .rate:
      let populations = areas.property(populationField ?? "").map { $0?.number }
      let rates = zip(areaCounts, populations).map { Rates.perPopulation($0, population: $1, per: per) }
      let heading = "Incidents per \(Format.count(Int(per))) people"
      // A rate and a published population give the count back: a hidden count's rate is hidden.
      let (shown, withheld) = withholding(rates, unit: " incidents")
      return Built(
        contents: [choropleth(shown, heading: heading, digits: 1, withheld: withheld)], values: shown,
        headline: heading)
    case .field(let name):
      let values = areas.property(name).map { $0?.number }
      guard values.contains(where: { $0 != nil }) else {
        throw InputError(file: areas.file, field: name, reason: .other("no area has a numeric value in this property"))
      }
      return Built(
        contents: [choropleth(values, heading: name, digits: 2, withheld: nil)], values: values,
        headline: name + " by area")
    case .density:
      return Built(contents: try density(), values: nil, headline: "Incident density")
    case .change:
      guard let period = periodFilter, let baselinePeriod else {
        throw RequestError("The change layer needs '--period' and '--compare-to'.")
      }
      let (content, chosen) = try ChangeLayer.build(
        areas: areas, incidents: incidents ?? IncidentTable(crs: areas.working), period: period,
        baseline: baselineIncidents ?? IncidentTable(crs: areas.working), baselinePeriod: baselinePeriod)
      choices += chosen
      return Built(contents: [content, .boundaries], values: nil, headline: "Change in incident density")
    case .gistar:
      return Built(contents: [gistar()], values: nil, headline: "Hot spots (Getis-Ord Gi*)")
    case .emerging:
      return Built(contents: [emerging()], values: nil, headline: "Emerging hot spots")
    case .points:
      return Built(contents: [points()], values: nil, headline: "Incidents")
    case .zones(let file):
      let zones = try BoundaryReader.read(file: file, declaredCRS: declaredCRS)
      guard let transform = CoordinateTransform(from: zones.collection.crs, to: areas.working) else {
        throw InputError(
          file: file, reason: .other("zones in \(zones.collection.crs) cannot be drawn over areas in \(areas.working)"))
      }
      let geometries = zones.collection.features.compactMap { $0.geometry?.isAreal == true ? $0.geometry : nil }
        .map { $0.mapPoints(transform.apply) }
      let name = String(file.split(separator: "/").last?.split(separator: ".").first ?? "zones")
      return Built(
        contents: [.outlines(name: name.replacingOccurrences(of: "-", with: " "), geometries: geometries)], values: nil,
        headline: nil)
    }
  }

  /// The areas' index, built once for every layer that places incidents in areas (and for the
  /// caller's overlap check).
  public private(set) lazy var index = PolygonIndex(areas: areas.geometries)

  /// Incidents per area (half-open edge rule and `overlapping`, as `count`), binned once however many layers use them.
  public private(set) lazy var areaCounts: [Int] = {
    guard let incidents else { return Array(repeating: 0, count: areas.count) }
    var tally = AreaTally(areaCount: areas.count, overlapping: overlapping)
    tally.add(incidents, index: index, nearest: nil)
    return tally.counts
  }()

  /// Which area counts are published under `suppressBelow` (nil: all): `areaStatus` when set,
  /// else the `DisclosureRule` with the run's total as the sum published with them.
  public private(set) lazy var disclosure: [DisclosureRule.Status]? = {
    guard let rule = DisclosureRule.below(suppressBelow) else { return nil }
    if let areaStatus { return areaStatus }
    return rule.statuses(areaCounts, lines: [.init(parts: Array(areaCounts.indices))])
  }()

  /// `values` with the withheld areas' values removed, and their texts (`<5`, `[c]`).
  private func withholding(_ values: [Double?], unit: String) -> ([Double?], Withheld?) {
    guard let rule = DisclosureRule.below(suppressBelow), let status = disclosure else { return (values, nil) }
    let texts = status.indices.map { i in
      status[i].isHidden ? rule.text(areaCounts[i], status[i]) + (status[i] == .small ? unit : "") : nil
    }
    let legend = "withheld: under \(NumberText.shortest(rule.threshold)) incidents, or to protect them"
    return (values.indices.map { texts[$0] == nil ? values[$0] : nil }, Withheld(texts: texts, legend: legend))
  }

  private func choropleth(_ values: [Double?], heading: String, digits: Int, withheld: Withheld?) -> MapLayerContent {
    let breaks = ClassBreaks.breaks(values.compactMap { $0 }, method: classes)
    choices.append(
      ("breaks_" + heading.lowercased().replacingOccurrences(of: " ", with: "_"), .array(breaks.map(JSONValue.number))))
    return .choropleth(values: values, breaks: breaks, heading: heading, digits: digits, withheld: withheld)
  }

  /// The density surface over the areas in classes, each class's cells dissolved into one shape.
  private func density() throws -> [MapLayerContent] {
    guard let incidents, incidents.count > 0 else { return [.boundaries] }
    let plan: DensityPlan
    do {
      plan = try DensityPlan(
        x: incidents.x, y: incidents.y, weights: incidents.weight, areas: areas.geometries, kernel: .quartic,
        bandwidth: nil, cell: nil, extent: nil, maximumCells: CellLayout.maximumCells)
    } catch {
      throw RequestError(error.description)
    }
    let surface = KernelDensity.evaluate(
      x: incidents.x, y: incidents.y, weights: incidents.weight, grid: plan.grid, kernel: .quartic,
      bandwidth: plan.bandwidth)
    let inside = plan.inside ?? Array(repeating: true, count: surface.count)
    // Breaks from the cells with incidents near them; every cell of the study area is drawn,
    // the empty ones in the lowest class.
    let shown = surface.indices.filter { inside[$0] }
    let breaks = ClassBreaks.breaks(shown.compactMap { surface[$0] > 0 ? surface[$0] : nil }, method: classes)
    var cellsByClass = [[Int]](repeating: [], count: breaks.count)
    if !breaks.isEmpty {
      for cell in shown { cellsByClass[ClassBreaks.classIndex(of: surface[cell], breaks: breaks)].append(cell) }
    }
    let bands = cellsByClass.enumerated().compactMap { c, cells -> (classIndex: Int, geometry: Geometry)? in
      guard !cells.isEmpty else { return nil }
      return (c, HotSpotRegions.outline(cells: cells, grid: plan.grid))
    }
    choices += [
      ("density_kernel", "quartic"), ("density_bandwidth_m", .number(plan.bandwidth)),
      ("density_bandwidth_rule", .string(plan.bandwidthRule)), ("density_cell_m", .number(plan.grid.cellSize)),
      ("density_cell_rule", .string(plan.cellRule)), ("density_breaks", .array(breaks.map(JSONValue.number))),
    ]
    return [
      .density(bands: bands, breaks: breaks, bandwidth: plan.bandwidth, cellSize: plan.grid.cellSize), .boundaries,
    ]
  }

  /// Gi* classes of the counts per area, queen neighbours within 1 m (the feature itself included).
  private func gistar() -> MapLayerContent {
    let values = areaCounts.map(Double.init)
    let tolerance = areas.working == .planar ? 0 : 1.0
    let weights = SpatialWeights.contiguity(areas: areas.geometries, rule: .queen, tolerance: tolerance)
    let result = GetisOrdGiStar.compute(values: values, weights: weights)
    choices += [
      ("gistar_neighbours", "queen"), ("gistar_tolerance_m", .number(tolerance)), ("gistar_p", "two-sided normal"),
    ]
    // With the published counts, the z values would give the withheld counts back.
    return .gistar(z: suppressBelow == nil ? result.z.map { $0 } : result.z.map { _ in nil }, classes: result.classes)
  }

  /// Emerging hot spot categories of the counts per area and month (the incidents' months, or the
  /// period), queen neighbours, one time lag, analytic p at 0.01: `hotspot emerging`'s defaults.
  private func emerging() -> MapLayerContent {
    var counts = MonthlyCounts(locationCount: areas.count)
    if let incidents { counts.add(incidents) { index.firstContaining($0) } }
    let period = periodFilter
    guard let months = period.map({ $0.start.monthIndex...$0.end.monthIndex }) ?? counts.months else {
      return .emerging(categories: Array(repeating: .noPattern, count: areas.count), steps: "no dated incidents")
    }
    let cube = counts.cube(step: .month, months: months).cube
    let tolerance = NeighbourWeights.defaultTolerance(areas)
    let weights = SpatialWeights.contiguity(areas: areas.geometries, rule: .queen, tolerance: tolerance)
    let statistics = EmergingStatistics(cube: cube, weights: weights)
    let steps = "\(cube.stepCount) months \(cube.stepLabels.first ?? "")..\(cube.stepLabels.last ?? "")"
    choices += [
      ("emerging_steps", .string(steps)), ("emerging_neighbours", "queen"),
      ("emerging_tolerance_m", .number(tolerance)),
      ("emerging_time_lags", .number(1)), ("emerging_threshold", .number(0.01)),
      ("emerging_p", "analytic two-sided normal"),
      ("emerging_categories_rule", "sfdep classify_hotspot / ArcGIS Pro Emerging Hot Spot Analysis"),
    ]
    return .emerging(categories: statistics.locations.map(\.category), steps: steps)
  }

  /// Incidents as distinct positions, with the number stacked at each.
  private func points() -> MapLayerContent {
    guard let incidents else { return .points(positions: []) }
    var stacks: [Point: Int] = [:]
    var order: [Point] = []
    for i in 0..<incidents.count {
      let p = incidents.point(i)
      if stacks[p] == nil { order.append(p) }
      stacks[p, default: 0] += 1
    }
    return .points(positions: order.map { ($0, stacks[$0] ?? 1) })
  }
}
