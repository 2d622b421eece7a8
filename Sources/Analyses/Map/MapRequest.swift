import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// A print-ready map of areas (`hotspot map`): layers drawn in the order given over the areas,
/// each computed by `MapLayers`; Reports draws the result as SVG (`MapResult.svg()`).
public struct MapRequest: Sendable {
  /// A layer of the map (`--layer`).
  public enum Layer: Equatable, Sendable {
    /// Incidents per area, classed.
    case count
    /// Incidents per `per` people (the population in `populationField`), classed.
    case rate
    /// The kernel density surface (quartic, defaults as `density`) in classes, clipped to the areas.
    case density
    /// The change of kernel density from `baselinePeriod` to the period, cell by cell, in classes
    /// symmetric about 0 (a diverging palette).
    case change
    /// Gi* hot and cold spots of the counts per area, queen neighbours.
    case gistar
    /// Emerging hot spot categories per area: monthly steps, queen neighbours (as `hotspot emerging`'s defaults).
    case emerging
    /// Incidents as dots, stacked points drawn by size.
    case points
    /// An area property's numbers, classed.
    case field(String)
    /// The outlines of a boundary file, on top.
    case zones(String)
  }

  /// The boundary file (GeoJSON or Shapefile).
  public var areasFile: String
  /// The incidents (none: only field and zones layers can be drawn).
  public var incidents: IncidentSource
  /// Repair invalid area polygons by the even-odd rule (`--repair`) instead of refusing them
  /// (`AreaValidity`); each change is reported among the warnings.
  public var repairAreas = false
  /// The layers, drawn in order.
  public var layers: [Layer]
  /// How values are classed (natural breaks in 5 classes by default).
  public var classes: ClassBreaks.Method
  /// The classing in words.
  public var classesDescription: String
  /// The ColorBrewer scheme of choropleths and density.
  public var palette: String
  /// Show counts under this as `<n` and leave those areas unshaded.
  public var suppressBelow: Double?
  /// Label the areas with the highest values of the first layer that has values (0: none).
  public var labelCount: Int
  /// The area property holding the population (rate layer).
  public var populationField: String?
  /// Rates per this many people.
  public var per: Double
  /// The map's title; nil: named after the first layer.
  public var title: String?
  /// Source lines under the map; empty: the lines of the recognised inputs.
  public var attribution: [String]
  /// The areas may overlap: an incident counts in every area containing it (as `count --overlapping`).
  public var overlapping = false
  /// The area property holding the id (detected when nil).
  public var idField: String?
  /// The area property holding the name (detected when nil).
  public var nameField: String?
  /// The baseline period of the change layer; needs `incidents.filter.period`.
  public var baselinePeriod: Period?

  /// A request with the command line's defaults for everything not given.
  public init(
    areasFile: String, incidents: IncidentSource = IncidentSource(files: []), layers: [Layer] = [.count],
    classes: ClassBreaks.Method = .naturalBreaks(5), classesDescription: String = "natural breaks (Fisher-Jenks)",
    palette: String = "YlOrRd", suppressBelow: Double? = nil, labelCount: Int = 0, populationField: String? = nil,
    per: Double = 1000, title: String? = nil, attribution: [String] = [], idField: String? = nil,
    nameField: String? = nil, baselinePeriod: Period? = nil
  ) {
    self.areasFile = areasFile
    self.incidents = incidents
    self.layers = layers
    self.classes = classes
    self.classesDescription = classesDescription
    self.palette = palette
    self.suppressBelow = suppressBelow
    self.labelCount = labelCount
    self.populationField = populationField
    self.per = per
    self.title = title
    self.attribution = attribution
    self.idField = idField
    self.nameField = nameField
    self.baselinePeriod = baselinePeriod
  }

  /// Checks the options, without reading anything.
  /// - Throws: `RequestError` when a layer needs incidents or a population that are not given,
  ///   or the palette is unknown.
  public func validate() throws(RequestError) {
    let needsIncidents = layers.contains {
      [.count, .rate, .density, .change, .gistar, .emerging, .points].contains($0)
    }
    if needsIncidents && incidents.isEmpty {
      throw RequestError(
        "Missing '--incidents <file>': the layers count, rate, density, change, gistar, emerging and points map incidents."
      )
    }
    if baselinePeriod != nil && incidents.filter.period == nil {
      throw RequestError("'--compare-to' needs '--period': the change is measured from the baseline to the period.")
    }
    if layers.contains(.change) && baselinePeriod == nil {
      throw RequestError("The change layer needs '--period' and '--compare-to <period>': the two periods compared.")
    }
    if layers.contains(.rate) && populationField == nil {
      throw RequestError("The rate layer needs '--population-field <name>'.")
    }
    if suppressBelow != nil && layers.contains(.points) {
      throw RequestError(
        "The points layer draws every incident, so it cannot keep counts under '--suppress-below' hidden: leave out one of them."
      )
    }
    guard Palette.kind(of: palette) != nil else {
      throw RequestError("Unknown palette '\(palette)'. Use one of: \(Palette.names.joined(separator: ", ")).")
    }
  }

  /// Reads the areas and incidents and computes every layer, the labels and the subtitle.
  /// - Throws: `RequestError`, `InputError`.
  public func run(progress: (String) -> Void = { _ in }) throws -> MapResult {
    try validate()
    let areaLayer = try AreaLayer.load(
      file: areasFile, declaredCRS: incidents.declaredCRS, idField: idField, nameField: nameField, repair: repairAreas)
    var inputs = areaLayer.source.files
    var table: IncidentTable?
    var report: IncidentReadReport?
    if !incidents.isEmpty {
      var kept: IncidentTable?
      report = try IncidentInput.streamFiltered(incidents, working: areaLayer.working, purpose: "map") { table in
        if kept == nil { kept = table } else { kept?.append(contentsOf: table) }
      }.report
      table = kept
      inputs += try incidents.expandedFiles()
    }
    var baselineTable: IncidentTable?
    if let baselinePeriod, !incidents.isEmpty {
      var source = incidents
      source.filter = IncidentFilter(period: baselinePeriod, categories: incidents.filter.categories)
      baselineTable = try IncidentInput.load(source, working: areaLayer.working, purpose: "compare", labels: false)
        .table
    }
    let builder = MapLayers(
      areas: areaLayer, incidents: table, classes: classes, classesDescription: classesDescription,
      suppressBelow: suppressBelow, populationField: populationField, per: per, declaredCRS: incidents.declaredCRS)
    builder.periodFilter = incidents.filter.period
    builder.baselineIncidents = baselineTable
    builder.baselinePeriod = baselinePeriod
    builder.overlapping = overlapping
    var warnings = areaLayer.repairs
    if !overlapping, let overlap = areaLayer.overlapWarning(index: builder.index) { warnings.append(overlap) }
    var contents: [MapLayerContent] = []
    var labelValues: [Double?]?
    var headline = "Incidents"
    for layer in layers {
      let built = try builder.build(layer)
      contents.append(contentsOf: built.contents)
      if labelValues == nil, let values = built.values { labelValues = values }
      if let name = built.headline, contents.count == built.contents.count { headline = name }
      if case .zones(let file) = layer { inputs += [file] }
    }
    var labels: [MapResult.Label] = []
    if labelCount > 0, let values = labelValues {
      let ranked = values.indices.filter { values[$0] != nil }.sorted {
        (values[$0] ?? 0, -$0) > (values[$1] ?? 0, -$1)
      }
      labels = ranked.prefix(labelCount).map { area in
        MapResult.Label(
          text: areaLayer.names[area].isEmpty ? areaLayer.ids[area] : areaLayer.names[area],
          at: areaLayer.geometries[area].centroid)
      }
    }
    var subtitle: [String] = []
    if let period = incidents.filter.period {
      subtitle.append(baselinePeriod.map { "\(period) against \($0)" } ?? period.description)
    }
    if !incidents.filter.categories.isEmpty { subtitle.append(incidents.filter.categories.joined(separator: ", ")) }
    // The incidents the map shows: those in an area (the counts its layers draw); the others
    // are said apart, so the subtitle never counts what the map leaves out.
    if let table {
      let inAreas = builder.areaCounts.reduce(0, +)
      subtitle.append("\(Format.count(inAreas)) incidents in \(areaLayer.count) areas")
      if table.count > inAreas { subtitle.append("\(Format.count(table.count - inAreas)) outside them") }
    } else {
      subtitle.append("\(areaLayer.count) areas")
    }
    let choices: [(String, JSONValue)] =
      [
        ("working_crs", .string(areaLayer.working.identifier)), ("id_field", .string(areaLayer.idField)),
        ("classes", .string(classesDescription)), ("palette", .string(palette)),
        ("layer", .string(overlapping ? "overlapping" : "partition")),
      ] + builder.choices
    return MapResult(
      areas: areaLayer, layers: contents, labels: labels, title: title ?? headline,
      subtitle: subtitle.joined(separator: " · "),
      attribution: attribution, classesDescription: classesDescription, palette: palette, report: report,
      choices: choices, inputs: inputs, warnings: warnings)
  }
}
