import Analyses
import GeoCore
import GeoIO
import Rendering
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
      ⌊s · m⌋ best-scoring of the m cells analysed (those whose centre lies in --areas when given); \
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
      OptionSpec(name: "train", valueName: "period", help: "Training period: hot spots are chosen on it (2023-01..2023-09)."),
      OptionSpec(name: "test", valueName: "period", help: "Test period, after the training period: hot spots are scored on it (2023-10..2023-12)."),
      OptionSpec(
        name: "rolling", valueName: "T:S",
        help: "Rolling origins instead of --train/--test: train T months, test the next S, slide by S (6:1)."),
      OptionSpec(name: "period", valueName: "period", help: "With --rolling: the whole months to roll over (default: first to last incident's month)."),
      OptionSpec(
        name: "area-shares", valueName: "shares", help: "Budgets as shares of the study area, comma-separated.",
        defaultValue: "1%,2%,5%,10%"),
      OptionSpec(
        name: "bandwidths", valueName: "distances", help: "Bandwidths of the density methods, comma-separated.",
        defaultValue: "250m,400m,600m"),
      OptionSpec(name: "cell", valueName: "size", help: "Cell size (the centre spacing for --hex).", defaultValue: "150m"),
      .flag("hex", help: "Pointy-top hexagons, the size being the distance between neighbouring centres."),
      OptionSpec(
        name: "extent", valueName: "xmin,ymin,xmax,ymax",
        help: "Grid extent in metres of the working CRS, used exactly; with --areas, the cells whose centre lies inside them."),
      OptionSpec(name: "areas", valueName: "file", help: "Study area (GeoJSON or Shapefile): only cells whose centre lies inside are analysed."),
      CommonOptions.category,
      .flag("per-origin", help: "With --rolling: one row per origin (columns origin, train, test after the named ones)."),
      OptionSpec(name: "chart", valueName: "file.svg", help: "Also write a chart of PAI against area share (SVG)."),
      CommonOptions.format, CommonOptions.output, CommonOptions.crs,
    ] + CommonOptions.incidentColumns.filter { $0.name != "weight-column" } + [CommonOptions.quiet])

  /// One split, or rolling origins.
  enum Plan: Equatable {
    case split(train: Period, test: Period)
    case rolling(trainMonths: Int, testMonths: Int, span: Period?)
  }

  let arguments: [String]
  let incidentSpecs: [String]
  let plan: Plan
  let shares: [Double]
  let bandwidths: [Double]
  let cell: Double
  let hex: Bool
  let extent: BoundingBox?
  let areasFile: String?
  let categories: [String]
  let perOrigin: Bool
  let chartPath: String?
  let format: OutputFormat
  let outputPath: String?
  let declaredCRS: CRS?
  let columns: IncidentColumnOptions
  let quiet: Bool

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments.original
    incidentSpecs = arguments.values("incidents")
    let train = try arguments.value("train").map { text throws(UsageError) in try ValueSyntax.period(text, option: "train") }
    let test = try arguments.value("test").map { text throws(UsageError) in try ValueSyntax.period(text, option: "test") }
    let span = try arguments.value("period").map { text throws(UsageError) in try ValueSyntax.period(text, option: "period") }
    if let rolling = arguments.value("rolling") {
      if train != nil || test != nil {
        throw UsageError("Give '--train' and '--test' for one split, or '--rolling T:S' for rolling origins, not both.")
      }
      let (t, s) = try Self.rolling(rolling)
      if let span, span.wholeMonths == nil {
        throw UsageError("The period '\(span)' for '--period' must be whole months with '--rolling' (like 2023-01..2024-12).")
      }
      plan = .rolling(trainMonths: t, testMonths: s, span: span)
    } else {
      guard let train, let test else {
        throw UsageError("Give the training and test periods ('--train 2023-01..2023-09 --test 2023-10..2023-12'), or '--rolling T:S'.")
      }
      if span != nil { throw UsageError("'--period' is the span of '--rolling'; with '--train' and '--test' leave it out.") }
      try Self.checkOrder(train: train, test: test)
      plan = .split(train: train, test: test)
    }
    perOrigin = arguments.flag("per-origin")
    if perOrigin, case .split = plan { throw UsageError("'--per-origin' lists the origins of '--rolling'.") }
    shares = try Self.shares(arguments.value("area-shares") ?? "1%,2%,5%,10%")
    bandwidths = try Self.bandwidths(arguments.value("bandwidths") ?? "250m,400m,600m")
    cell = try ValueSyntax.distance(arguments.value("cell") ?? "150m", option: "cell")
    hex = arguments.flag("hex")
    extent = try arguments.value("extent").map { text throws(UsageError) in try ValueSyntax.extent(text) }
    areasFile = arguments.value("areas")
    categories = arguments.values("category")
    chartPath = arguments.value("chart")
    outputPath = arguments.value("output")
    if let chartPath {
      guard OutputFormat.fromExtension(chartPath) == .svg else {
        throw UsageError("The chart '\(chartPath)' for '--chart' must be an .svg file.")
      }
      if chartPath == outputPath { throw UsageError("'--chart' and '--output' name the same file.") }
    }
    format = try OutputFormat.resolve(
      option: arguments.value("format"), outputPath: outputPath, supported: [.text, .csv, .md, .json])
    declaredCRS = try InputOptions.crs(arguments)
    columns = InputOptions.incidentColumns(arguments, declaredCRS: declaredCRS)
    quiet = arguments.flag("quiet")
  }

  /// `T:S`, two whole numbers of months from 1 to 1200.
  static func rolling(_ text: String) throws(UsageError) -> (Int, Int) {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, let t = Int(String(parts[0]).trimmingSpaces()), let s = Int(String(parts[1]).trimmingSpaces()),
      (1...1200).contains(t), (1...1200).contains(s)
    else {
      throw UsageError("The value '\(text)' for '--rolling' must be T:S, months of training and of test (6:1).")
    }
    return (t, s)
  }

  /// The test period must follow the training period without overlapping it.
  static func checkOrder(train: Period, test: Period) throws(UsageError) {
    if test.start <= train.end && train.start <= test.end {
      throw UsageError("The test period \(test) overlaps the training period \(train); hot spots must be scored on incidents they were not chosen on.")
    }
    if test.end < train.start {
      throw UsageError("The test period \(test) comes before the training period \(train); it must come after.")
    }
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
    let layer = try areasFile.map { file throws(InputError) in
      try AreaLayer.load(file: file, declaredCRS: declaredCRS, idField: nil, nameField: nil)
    }
    let loaded = try IncidentInput.load(
      incidentSpecs, options: columns, filter: IncidentFilter(categories: categories), working: layer?.working, purpose: "analyse")
    let (incidents, working, report, filtered, files) = (loaded.table, loaded.working, loaded.report, loaded.filtered, loaded.files)
    let fileList = files.joined(separator: ", ")
    guard let allDates = incidents.date else {
      throw InputError(file: fileList, reason: .other("has no date column; a backtest needs dates (name the column with --date-column)"))
    }

    // The origins, then only the incidents dated inside them.
    let dated = allDates.indices.filter { allDates[$0].packed != 0 }
    let undated = allDates.count - dated.count
    let origins = try self.origins(dates: dated.map { allDates[$0] }, file: fileList)
    guard let firstOrigin = origins.first, let lastOrigin = origins.last else {
      throw InputError(file: fileList, reason: .other("no origin to test"))
    }
    let whole = Period(start: firstOrigin.train.start, end: lastOrigin.test.end)
    let rows = dated.filter { whole.contains(allDates[$0]) }
    guard !rows.isEmpty else {
      throw InputError(file: fileList, reason: .other("no dated incident lies in \(whole)"))
    }
    let x = rows.map { incidents.x[$0] }, y = rows.map { incidents.y[$0] }
    let layout = try CellGrid.layout(
      cell: cell, hex: hex, extent: extent, areas: layer?.geometries,
      points: BoundingBox(x: x, y: y))
    let backtest = Backtest(layout: layout, x: x, y: y, dates: rows.map { allDates[$0] })
    let methods = HotSpotMethod.standard(bandwidths: bandwidths)
    var results: [Backtest.OriginResult] = []
    for (index, origin) in origins.enumerated() {
      if origins.count > 1 {
        console.progress("origin \(index + 1) of \(origins.count): train \(origin.train), test \(origin.test)", quiet: quiet)
      }
      results.append(backtest.run(origin: origin, methods: methods, shares: shares))
    }

    let result = BacktestResult(
      plan: plan, layout: layout, methods: methods, shares: shares, results: results, working: working,
      report: report, filtered: filtered, undated: undated, outsideSpan: dated.count - rows.count,
      incidentsInSpan: rows.count, straddling: straddling(dates: rows.map { allDates[$0] }, origins: origins), whole: whole,
      areasFile: areasFile, extentGiven: extent != nil)
    for note in report.problems.map(\.description) + result.notes { console.error("warning: \(note)\n") }
    let text: String
    switch format {
    case .csv: text = CSVTable.render(result.table(perOrigin: perOrigin))
    case .md: text = MarkdownTable.render(result.table(perOrigin: perOrigin))
    case .json: text = result.json.rendered()
    default: text = TextTable.render(result.textTable(perOrigin: perOrigin), maxWidth: outputPath == nil ? console.width : nil) + "\n" + result.summaryText
    }
    let inputs = files + (layer?.source.files ?? [])
    if let chartPath {
      try AtomicFile.write(result.chart(generator: "hotspot \(Hotspot.version)").svg(), to: chartPath, inputs: inputs)
      try provenance(result, inputs: inputs).write(beside: chartPath)
    }
    guard let outputPath else {
      console.output(text)
      return
    }
    try AtomicFile.write(text, to: outputPath, inputs: inputs)
    try provenance(result, inputs: inputs).write(beside: outputPath)
    if !quiet { console.error(result.summaryText) }
  }

  private func provenance(_ result: BacktestResult, inputs: [String]) -> Provenance {
    var provenance = Provenance(command: "backtest", arguments: arguments, inputs: inputs)
    for (key, value) in result.choices { provenance.record(key, value) }
    return provenance
  }

  /// Incidents dated only to a month that straddles an end of a training, test or recent period
  /// (none for whole-month periods).
  private func straddling(dates: [IncidentDate], origins: [BacktestOrigin]) -> Int {
    let periods = origins.flatMap { [$0.train, $0.test, $0.recent] }.filter { $0.wholeMonths == nil }
    guard !periods.isEmpty else { return 0 }
    return dates.filter { date in periods.contains { $0.straddles(date) } }.count
  }

  /// The origins of the plan; rolling ones over `--period` or the months of `dates`.
  private func origins(dates: [IncidentDate], file: String) throws(InputError) -> [BacktestOrigin] {
    switch plan {
    case .split(let train, let test):
      return [BacktestOrigin(train: train, test: test)]
    case .rolling(let t, let s, let span):
      let months: Range<Int>
      if let span, let whole = span.wholeMonths {
        months = whole
      } else {
        guard let first = dates.map(\.monthIndex).min(), let last = dates.map(\.monthIndex).max() else {
          throw InputError(file: file, reason: .other("no incident has a date"))
        }
        months = first..<(last + 1)
      }
      let origins = BacktestOrigin.rolling(
        firstMonth: months.lowerBound, lastMonth: months.upperBound - 1, trainMonths: t, testMonths: s)
      guard !origins.isEmpty else {
        let spanText = Period(monthIndices: months).description
        throw InputError(
          file: file,
          reason: .other("the months \(spanText) (\(months.count)) are fewer than one origin needs (\(t) + \(s)); shorten '--rolling'"))
      }
      return origins
    }
  }
}
