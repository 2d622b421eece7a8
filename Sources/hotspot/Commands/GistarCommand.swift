import Analyses
import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// `hotspot gistar`: Getis-Ord Gi* hot and cold spots over areas, square or hexagonal cells, or points.
struct GistarCommand: HotspotCommand {
  static let spec = CommandSpec(
    name: "gistar",
    abstract: "Getis-Ord Gi* hot and cold spots over areas, cells or points, with classes at 90/95/99 %.",
    discussion: """
      For each area (or cell) Gi* compares the sum of values over it and its neighbours with what \
      the mean would give: z = (Σ w x − x̄ W) / (S √((n S1 − W²)/(n − 1))), self included with \
      weight 1 (Ord & Getis 1995; esda G_Local(star=True), ArcGIS Hot Spot Analysis). p is two-sided \
      normal; class is ±3/±2/±1 at 99/95/90 % (ArcGIS Gi_Bin). --fdr applies Benjamini–Hochberg to \
      the classes only, never to z or p. --permutations adds a conditional permutation p_sim. \
      Areas are neighbours when their boundaries come within --snap-tolerance (generalised \
      boundaries need not share vertices); square cells by default neighbour the 8 around them, \
      hexagons (--hex) the 6 around. --points analyses points (street-segment midpoints): the value \
      is --value-column, or the number of --incidents nearer that point than any other (ties to the \
      point first in the file); by default points neighbour within the smallest band that gives \
      every point a neighbour. --neighbours auto follows ArcGIS Optimized Hot Spot Analysis: \
      without --cell, --areas or --points the cell size is the shorter side of the incidents' \
      extent / 50 (rounded down to 100 m); the band is the first significant peak of Moran's I z \
      over 10 increasing bands, else the mean distance to the k-th neighbour (k = 5 % of n in \
      [3, 30]), never under 0.1 % of the extent; FDR is on; every choice is printed and recorded.
      """,
    options: AutocorrelationOptions.specs + [
      .flag("fdr", help: "Correct the classes for the false discovery rate (Benjamini–Hochberg)."),
      CommonOptions.format, CommonOptions.output, CommonOptions.crs,
    ] + CommonOptions.incidentColumns + [CommonOptions.quiet])

  let arguments: [String]
  let options: AutocorrelationOptions
  let fdr: Bool
  let format: OutputFormat
  let outputPath: String?
  let quiet: Bool

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments.original
    options = try AutocorrelationOptions(arguments, defaultPermutations: 0)
    // Optimized Hot Spot Analysis always corrects for the false discovery rate.
    fdr = arguments.flag("fdr") || options.neighbours == .auto
    outputPath = arguments.value("output")
    format = try OutputFormat.resolve(
      option: arguments.value("format"), outputPath: outputPath, supported: [.text, .csv, .json, .geojson])
    quiet = arguments.flag("quiet")
  }

  func run(_ console: Console) throws {
    let features = try options.load(console, quiet: quiet)
    let transform = options.transform ?? .binary
    let result = GetisOrdGiStar.compute(
      values: features.values, weights: features.weights, transform: transform,
      permutations: options.permutations, seed: options.seed)
    let classes = fdr ? FalseDiscoveryRate.classes(z: result.z, p: result.p) : result.classes
    for note in features.notes { console.error("warning: \(note)\n") }

    var columns = features.keyColumns
    columns += ["value", "z", "p", "class", "neighbours"].map { Table.Column($0, alignment: .right) }
    if result.pSim != nil { columns.append(.init("p_sim", alignment: .right)) }
    var rows: [[Table.Cell]] = []
    for k in features.values.indices {
      var row = features.keys(k) + [
        Table.Cell.value(features.values[k]), .number(result.z[k], digits: 6), .significant(result.p[k], digits: 4),
        .integer(classes[k]), .integer(features.weights.cardinality(of: k)),
      ]
      if let pSim = result.pSim { row.append(.number(pSim[k], digits: 6)) }
      rows.append(row)
    }
    let table = Table(columns: columns, rows: rows)

    var choices = features.choices
    choices.append(("statistic", "Getis-Ord Gi*: binary self weight 1 added to the neighbours, then the transform"))
    choices.append(("transform", .string(transform.rawValue)))
    choices.append(("p", "two-sided normal 2(1 − Φ(|z|))"))
    choices.append(("classes", "ArcGIS Gi_Bin: ±3 at p ≤ 0.01, ±2 at p ≤ 0.05, ±1 at p ≤ 0.10"))
    choices.append(("fdr", .string(
      !fdr ? "none"
        : "Benjamini–Hochberg per confidence level, applied to class only"
          + (options.neighbours == .auto ? " (always on with --neighbours auto)" : ""))))
    choices.append(("permutations", .number(Double(options.permutations))))
    if options.permutations > 0 {
      choices.append(("seed", .number(Double(options.seed))))
      choices.append(("p_sim", "conditional permutation, two-sided about the permutation mean, (M + 1)/(R + 1)"))
    }
    var tally: [(String, JSONValue)] = []
    for level in [3, 2, 1, 0, -1, -2, -3] {
      tally.append((String(level), .number(Double(classes.filter { $0 == level }.count))))
    }
    choices.append(("class_counts", .object(tally)))

    let text: String
    switch format {
    case .csv: text = CSVTable.render(table)
    case .json: text = JSONValue.object([("summary", .object(choices)), ("features", JSONTable.value(table))]).rendered()
    case .geojson: text = try features.geoJSON(table)
    default: text = TextTable.render(table) + "\n" + Self.summary(classes: classes, choices: choices)
    }
    guard let outputPath else {
      console.output(text)
      return
    }
    try AtomicFile.write(text, to: outputPath, inputs: features.inputs)
    var provenance = Provenance(command: "gistar", arguments: arguments, inputs: features.inputs)
    for (key, value) in choices { provenance.record(key, value) }
    try provenance.write(beside: outputPath)
    if !quiet { console.error(Self.summary(classes: classes, choices: choices)) }
  }

  static func summary(classes: [Int], choices: [(String, JSONValue)]) -> String {
    let hot = (1...3).map { level in classes.filter { $0 == level }.count }
    let cold = (1...3).map { level in classes.filter { $0 == -level }.count }
    var lines = [
      "hot spots        \(hot[2]) at 99 %, \(hot[1]) at 95 %, \(hot[0]) at 90 %",
      "cold spots       \(cold[2]) at 99 %, \(cold[1]) at 95 %, \(cold[0]) at 90 %",
    ]
    for (key, value) in choices where ["weights", "transform", "fdr", "islands", "mean_neighbours"].contains(key) {
      let shown: String
      switch value {
      case .string(let s): shown = s
      case .number(let x): shown = NumberText.fixed(x, digits: 2)
      default: shown = value.rendered()
      }
      lines.append(String(key.map { $0 == "_" ? " " : $0 }).padding(to: 17) + shown)
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
