import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// `hotspot map`: a print-ready SVG choropleth of incident counts, rates or a property per area.
struct MapCommand: HotspotCommand {
  static let spec = CommandSpec(
    name: "map",
    abstract: "Draw a print-ready SVG map: counts, rates or a property per area.",
    discussion: """
      With no --layer, a choropleth of incident counts per area in 5 classes by natural breaks \
      (Fisher-Jenks). Every map has a title, legend, scale bar, north arrow and attribution, and an \
      SVG <title>/<desc> for accessibility.
      """,
    options: [
      OptionSpec(name: "areas", valueName: "file", help: "Boundary file (GeoJSON or Shapefile).", isRequired: true),
      OptionSpec(name: "incidents", valueName: "file", help: "Incident CSV (file, folder or glob); repeatable.", repeating: true),
      OptionSpec(
        name: "layer", valueName: "layer", help: "What to map: count, rate, or field:NAME.", defaultValue: "count"),
      OptionSpec(
        name: "classes", valueName: "n", help: "Number of classes (1 to 9).", defaultValue: "5"),
      OptionSpec(
        name: "method", valueName: "method", help: "Class breaks.", defaultValue: "natural",
        allowedValues: ["natural", "quantile", "equal", "headtail", "stddev"]),
      OptionSpec(name: "population-field", valueName: "name", help: "Area property holding the population (for rate)."),
      OptionSpec(name: "per", valueName: "n", help: "Rates per this many people.", defaultValue: "1000"),
      OptionSpec(name: "title", valueName: "text", help: "The map's title."),
      OptionSpec(
        name: "attribution", valueName: "text",
        help: "Source line printed under the map (boundaries' and data's licences).",
        defaultValue: "Contains OS data © Crown copyright and database right; police.uk data, Open Government Licence v3.0"),
      OptionSpec(name: "id-field", valueName: "name", help: "Area property holding the id (detected if absent)."),
      OptionSpec(name: "name-field", valueName: "name", help: "Area property holding the name (detected if absent)."),
      CommonOptions.period, CommonOptions.category,
      CommonOptions.output, CommonOptions.crs,
    ] + CommonOptions.incidentColumns + [CommonOptions.quiet])

  enum Layer: Equatable {
    case count, rate
    case field(String)
  }

  let arguments: [String]
  let areasFile: String
  let incidentSpecs: [String]
  let layer: Layer
  let classes: Int
  let methodName: String
  let populationField: String?
  let per: Double
  let title: String?
  let attribution: String
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
    let layerText = arguments.value("layer") ?? "count"
    switch layerText.lowercased() {
    case "count": layer = .count
    case "rate": layer = .rate
    case let text where text.hasPrefix("field:") && text.count > 6: layer = .field(String(layerText.dropFirst(6)))
    default: throw UsageError("The value '\(layerText)' for '--layer' must be count, rate or field:NAME.")
    }
    if (layer == .count || layer == .rate) && incidentSpecs.isEmpty {
      throw UsageError("Missing '--incidents <file>': the \(layerText) layer counts incidents.")
    }
    populationField = arguments.value("population-field")
    if layer == .rate && populationField == nil {
      throw UsageError("The rate layer needs '--population-field <name>'.")
    }
    guard let classes = Int(arguments.value("classes") ?? "5"), (1...9).contains(classes) else {
      throw UsageError("The value for '--classes' must be a whole number from 1 to 9.")
    }
    self.classes = classes
    methodName = (arguments.value("method") ?? "natural").lowercased()
    let perText = arguments.value("per") ?? "1000"
    guard let per = Double(perText), per.isFinite, per > 0 else {
      throw UsageError("The value '\(perText)' for '--per' must be a positive number.")
    }
    self.per = per
    title = arguments.value("title")
    attribution = arguments.value("attribution") ?? Self.spec.option(named: "attribution")?.defaultValue ?? ""
    idField = arguments.value("id-field")
    nameField = arguments.value("name-field")
    filter = try InputOptions.filter(arguments)
    outputPath = arguments.value("output")
    if let outputPath, OutputFormat.fromExtension(outputPath) != nil, !outputPath.lowercased().hasSuffix(".svg") {
      throw UsageError("'map' writes SVG: give an --output ending in .svg.")
    }
    declaredCRS = try InputOptions.crs(arguments)
    columns = InputOptions.incidentColumns(arguments, declaredCRS: declaredCRS)
  }

  var method: ClassBreaks.Method {
    switch methodName {
    case "quantile": .quantiles(classes)
    case "equal": .equalInterval(classes)
    case "headtail": .headTail
    case "stddev": .standardDeviation
    default: .naturalBreaks(classes)
    }
  }

  var methodDescription: String {
    switch methodName {
    case "quantile": "quantiles"
    case "equal": "equal intervals"
    case "headtail": "head/tail breaks"
    case "stddev": "standard deviations from the mean"
    default: "natural breaks (Fisher-Jenks)"
    }
  }

  func run(_ console: Console) throws {
    let layer = try AreaLayer.load(file: areasFile, declaredCRS: declaredCRS, idField: idField, nameField: nameField)
    var values: [Double?]
    var label: String
    var digits = 0
    var inputs = layer.source.files
    switch self.layer {
    case .field(let name):
      values = layer.property(name).map { $0?.number }
      label = name
      digits = 2
    case .count, .rate:
      let index = PolygonIndex(areas: layer.geometries)
      var tally = AreaTally(areaCount: layer.count)
      _ = try IncidentInput.stream(incidentSpecs, options: columns, working: layer.working) { chunk in
        tally.add(filter.apply(to: chunk).table, index: index, nearest: nil)
      }
      inputs += try IncidentSources.expand(incidentSpecs)
      values = tally.counts.map(Double.init)
      label = "incidents"
      if self.layer == .rate, let field = populationField {
        let populations = layer.property(field).map { $0?.number }
        values = zip(tally.counts, populations).map { Rates.perPopulation($0, population: $1, per: per) }
        label = "incidents per \(Format.count(Int(per))) people"
        digits = 1
      }
    }
    var subtitle: [String] = []
    if let period = filter.period { subtitle.append(period.description) }
    if !filter.categories.isEmpty { subtitle.append(filter.categories.joined(separator: ", ")) }
    subtitle.append("\(layer.count) areas")
    let map = ChoroplethMap(
      areas: layer.ids.indices.map {
        ChoroplethMap.Area(id: layer.ids[$0], name: layer.names[$0], geometry: layer.geometries[$0], value: values[$0])
      },
      title: title ?? (label.prefix(1).uppercased() + label.dropFirst() + " by area"),
      subtitle: subtitle.joined(separator: " · "), valueLabel: label, method: method, methodName: methodDescription,
      attribution: attribution, digits: digits)
    let svg = map.svg(generator: "hotspot \(Hotspot.version)")
    guard let outputPath else {
      console.output(svg)
      return
    }
    try AtomicFile.write(svg, to: outputPath, inputs: inputs)
    var provenance = Provenance(command: "map", arguments: arguments, inputs: inputs)
    provenance.record("working_crs", .string(layer.working.identifier))
    provenance.record("id_field", .string(layer.idField))
    provenance.record("layer", .string(label))
    provenance.record("classes", .number(Double(map.breaks.count)))
    provenance.record("method", .string(methodDescription))
    provenance.record("breaks", .array(map.breaks.map(JSONValue.number)))
    try provenance.write(beside: outputPath)
  }
}
