import Analyses
import GeoCore
import GeoIO
import Rendering
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
      .flag("local", help: "One row per feature: local Moran Iᵢ, p_sim and quadrant."),
      CommonOptions.format, CommonOptions.output, CommonOptions.crs,
    ] + CommonOptions.incidentColumns + [CommonOptions.quiet])

  let arguments: [String]
  let options: AutocorrelationOptions
  let local: Bool
  let format: OutputFormat
  let outputPath: String?
  let quiet: Bool

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments.original
    local = arguments.flag("local")
    options = try AutocorrelationOptions(arguments, defaultPermutations: local ? 999 : 0)
    if local && options.permutations == 0 {
      throw UsageError("'--local' needs '--permutations' of at least 1: p_sim is its only inference.")
    }
    outputPath = arguments.value("output")
    format = try OutputFormat.resolve(
      option: arguments.value("format"), outputPath: outputPath,
      supported: local ? [.text, .csv, .json, .geojson] : [.text, .json])
    quiet = arguments.flag("quiet")
  }

  func run(_ console: Console) throws {
    let transform = options.transform ?? .row
    let features = try options.load(console, quiet: quiet, transform: transform)
    guard features.values.count >= 4 else {
      throw InputError(file: features.inputs.first ?? "", reason: .other("Moran's I needs at least 4 features (found \(features.values.count))"))
    }
    let weights = features.weights
    for note in features.notes { console.error("warning: \(note)\n") }
    var choices = features.choices
    choices.append(("transform", .string(transform.rawValue)))
    choices.append(("permutations", .number(Double(options.permutations))))
    if options.permutations > 0 {
      choices.append(("seed", .number(Double(options.seed))))
    }

    let text: String
    if local {
      let result = LocalMoransI.compute(
        values: features.values, weights: weights, permutations: options.permutations, seed: options.seed)
      choices.append(("statistic", "local Moran, esda Moran_Local form: (n − 1) z_i Σ w_ij z_j / Σ z²"))
      choices.append(("p_sim", "conditional permutation, two-sided about the permutation mean, (M + 1)/(R + 1)"))
      var columns = features.keyColumns
      columns += ["value", "Ii", "p_sim"].map { Table.Column($0, alignment: .right) } + [Table.Column("quadrant")]
      let rows = features.values.indices.map { k -> [Table.Cell] in
        features.keys(k) + [
          Table.Cell.value(features.values[k]), .number(result.i[k], digits: 6),
          .number(result.pSim?[k] ?? 1, digits: 6), .text(result.quadrants[k].rawValue),
        ]
      }
      let table = Table(columns: columns, rows: rows)
      switch format {
      case .csv: text = CSVTable.render(table)
      case .json: text = JSONValue.object([("summary", .object(choices)), ("features", JSONTable.value(table))]).rendered()
      case .geojson: text = try features.geoJSON(table)
      default: text = TextTable.render(table)
      }
    } else {
      let m = MoransI.compute(values: features.values, weights: weights, permutations: options.permutations, seed: options.seed)
      choices.append(("statistic", "global Moran's I; p two-sided normal under normality and randomisation"))
      if m.pSim != nil { choices.append(("p_sim", "full permutations, two-sided about E[I], (M + 1)/(R + 1)")) }
      var numbers: [(String, Double)] = [
        ("I", m.i), ("EI", m.expected), ("VI_norm", m.varianceNormal), ("z_norm", m.zNormal), ("p_norm", m.pNormal),
        ("VI_rand", m.varianceRandom), ("z_rand", m.zRandom), ("p_rand", m.pRandom),
      ]
      if let pSim = m.pSim { numbers.append(("p_sim", pSim)) }
      numbers.append(("n", Double(m.n)))
      if format == .json {
        text = JSONValue.object(numbers.map { ($0.0, JSONValue.number($0.1)) } + [("summary", .object(choices))]).rendered()
      } else {
        let width = 9
        text = numbers.map { name, value in
          name.padding(to: width)
            + (name.hasPrefix("p") ? NumberText.significant(value, digits: 4) : NumberText.fixed(value, digits: 6))
        }.joined(separator: "\n") + "\n"
      }
      choices.append(("result", .object(numbers.map { ($0.0, JSONValue.number($0.1)) })))
    }
    guard let outputPath else {
      console.output(text)
      return
    }
    try AtomicFile.write(text, to: outputPath, inputs: features.inputs)
    var provenance = Provenance(command: "moran", arguments: arguments, inputs: features.inputs)
    for (key, value) in choices { provenance.record(key, value) }
    try provenance.write(beside: outputPath)
  }
}
