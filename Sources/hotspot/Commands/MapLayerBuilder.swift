import Analyses
import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// Turns the `--layer` values of `hotspot map` into drawable layers, computing what each needs
/// (counts, rates, density, Gi*) with the library, and records the values it chose.
final class MapLayerBuilder {
  let areas: AreaLayer
  let incidents: IncidentTable?
  let classes: ClassBreaks.Method
  let classesDescription: String
  let palette: String
  let suppressBelow: Double?
  let populationField: String?
  let per: Double
  let declaredCRS: CRS?
  /// Values chosen automatically, for provenance.
  private(set) var choices: [(String, JSONValue)] = []

  init(
    areas: AreaLayer, incidents: IncidentTable?, classes: ClassBreaks.Method, classesDescription: String,
    palette: String, suppressBelow: Double?, populationField: String?, per: Double, declaredCRS: CRS?
  ) {
    self.areas = areas
    self.incidents = incidents
    self.classes = classes
    self.classesDescription = classesDescription
    self.palette = palette
    self.suppressBelow = suppressBelow
    self.populationField = populationField
    self.per = per
    self.declaredCRS = declaredCRS
  }

  struct Built {
    var layers: [MapLayer]
    /// Per-area values, for labels.
    var values: [Double?]?
    /// A title for the map when this is its first layer.
    var headline: String?
  }

  func build(_ layer: MapCommand.Layer) throws -> Built {
    switch layer {
    case .count:
      let counts = self.counts().map { Double($0) }
      return Built(layers: [choropleth(counts, heading: "Incidents", digits: 0, suppress: true)], values: counts, headline: "Incidents by area")
    case .rate:
      let counts = self.counts()
      let populations = areas.property(populationField ?? "").map { $0?.number }
      let rates = zip(counts, populations).map { Rates.perPopulation($0, population: $1, per: per) }
      let heading = "Incidents per \(Format.count(Int(per))) people"
      return Built(layers: [choropleth(rates, heading: heading, digits: 1, suppress: false)], values: rates, headline: heading)
    case .field(let name):
      let values = areas.property(name).map { $0?.number }
      guard values.contains(where: { $0 != nil }) else {
        throw InputError(file: areas.file, field: name, reason: .other("no area has a numeric value in this property"))
      }
      return Built(layers: [choropleth(values, heading: name, digits: 2, suppress: false)], values: values, headline: name + " by area")
    case .density:
      return Built(layers: try density(), values: nil, headline: "Incident density")
    case .gistar:
      return Built(layers: [gistar()], values: nil, headline: "Hot spots (Getis-Ord Gi*)")
    case .points:
      return Built(layers: [points()], values: nil, headline: "Incidents")
    case .zones(let file):
      let zones = try BoundaryReader.read(file: file, declaredCRS: declaredCRS)
      guard let transform = CoordinateTransform(from: zones.collection.crs, to: areas.working) else {
        throw InputError(file: file, reason: .other("zones in \(zones.collection.crs) cannot be drawn over areas in \(areas.working)"))
      }
      let geometries = zones.collection.features.compactMap { $0.geometry?.isAreal == true ? $0.geometry : nil }
        .map { $0.mapPoints(transform.apply) }
      let name = String(file.split(separator: "/").last?.split(separator: ".").first ?? "zones")
      return Built(layers: [.outlines(name: name.replacingOccurrences(of: "-", with: " "), geometries: geometries, colour: "#1b1b1b")], values: nil, headline: nil)
    }
  }

  /// Incidents per area, binned once however many layers use them.
  private lazy var areaCounts: [Int] = {
    guard let incidents else { return Array(repeating: 0, count: areas.count) }
    var tally = AreaTally(areaCount: areas.count)
    tally.add(incidents, index: PolygonIndex(areas: areas.geometries), nearest: nil)
    return tally.counts
  }()

  private func counts() -> [Int] { areaCounts }

  private func choropleth(_ values: [Double?], heading: String, digits: Int, suppress: Bool) -> MapLayer {
    let suppression = suppress ? suppressBelow : nil
    let shown = values.map { value in value.flatMap { v in suppression.map { v < $0 ? nil : v } ?? v } }
    let breaks = ClassBreaks.breaks(shown.compactMap { $0 }, method: classes)
    let colours = breaks.isEmpty ? [] : Palette.colours(palette, classes: breaks.count) ?? Palette.sequential(breaks.count)
    choices.append(("breaks_" + heading.lowercased().replacingOccurrences(of: " ", with: "_"), .array(breaks.map(JSONValue.number))))
    return .choropleth(
      .classed(
        ids: areas.ids, names: areas.names, geometries: areas.geometries, values: values, breaks: breaks,
        colours: colours, heading: heading, note: classesDescription, digits: digits, suppressBelow: suppression))
  }

  /// The density surface over the areas in classes, each class's cells dissolved into one shape.
  private func density() throws -> [MapLayer] {
    guard let incidents, incidents.count > 0 else { return [.boundaries(areas.geometries)] }
    let plan: DensityPlan
    do {
      plan = try DensityPlan(
        x: incidents.x, y: incidents.y, weights: incidents.weight, areas: areas.geometries, kernel: .quartic,
        bandwidth: nil, cell: nil, extent: nil, maximumCells: DensityCommand.maximumCells)
    } catch {
      throw UsageError(error.description)
    }
    let surface = KernelDensity.evaluate(
      x: incidents.x, y: incidents.y, weights: incidents.weight, grid: plan.grid, kernel: .quartic, bandwidth: plan.bandwidth)
    let inside = plan.inside ?? Array(repeating: true, count: surface.count)
    // Breaks from the cells with incidents near them; every cell of the study area is drawn,
    // the empty ones in the lowest class.
    let shown = surface.indices.filter { inside[$0] }
    let breaks = ClassBreaks.breaks(shown.compactMap { surface[$0] > 0 ? surface[$0] : nil }, method: classes)
    let colours = breaks.isEmpty ? [] : Palette.colours(palette, classes: breaks.count) ?? Palette.sequential(breaks.count)
    var cellsByClass = [[Int]](repeating: [], count: breaks.count)
    if !breaks.isEmpty {
      for cell in shown { cellsByClass[ClassBreaks.classIndex(of: surface[cell], breaks: breaks)].append(cell) }
    }
    let bands = cellsByClass.enumerated().compactMap { c, cells -> MapLayer.Choropleth.Area? in
      guard !cells.isEmpty else { return nil }
      return MapLayer.Choropleth.Area(
        id: "class-\(c + 1)", name: "", geometry: HotSpotRegions.outline(cells: cells, grid: plan.grid), classIndex: c,
        valueText: ClassBreaks.label(class: c, breaks: breaks, digits: 1))
    }
    choices += [
      ("density_kernel", "quartic"), ("density_bandwidth_m", .number(plan.bandwidth)),
      ("density_bandwidth_rule", .string(plan.bandwidthRule)), ("density_cell_m", .number(plan.grid.cellSize)),
      ("density_cell_rule", .string(plan.cellRule)), ("density_breaks", .array(breaks.map(JSONValue.number))),
    ]
    let note = "quartic kernel; bandwidth \(NumberText.fixed(plan.bandwidth, digits: 0)) m; \(NumberText.shortest(plan.grid.cellSize)) m cells; \(classesDescription)"
    return [
      .choropleth(MapLayer.Choropleth(
        areas: bands, heading: "Incidents per km²", note: note,
        classes: breaks.indices.map { (ClassBreaks.label(class: $0, breaks: breaks, digits: 1), colours[$0]) },
        missingLabel: "none", stroked: false)),
      .boundaries(areas.geometries),
    ]
  }

  /// Gi* classes of the counts per area, queen neighbours within 1 m (the feature itself included).
  private func gistar() -> MapLayer {
    let values = counts().map(Double.init)
    let tolerance = areas.working == .planar ? 0 : 1.0
    let weights = SpatialWeights.contiguity(areas: areas.geometries, rule: .queen, tolerance: tolerance)
    let result = GetisOrdGiStar.compute(values: values, weights: weights)
    choices += [("gistar_neighbours", "queen"), ("gistar_tolerance_m", .number(tolerance)), ("gistar_p", "two-sided normal")]
    let labels = [
      "Cold spot, 99 % confidence", "Cold spot, 95 %", "Cold spot, 90 %", "Not significant", "Hot spot, 90 %",
      "Hot spot, 95 %", "Hot spot, 99 % confidence",
    ]
    let mapAreas = areas.ids.indices.map { i in
      MapLayer.Choropleth.Area(
        id: areas.ids[i], name: areas.names[i], geometry: areas.geometries[i], classIndex: result.classes[i] + 3,
        valueText: "z = " + NumberText.fixed(result.z[i], digits: 2))
    }
    return .choropleth(MapLayer.Choropleth(
      areas: mapAreas, heading: "Getis-Ord Gi*", note: "incidents per area, queen neighbours",
      classes: zip(labels, Palette.hotCold).map { ($0, $1) }))
  }

  /// Incidents as dots, one per distinct position, sized by the number stacked there.
  private func points() -> MapLayer {
    guard let incidents else { return .points(name: "incidents", positions: [], colour: "#08306b") }
    var stacks: [Point: Int] = [:]
    var order: [Point] = []
    for i in 0..<incidents.count {
      let p = incidents.point(i)
      if stacks[p] == nil { order.append(p) }
      stacks[p, default: 0] += 1
    }
    return .points(name: "incidents", positions: order.map { ($0, stacks[$0] ?? 1) }, colour: "#08306b")
  }
}

/// The attribution lines and data note for the inputs a map was made from, when recognised.
enum MapAttribution {
  static func lines(areas: AreaLayer?, report: IncidentReadReport?) -> (lines: [String], note: String?) {
    var lines: [String] = []
    if let areas, BoundaryFields.isONS(areas.idField, suffix: "cd") {
      lines.append(
        "Boundaries: contains OS data © Crown copyright and database right; contains ONS data © Crown copyright (Open Government Licence v3.0).")
    } else if let areas {
      lines.append("Boundaries: \(areas.file.split(separator: "/").last.map(String.init) ?? areas.file).")
    }
    var note: String?
    if let report {
      if report.format == .policeUK {
        lines.append("Incidents: data.police.uk, contains public sector information licensed under the Open Government Licence v3.0.")
        note = "Locations are approximate: police.uk moves each incident to one of about 750,000 anonymous points, so points stack."
      } else {
        lines.append("Incidents: " + report.files.map { $0.split(separator: "/").last.map(String.init) ?? $0 }.joined(separator: ", ") + ".")
      }
    }
    return (lines, note)
  }
}
