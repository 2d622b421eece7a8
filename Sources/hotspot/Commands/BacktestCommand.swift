import Analyses
import GeoIO
import Rendering
import Reports
import SpatialAnalysis

/// `hotspot backtest`: did hot spots chosen on one period predict the next? Methods side by side
/// at area budgets: hit rate, PAI, PEI and RRI, for one split or rolling origins.
struct BacktestCommand: HotspotCommand {
  static let spec = CommandSpec(
    name: "backtest",
    abstract: "Score hot spots chosen on a training period against the test period: hit rate, PAI, PEI, RRI.",
    discussion: """
      Each method scores every cell on the training incidents: count (incidents over the whole \
      training period), density-<h> (quartic kernel density at the cell centre, bandwidth h, from \
      every training incident), gistar (Getis-Ord Gi* z of the training counts, binary weights, the \
      8 squares or 6 hexagons around), previous (counts over only the end of training as long as \
      the test period: "last month's hot spots"). A budget of s of the study area takes the \
      ⌊s · m⌋ best-scoring of the m cells analysed (those whose centre lies in --areas when given; \
      else every cell of --extent; else the cells touching the incidents' convex hull buffered by \
      half a cell, as sfhotspot, after setting aside locational outliers: incidents farther from \
      the median centre than the median distance + 20 × 1.4826 × MAD of the distances, the Hampel \
      identifier (Leys et al. 2013), and than twice the distance holding 95 % of them, reported with their line; --keep-outliers keeps them); a \
      budget selecting fewer than 5 cells is warned about, its figures being noise; \
      ties go to the cell first in grid order (rows from the south, west to east), and \
      tied_cells_left_out says how many equal cells missed the cut. With N test incidents in the \
      cells analysed and n in the cells taken: hit_rate = n/N; pai = (n/N)/(a/A) (Chainey, Tompson \
      & Uhlig 2008), a/A the share of cells taken; pei = n/n*, n* the most any as many cells hold \
      (Hunt 2016); rri = (n₂/N₂)/(n₁/N₁), the same cells in test (2) and training (1) (Levine 2008). \
      Undefined values are left empty (no test incident: no hit rate, PAI or PEI; no training \
      incident in the cells: no RRI). A budget below one cell is skipped and reported. \
      --rolling T:S trains on T whole months and tests on the next S, then slides by S, over \
      --period or else the months from the first to the last incident; rows give the mean over \
      origins with the standard deviation (n − 1), minimum and maximum; --per-origin lists every \
      origin instead. The text table shows the named columns (and the PAI spread); csv, md and \
      json add the counts behind them. --chart draws PAI against area share, one line per method.
      """,
    options: [
      CommonOptions.incidents,
      OptionSpec(
        name: "train", valueName: "period", help: "Training period: hot spots are chosen on it (2023-01..2023-09)."),
      OptionSpec(
        name: "test", valueName: "period",
        help: "Test period, after the training period: hot spots are scored on it (2023-10..2023-12)."),
      OptionSpec(
        name: "rolling", valueName: "T:S",
        help: "Rolling origins instead of --train/--test: train T months, test the next S, slide by S (6:1)."),
      OptionSpec(
        name: "period", valueName: "period",
        help: "With --rolling: the whole months to roll over (default: first to last incident's month)."),
      OptionSpec(
        name: "area-shares", valueName: "shares", help: "Budgets as shares of the study area, comma-separated.",
        defaultValue: "1%,2%,5%,10%"),
      OptionSpec(
        name: "bandwidths", valueName: "distances", help: "Bandwidths of the density methods, comma-separated.",
        defaultValue: "250m,400m,600m"),
      OptionSpec(
        name: "cell", valueName: "size", help: "Cell size (the centre spacing for --hex).", defaultValue: "150m"),
      .flag("hex", help: "Pointy-top hexagons, the size being the distance between neighbouring centres."),
      OptionSpec(
        name: "extent", valueName: "xmin,ymin,xmax,ymax",
        help:
          "Grid extent in metres of the working CRS, used exactly; with --areas, the cells whose centre lies inside them."
      ),
      OptionSpec(
        name: "areas", valueName: "file",
        help: "Study area (GeoJSON or Shapefile): only cells whose centre lies inside are analysed."),
      CommonOptions.category, CommonOptions.keepOutliers,
      .flag(
        "per-origin", help: "With --rolling: one row per origin (columns origin, train, test after the named ones)."),
      OptionSpec(name: "chart", valueName: "file.svg", help: "Also write a chart of PAI against area share (SVG)."),
      CommonOptions.format(formats), CommonOptions.output, CommonOptions.crs, CommonOptions.repair,
    ] + CommonOptions.incidentColumns.filter { $0.name != "weight-column" } + [CommonOptions.quiet])

  /// The formats this command writes: what `--format` lists and accepts.
  static let formats: [OutputFormat] = [.text, .csv, .md, .json]

  let arguments: [String]
  var request: BacktestRequest
  let perOrigin: Bool
  let chartPath: String?
  let format: OutputFormat
  let outputPath: String?
  let quiet: Bool

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments.original
    let train = try arguments.value("train").map { text throws(UsageError) in
      try ValueSyntax.period(text, option: "train")
    }
    let test = try arguments.value("test").map { text throws(UsageError) in try ValueSyntax.period(text, option: "test")
    }
    let span = try arguments.value("period").map { text throws(UsageError) in
      try ValueSyntax.period(text, option: "period")
    }
    let plan: BacktestRequest.Plan
    if let rolling = arguments.value("rolling") {
      if train != nil || test != nil {
        throw UsageError("Give '--train' and '--test' for one split, or '--rolling T:S' for rolling origins, not both.")
      }
      let (t, s) = try Self.rolling(rolling)
      plan = .rolling(trainMonths: t, testMonths: s, span: span)
    } else {
      guard let train, let test else {
        throw UsageError(
          "Give the training and test periods ('--train 2023-01..2023-09 --test 2023-10..2023-12'), or '--rolling T:S'."
        )
      }
      if span != nil {
        throw UsageError("'--period' is the span of '--rolling'; with '--train' and '--test' leave it out.")
      }
      plan = .split(train: train, test: test)
    }
    do { try plan.check() } catch { throw UsageError(error.message) }
    perOrigin = arguments.flag("per-origin")
    if perOrigin, case .split = plan { throw UsageError("'--per-origin' lists the origins of '--rolling'.") }
    let shares = try Self.shares(arguments.value("area-shares") ?? "1%,2%,5%,10%")
    let bandwidths = try Self.bandwidths(arguments.value("bandwidths") ?? "250m,400m,600m")
    let cell = try ValueSyntax.distance(arguments.value("cell") ?? "150m", option: "cell")
    let extent = try arguments.value("extent").map { text throws(UsageError) in try ValueSyntax.extent(text) }
    chartPath = arguments.value("chart")
    outputPath = arguments.value("output")
    if let chartPath {
      guard OutputFormat.pathExtension(chartPath).flatMap(OutputFormat.fromExtension) == .svg else {
        throw UsageError("The chart '\(chartPath)' for '--chart' must be an .svg file.")
      }
      if chartPath == outputPath { throw UsageError("'--chart' and '--output' name the same file.") }
    }
    format = try OutputFormat.resolve(
      option: arguments.value("format"), outputPath: outputPath, supported: Self.formats)
    let declaredCRS = try InputOptions.crs(arguments)
    var source = IncidentSource(
      files: arguments.values("incidents"), columns: InputOptions.incidentColumns(arguments, declaredCRS: declaredCRS),
      filter: IncidentFilter(categories: arguments.values("category")))
    source.keepsOutliers = arguments.flag("keep-outliers")
    request = BacktestRequest(
      incidents: source, plan: plan, shares: shares, bandwidths: bandwidths, cell: cell, hex: arguments.flag("hex"),
      extent: extent, areasFile: arguments.value("areas"))
    quiet = arguments.flag("quiet")
    request.repairAreas = arguments.flag("repair")
  }

  /// `T:S`, two whole numbers of months from 1 to 1200.
  static func rolling(_ text: String) throws(UsageError) -> (Int, Int) {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, let t = Int(String(parts[0]).trimmingSpaces()),
      let s = Int(String(parts[1]).trimmingSpaces()),
      (1...1200).contains(t), (1...1200).contains(s)
    else {
      throw UsageError("The value '\(text)' for '--rolling' must be T:S, months of training and of test (6:1).")
    }
    return (t, s)
  }

  /// Shares above 0 and at most 100 %, ascending, each once.
  static func shares(_ text: String) throws(UsageError) -> [Double] {
    var values: [Double] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      let value = try ValueSyntax.share(String(part), option: "area-shares")
      guard value > 0 else { throw UsageError("The share '\(part)' in '--area-shares' must be greater than 0%.") }
      values.append(value)
    }
    return Array(Set(values)).sorted()
  }

  /// Bandwidths, each once, in the order given.
  static func bandwidths(_ text: String) throws(UsageError) -> [Double] {
    var values: [Double] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      let value = try ValueSyntax.distance(String(part), option: "bandwidths")
      if !values.contains(value) { values.append(value) }
    }
    return values
  }

  func run(_ console: Console) throws {
    let result = try request.run(progress: { console.progress($0, quiet: quiet) })
    try Self.write(
      result, format: format, outputPath: outputPath, perOrigin: perOrigin, chartPath: chartPath, arguments: arguments,
      quiet: quiet, console: console)
  }

  /// Writes a backtest as this command does: warnings, the chart to `chartPath`, the table
  /// (`perOrigin`: every rolling origin) in `format` to `outputPath` (or the console), provenance
  /// beside each file recording `arguments` (the command line after `backtest`), and the summary
  /// unless `quiet`.
  static func write(
    _ result: BacktestResult, format: OutputFormat, outputPath: String?, perOrigin: Bool, chartPath: String?,
    arguments: [String], quiet: Bool, console: Console
  ) throws {
    for warning in result.warnings { console.error("warning: \(warning)\n") }
    let text: String
    switch format {
    case .csv: text = CSVTable.render(result.table(perOrigin: perOrigin))
    case .md: text = MarkdownTable.render(result.table(perOrigin: perOrigin))
    case .json: text = result.json.rendered()
    default:
      text =
        TextTable.render(result.textTable(perOrigin: perOrigin), maxWidth: outputPath == nil ? console.width : nil)
        + "\n" + result.summaryText
    }
    let provenance = Provenance(
      command: "backtest", arguments: arguments, inputs: result.inputs, choices: result.choices)
    if let chartPath {
      try AtomicFile.write(
        result.chart(generator: "hotspot \(Hotspot.version)").svg(), to: chartPath, inputs: result.inputs)
      try provenance.write(beside: chartPath)
    }
    try CommandOutput.deliver(
      text, to: outputPath, provenance: provenance, console: console, summary: result.summaryText,
      summaryInText: format == .text, quiet: quiet)
  }
}
