import Analyses
import GeoCore
import GeoIO
import Rendering
import Reports
import SpatialAnalysis

/// `hotspot moran`: global Moran's I (is the pattern clustered?) or, with --local, local Moran
/// per feature (where, and of which kind).
struct MoranCommand: HotspotCommand {
  static let spec = CommandSpec(
    name: "moran",
    abstract: "Moran's I: is the pattern clustered? With --local, where (HH, LL, HL, LH) per feature.",
    discussion: """
      Global: I = (n/S0) Σ w z z / Σ z², with E[I] = −1/(n − 1) and its variance, z and two-sided p \
      under normality and under randomisation (Cliff & Ord; esda Moran), and with --permutations a \
      pseudo p. --local writes one row per feature: Iᵢ = (n − 1) zᵢ Σ wᵢⱼ zⱼ / Σ z² (esda \
      Moran_Local's form; GeoDa's is n/(n − 1) times it), its quadrant and a conditional \
      permutation p_sim (999 by default). Weights are row-standardised by default, as esda.
      """,
    options: AutocorrelationOptions.specs + [
      .flag("local", help: "One row per feature: local Moran Iᵢ, p_sim and quadrant (csv and geojson need it)."),
      CommonOptions.format(formats), CommonOptions.output, CommonOptions.crs, CommonOptions.repair,
    ] + CommonOptions.incidentColumns + [CommonOptions.quiet])

  /// The formats this command writes: what `--format` lists and accepts.
  static let formats: [OutputFormat] = [.text, .csv, .json, .geojson]
  /// The formats of the global statistic (one row: no table or map of features).
  static let globalFormats: [OutputFormat] = [.text, .json]

  let arguments: [String]
  let request: MoranRequest
  let format: OutputFormat
  let outputPath: String?
  let quiet: Bool

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments.original
    let local = arguments.flag("local")
    let options = try AutocorrelationOptions.parse(arguments, defaultPermutations: local ? 999 : 0)
    request = MoranRequest(
      features: options.features, local: local, transform: options.transform, permutations: options.permutations,
      seed: options.seed)
    do { try request.validate() } catch { throw UsageError(error.message) }
    outputPath = arguments.value("output")
    format = try OutputFormat.resolve(
      option: arguments.value("format"), outputPath: outputPath,
      supported: local ? Self.formats : Self.globalFormats)
    quiet = arguments.flag("quiet")
  }

  func run(_ console: Console) throws {
    let result = try request.run(progress: { console.progress($0, quiet: quiet) })
    if let scale = result.features.automaticScale, !quiet { console.error(scale) }
    console.progress(result.features.progressLine, quiet: quiet)
    for warning in result.warnings { console.error("warning: \(warning)\n") }
    let text: String
    switch format {
    case .csv: text = result.localTable.map(CSVTable.render) ?? result.text
    case .json: text = result.json.rendered()
    case .geojson: text = try result.geoJSON() ?? result.text
    default: text = result.text
    }
    let provenance = Provenance(
      command: "moran", arguments: arguments, inputs: result.inputs, choices: result.choices)
    try CommandOutput.deliver(text, to: outputPath, provenance: provenance, console: console)
  }
}
