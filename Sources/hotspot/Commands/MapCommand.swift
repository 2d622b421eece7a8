import Analyses
import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// `hotspot map`: a print-ready SVG map of areas, with layers drawn in the order given.
struct MapCommand: HotspotCommand {
  static let spec = CommandSpec(
    name: "map",
    abstract: "Draw a print-ready SVG map: counts, rates, density, Gi*, points and zones.",
    discussion: """
      Layers are drawn in the order given (--layer repeats): count, rate, field:NAME (choropleths), \
      density (the kernel density surface in classes, clipped to the areas), gistar (Gi* hot and \
      cold spots of the counts per area, queen neighbours), points (incidents, stacked points drawn \
      by size) and zones:FILE (outlines on top). With no --layer, a choropleth of incident counts per \
      area in 5 classes by natural breaks. Every map has a title, subtitle, legend, scale bar, north \
      arrow and attribution, and an SVG <title>/<desc>.
      """,
    options: [
      OptionSpec(name: "areas", valueName: "file", help: "Boundary file (GeoJSON or Shapefile).", isRequired: true),
      OptionSpec(name: "incidents", valueName: "file", help: "Incident CSV (file, folder or glob); repeatable.", repeating: true),
      OptionSpec(
        name: "layer", valueName: "layer",
        help: "count, rate, field:NAME, density, gistar, points or zones:FILE; repeatable, drawn in order.",
        defaultValue: "count", repeating: true),
      OptionSpec(
        name: "classes", valueName: "classes", help: "jenks:5, quantile:5, equal:5, headtail, stddev or breaks:0,10,25,50.",
        defaultValue: "jenks:5"),
      OptionSpec(name: "palette", valueName: "name", help: "ColorBrewer scheme for choropleths and density.", defaultValue: "YlOrRd"),
      OptionSpec(name: "suppress-below", valueName: "n", help: "Show counts under n as <n and leave those areas unshaded."),
      OptionSpec(name: "labels", valueName: "n", help: "Label the n areas with the highest values."),
      OptionSpec(name: "population-field", valueName: "name", help: "Area property holding the population (rate layer)."),
      OptionSpec(name: "per", valueName: "n", help: "Rates per this many people.", defaultValue: "1000"),
      OptionSpec(name: "title", valueName: "text", help: "The map's title."),
      OptionSpec(
        name: "attribution", valueName: "text",
        help: "A source line under the map (repeatable); by default the lines of the recognised inputs.", repeating: true),
      OptionSpec(name: "id-field", valueName: "name", help: "Area property holding the id (detected if absent)."),
      OptionSpec(name: "name-field", valueName: "name", help: "Area property holding the name (detected if absent)."),
      CommonOptions.period, CommonOptions.category, CommonOptions.output, CommonOptions.crs,
    ] + CommonOptions.incidentColumns + [CommonOptions.quiet])

  enum Layer: Equatable {
    case count, rate, density, gistar, points
    case field(String)
    case zones(String)
  }

  let arguments: [String]
  let areasFile: String
  let incidentSpecs: [String]
  let layers: [Layer]
  let classes: ClassBreaks.Method
  let classesDescription: String
  let palette: String
  let suppressBelow: Double?
  let labelCount: Int
  let populationField: String?
  let per: Double
  let title: String?
  let attribution: [String]
  let idField: String?
  let nameField: String?
  let filter: IncidentFilter
  let outputPath: String?
  let declaredCRS: CRS?
  let columns: IncidentColumnOptions

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments.original
    areasFile = arguments.value("areas") ?? ""
    incidentSpecs = arguments.values("incidents")
    var layers: [Layer] = []
    for text in arguments.values("layer") { layers.append(try Self.layer(text)) }
    self.layers = layers.isEmpty ? [.count] : layers
    let needsIncidents = self.layers.contains { [.count, .rate, .density, .gistar, .points].contains($0) }
    if needsIncidents && incidentSpecs.isEmpty {
      throw UsageError("Missing '--incidents <file>': the layers count, rate, density, gistar and points map incidents.")
    }
    populationField = arguments.value("population-field")
    if self.layers.contains(.rate) && populationField == nil {
      throw UsageError("The rate layer needs '--population-field <name>'.")
    }
    (classes, classesDescription) = try Self.classes(arguments.value("classes") ?? "jenks:5")
    palette = arguments.value("palette") ?? "YlOrRd"
    guard Palette.kind(of: palette) != nil else {
      throw UsageError("Unknown palette '\(palette)'. Use one of: \(Palette.names.joined(separator: ", ")).")
    }
    suppressBelow = try InputOptions.suppressBelow(arguments)
    let labelsText = arguments.value("labels") ?? "0"
    guard let labelCount = Int(labelsText), labelCount >= 0 else {
      throw UsageError("The value '\(labelsText)' for '--labels' must be a whole number.")
    }
    self.labelCount = labelCount
    per = try InputOptions.per(arguments)
    title = arguments.value("title")
    attribution = arguments.values("attribution")
    idField = arguments.value("id-field")
    nameField = arguments.value("name-field")
    filter = try InputOptions.filter(arguments)
    outputPath = arguments.value("output")
    // SVG only: an output named with another extension (.png, .csv…) is refused; none is allowed.
    if let outputPath, let name = outputPath.split(separator: "/").last, let dot = name.lastIndex(of: "."),
      name[name.index(after: dot)...].lowercased() != "svg"
    {
      throw UsageError("'map' writes SVG: give an --output ending in .svg.")
    }
    declaredCRS = try InputOptions.crs(arguments)
    columns = InputOptions.incidentColumns(arguments, declaredCRS: declaredCRS)
  }

  static func layer(_ text: String) throws(UsageError) -> Layer {
    let lower = text.lowercased()
    switch lower {
    case "count": return .count
    case "rate": return .rate
    case "density": return .density
    case "gistar": return .gistar
    case "points": return .points
    default:
      if lower.hasPrefix("field:") && text.count > 6 { return .field(String(text.dropFirst(6))) }
      if lower.hasPrefix("zones:") && text.count > 6 { return .zones(String(text.dropFirst(6))) }
      throw UsageError(
        "The value '\(text)' for '--layer' must be count, rate, field:NAME, density, gistar, points or zones:FILE.")
    }
  }

  /// `jenks:5`, `quantile:5`, `equal:5`, `headtail`, `stddev`, `breaks:0,10,25,50`.
  static func classes(_ text: String) throws(UsageError) -> (ClassBreaks.Method, String) {
    let parts = text.lowercased().split(separator: ":", maxSplits: 1).map(String.init)
    let invalid = UsageError(
      "The value '\(text)' for '--classes' must be jenks:N, quantile:N, equal:N (N from 1 to 9), headtail, stddev or breaks:A,B,…")
    func count() throws(UsageError) -> Int {
      guard parts.count == 2, let n = Int(parts[1]), (1...9).contains(n) else { throw invalid }
      return n
    }
    switch parts.first ?? "" {
    case "jenks", "natural": return (.naturalBreaks(try count()), "natural breaks (Fisher-Jenks)")
    case "quantile": return (.quantiles(try count()), "quantiles")
    case "equal": return (.equalInterval(try count()), "equal intervals")
    case "headtail": return (.headTail, "head/tail breaks")
    case "stddev": return (.standardDeviation, "standard deviations from the mean")
    case "breaks":
      guard parts.count == 2 else { throw invalid }
      let bounds = parts[1].split(separator: ",").map { Double(String($0).trimmingSpaces()) }
      guard !bounds.isEmpty, bounds.count <= 8, bounds.allSatisfy({ $0?.isFinite == true }) else { throw invalid }
      return (.manual(bounds.compactMap { $0 }), "manual breaks")
    default: throw invalid
    }
  }

  func run(_ console: Console) throws {
    let areaLayer = try AreaLayer.load(file: areasFile, declaredCRS: declaredCRS, idField: idField, nameField: nameField)
    var inputs = areaLayer.source.files
    var incidents: IncidentTable?
    var report: IncidentReadReport?
    if !incidentSpecs.isEmpty {
      var kept: IncidentTable?
      report = try IncidentInput.stream(incidentSpecs, options: columns, working: areaLayer.working) { chunk in
        let table = filter.apply(to: chunk).table
        if kept == nil { kept = table } else { kept?.append(contentsOf: table) }
      }
      incidents = kept
      inputs += try IncidentSources.expand(incidentSpecs)
    }
    let builder = MapLayerBuilder(
      areas: areaLayer, incidents: incidents, classes: classes, classesDescription: classesDescription,
      palette: palette, suppressBelow: suppressBelow, populationField: populationField, per: per,
      declaredCRS: declaredCRS)
    var mapLayers: [MapLayer] = []
    var labelValues: [Double?]?
    var headline = "Incidents"
    for layer in layers {
      let built = try builder.build(layer)
      mapLayers.append(contentsOf: built.layers)
      if labelValues == nil, let values = built.values { labelValues = values }
      if let name = built.headline, mapLayers.count == built.layers.count { headline = name }
      if case .zones(let file) = layer { inputs += [file] }
    }
    var labels: [(text: String, at: Point)] = []
    if labelCount > 0, let values = labelValues {
      let ranked = values.indices.filter { values[$0] != nil }.sorted {
        (values[$0] ?? 0, -$0) > (values[$1] ?? 0, -$1)
      }
      labels = ranked.prefix(labelCount).map { area in
        (areaLayer.names[area].isEmpty ? areaLayer.ids[area] : areaLayer.names[area], areaLayer.geometries[area].centroid)
      }
    }
    var subtitle: [String] = []
    if let period = filter.period { subtitle.append(period.description) }
    if !filter.categories.isEmpty { subtitle.append(filter.categories.joined(separator: ", ")) }
    if let incidents { subtitle.append("\(Format.count(incidents.count)) incidents") }
    subtitle.append("\(areaLayer.count) areas")
    let recognised = MapAttribution.lines(areas: areaLayer, report: report)
    let document = MapDocument(
      title: title ?? headline, subtitle: subtitle.joined(separator: " · "), layers: mapLayers, labels: labels,
      attribution: attribution.isEmpty ? recognised.lines : attribution, dataNote: recognised.note,
      generator: "hotspot \(Hotspot.version)")
    let svg = document.svg()
    guard let outputPath else {
      console.output(svg)
      return
    }
    try AtomicFile.write(svg, to: outputPath, inputs: inputs)
    var provenance = Provenance(command: "map", arguments: arguments, inputs: inputs)
    provenance.record("working_crs", .string(areaLayer.working.identifier))
    provenance.record("id_field", .string(areaLayer.idField))
    provenance.record("classes", .string(classesDescription))
    provenance.record("palette", .string(palette))
    for (key, value) in builder.choices { provenance.record(key, value) }
    try provenance.write(beside: outputPath)
  }
}
