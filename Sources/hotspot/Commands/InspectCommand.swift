import Analyses
import GeoIO
import Reports

/// `hotspot inspect FILE...`: what a boundary or incident file holds, and what is wrong with it.
struct InspectCommand: HotspotCommand {
  static let spec = CommandSpec(
    name: "inspect",
    abstract: "Describe boundary and incident files: features, CRS, fields, rows, months, problems.",
    discussion: """
      A boundary file (GeoJSON, or a Shapefile with its companion files) is described by its \
      features, geometry types, vertices, CRS and the rule that decided it, bounding box in both \
      CRSs, properties with types and examples, the likely id and name fields, duplicate ids and \
      problems; a Shapefile also by its shape type, companion files and code page. An incident \
      file (CSV) is described by its format, the columns mapped, rows, rows without a location, \
      skipped rows by reason, months, categories and bounding box.
      """,
    arguments: [
      ArgumentSpec(
        name: "file", help: "Boundary (.geojson, .shp) or incident (.csv) files, folders of them, or globs.",
        repeating: true)
    ],
    options: [CommonOptions.format(formats), CommonOptions.output, CommonOptions.crs]
      + CommonOptions.incidentColumns + [CommonOptions.quiet])

  /// The formats this command writes: what `--format` lists and accepts.
  static let formats: [OutputFormat] = [.text, .json]

  let request: InspectRequest
  let format: OutputFormat
  let outputPath: String?

  init(_ arguments: ParsedArguments) throws(UsageError) {
    outputPath = arguments.value("output")
    format = try OutputFormat.resolve(
      option: arguments.value("format"), outputPath: outputPath, supported: Self.formats)
    let declaredCRS = try InputOptions.crs(arguments)
    request = InspectRequest(
      files: arguments.positionals, columns: InputOptions.incidentColumns(arguments, declaredCRS: declaredCRS))
  }

  func run(_ console: Console) throws {
    let result = try request.run()
    let text = format == .json ? result.json.rendered() : result.text
    if let outputPath {
      try AtomicFile.write(text, to: outputPath, inputs: result.inputs)
    } else {
      console.output(text)
    }
  }
}
