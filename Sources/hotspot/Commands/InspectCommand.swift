import Analyses
import GeoCore
import GeoIO
import Rendering

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
    arguments: [ArgumentSpec(name: "file", help: "Boundary (.geojson, .shp) or incident (.csv) files.", repeating: true)],
    options: [CommonOptions.format, CommonOptions.output, CommonOptions.crs]
      + CommonOptions.incidentColumns + [CommonOptions.quiet])

  let files: [String]
  let format: OutputFormat
  let outputPath: String?
  let declaredCRS: CRS?
  let columns: IncidentColumnOptions

  init(_ arguments: ParsedArguments) throws(UsageError) {
    files = arguments.positionals
    outputPath = arguments.value("output")
    format = try OutputFormat.resolve(
      option: arguments.value("format"), outputPath: outputPath, supported: [.text, .json])
    declaredCRS = try InputOptions.crs(arguments)
    columns = InputOptions.incidentColumns(arguments, declaredCRS: declaredCRS)
  }

  func run(_ console: Console) throws {
    var descriptions: [FileDescription] = []
    for file in files {
      if BoundaryReader.isBoundaryFile(file) {
        let layer = try BoundaryReader.read(file: file, declaredCRS: declaredCRS)
        descriptions.append(FileDescription(boundary: layer, file: file))
      } else {
        let (table, report) = try IncidentReader.read(files: [file], options: columns)
        descriptions.append(FileDescription(incidents: table, report: report, file: file))
      }
    }
    let text: String
    switch format {
    case .json:
      text = (descriptions.count == 1 ? descriptions[0].json : .array(descriptions.map(\.json)))
        .rendered()
    default:
      text = descriptions.map(\.text).joined(separator: "\n")
    }
    if let outputPath {
      try AtomicFile.write(text, to: outputPath, inputs: files)
    } else {
      console.output(text)
    }
  }
}
