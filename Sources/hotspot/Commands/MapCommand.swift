import Analyses
import GeoCore
import GeoIO
import Rendering
import Reports
import SpatialAnalysis

/// `hotspot map`: a print-ready SVG map of areas, with layers drawn in the order given.
struct MapCommand: HotspotCommand {
  static let spec = CommandSpec(
    name: "map",
    abstract: "Draw a print-ready SVG map: counts, rates, density, change, Gi*, emerging hot spots, points and zones.",
    discussion: """
      Layers are drawn in the order given (--layer repeats): count, rate, field:NAME (choropleths), \
      density (the kernel density surface in classes, clipped to the areas), change (with --period \
      and --compare-to: the density of the period minus the baseline's, cell by cell on one grid, \
      per month when the periods differ in length, in classes symmetric about 0: blues for \
      decreases, reds for increases, grey for little change), gistar (Gi* hot and \
      cold spots of the counts per area, queen neighbours), emerging (the emerging hot spot category \
      of each area over the months of the incidents or --period, as hotspot emerging's defaults), \
      points (incidents, stacked points drawn by size) and zones:FILE (outlines on top). With no \
      --layer, a choropleth of incident counts per \
      area in 5 classes by natural breaks. Every map has a title, subtitle, legend, scale bar, north \
      arrow and attribution, and an SVG <title>/<desc>.
      """,
    options: [
      OptionSpec(name: "areas", valueName: "file", help: "Boundary file (GeoJSON or Shapefile).", isRequired: true),
      OptionSpec(
        name: "incidents", valueName: "file", help: "Incident CSV (file, folder or glob); repeatable.", repeating: true),
      OptionSpec(
        name: "layer", valueName: "layer",
        help:
          "count, rate, field:NAME, density, change, gistar, emerging, points or zones:FILE; repeatable, drawn in order.",
        defaultValue: "count", repeating: true),
      OptionSpec(
        name: "classes", valueName: "classes",
        help: "jenks:5, quantile:5, equal:5, headtail, stddev or breaks:0,10,25,50.",
        defaultValue: "jenks:5"),
      OptionSpec(
        name: "palette", valueName: "name", help: "ColorBrewer scheme for choropleths and density.",
        defaultValue: "YlOrRd"),
      OptionSpec(
        name: "suppress-below", valueName: "n",
        help: "Withhold counts under n (<n) and those that would give them back ([c])."),
      OptionSpec(name: "labels", valueName: "n", help: "Label the n areas with the highest values."),
      OptionSpec(
        name: "population-field", valueName: "name", help: "Area property holding the population (rate layer)."),
      OptionSpec(name: "per", valueName: "n", help: "Rates per this many people.", defaultValue: "1000"),
      OptionSpec(name: "title", valueName: "text", help: "The map's title."),
      OptionSpec(
        name: "attribution", valueName: "text",
        help: "A source line under the map (repeatable); by default the lines of the recognised inputs.",
        repeating: true),
      CommonOptions.idField,
      CommonOptions.nameField,
      CommonOptions.period, CommonOptions.category,
      OptionSpec(name: "compare-to", valueName: "period", help: "Baseline period of the change layer."),
      CommonOptions.output, CommonOptions.crs, CommonOptions.overlapping,
      CommonOptions.repair,
    ] + CommonOptions.incidentColumns + [CommonOptions.quiet])

  let arguments: [String]
  let request: MapRequest
  let outputPath: String?

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments.original
    var layers: [MapRequest.Layer] = []
    for text in arguments.values("layer") { layers.append(try Self.layer(text)) }
    var request = MapRequest(
      areasFile: arguments.value("areas") ?? "", incidents: IncidentSource(files: arguments.values("incidents")),
      layers: layers.isEmpty ? [.count] : layers, populationField: arguments.value("population-field"))
    request.incidents.filter = try InputOptions.filter(arguments)
    request.baselinePeriod = try arguments.value("compare-to").map { text throws(UsageError) in
      try ValueSyntax.period(text, option: "compare-to")
    }
    do { try request.validate() } catch { throw UsageError(error.message) }
    (request.classes, request.classesDescription) = try Self.classes(arguments.value("classes") ?? "jenks:5")
    request.palette = arguments.value("palette") ?? "YlOrRd"
    do { try request.validate() } catch { throw UsageError(error.message) }
    request.suppressBelow = try InputOptions.suppressBelow(arguments)
    let labelsText = arguments.value("labels") ?? "0"
    guard let labelCount = Int(labelsText), labelCount >= 0 else {
      throw UsageError("The value '\(labelsText)' for '--labels' must be a whole number.")
    }
    request.labelCount = labelCount
    request.per = try InputOptions.per(arguments)
    request.title = arguments.value("title")
    request.attribution = arguments.values("attribution")
    request.idField = arguments.value("id-field")
    request.nameField = arguments.value("name-field")
    request.overlapping = arguments.flag("overlapping")
    request.repairAreas = arguments.flag("repair")
    outputPath = arguments.value("output")
    // SVG only: an output named with another extension (.png, .csv…) is refused; none is allowed.
    if let outputPath, let name = outputPath.split(separator: "/").last, let dot = name.lastIndex(of: "."),
      name[name.index(after: dot)...].lowercased() != "svg"
    {
      throw UsageError("'map' writes SVG: give an --output ending in .svg.")
    }
    request.incidents.columns = InputOptions.incidentColumns(arguments, declaredCRS: try InputOptions.crs(arguments))
    self.request = request
  }

  static func layer(_ text: String) throws(UsageError) -> MapRequest.Layer {
    let lower = text.lowercased()
    switch lower {
    case "count": return .count
    case "rate": return .rate
    case "density": return .density
    case "change": return .change
    case "gistar": return .gistar
    case "emerging": return .emerging
    case "points": return .points
    default:
      if lower.hasPrefix("field:") && text.count > 6 { return .field(String(text.dropFirst(6))) }
      if lower.hasPrefix("zones:") && text.count > 6 { return .zones(String(text.dropFirst(6))) }
      throw UsageError(
        "The value '\(text)' for '--layer' must be count, rate, field:NAME, density, change, gistar, emerging, points or zones:FILE."
      )
    }
  }

  /// `jenks:5`, `quantile:5`, `equal:5`, `headtail`, `stddev`, `breaks:0,10,25,50`.
  static func classes(_ text: String) throws(UsageError) -> (ClassBreaks.Method, String) {
    let parts = text.lowercased().split(separator: ":", maxSplits: 1).map(String.init)
    let invalid = UsageError(
      "The value '\(text)' for '--classes' must be jenks:N, quantile:N, equal:N (N from 1 to 9), headtail, stddev or breaks:A,B,…"
    )
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
    try Self.write(request.run(), outputPath: outputPath, arguments: arguments, console: console)
  }

  /// Writes a map as this command does: the SVG to `outputPath` (or the console) and provenance
  /// recording `arguments` (the command line after `map`).
  static func write(_ result: MapResult, outputPath: String?, arguments: [String], console: Console) throws {
    for warning in result.warnings { console.error("warning: \(warning)\n") }
    let svg = result.svg()
    let provenance = Provenance(
      command: "map", arguments: arguments, inputs: result.inputs, choices: result.choices)
    try CommandOutput.deliver(svg, to: outputPath, provenance: provenance, console: console)
  }
}
