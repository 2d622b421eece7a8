import Analyses
import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// `hotspot rank`: a transparent composite risk score per area, for choosing where to intervene.
struct RankCommand: HotspotCommand {
  static let spec = CommandSpec(
    name: "rank",
    abstract: "Rank areas by a transparent composite risk score, with 90 % intervals of each rank.",
    discussion: """
      Components: rate per 1,000 population; harm-weighted count (--harm JSON of category → \
      weight, 1 for categories not listed); trend, the rate ratio of the last 3 months of the data \
      against the 9 before ((c + ½) each), with its exact p; persistence, the share of months the \
      area was among the top fifth of areas by count; hotspot, the share of the area in the top 5 % \
      of incident density (as 'density --top 5%', held fixed across resamples); and each \
      --indicator joined on area id. \
      Each is normalised (percentile rank 0–100, or z) so that higher means more risk, weighted \
      (default rate 0.3, harm 0.2, trend 0.15, persistence 0.15, hotspot 0.1, indicators 0.1 \
      shared equally; --weights JSON overrides by key or indicator name) and summed. A component \
      no area has a value for (no population, too few months) is dropped, named, and its weight \
      shared among the rest; a value missing for some areas takes the median normalised value and \
      is reported. Equal scores rank by area order. rank_low..rank_high is the 90 % interval of \
      the rank over --resamples Poisson resamples of the counts (seeded); p_top_k is the share of \
      resamples that put the area in the top k (--top, else 10).
      """,
    options: [
      OptionSpec(
        name: "areas", valueName: "file", help: "Boundary file (GeoJSON or Shapefile) of the areas.",
        isRequired: true),
      CommonOptions.incidents, CommonOptions.period, CommonOptions.category,
      OptionSpec(name: "population-field", valueName: "name", help: "Area property holding the population."),
      OptionSpec(
        name: "population", valueName: "file",
        help: "Population CSV: area_id,population or centroid points with a population column."),
      OptionSpec(name: "harm", valueName: "file", help: "JSON object of category → harm weight (default 1 each)."),
      OptionSpec(name: "indicators", valueName: "file", help: "CSV of indicators, the area id in the first column."),
      OptionSpec(
        name: "indicator", valueName: "name:higher|lower",
        help: "An indicator column to use, and whether higher or lower values mean more risk (repeatable)."),
      OptionSpec(name: "weights", valueName: "file", help: "JSON object of component → weight."),
      OptionSpec(
        name: "normalise", valueName: "method", help: "How components are put on one scale.",
        defaultValue: "percentile", allowedValues: RiskScore.Normalisation.allCases.map(\.rawValue)),
      OptionSpec(name: "top", valueName: "n", help: "Show only the top n areas (of each group); k of p_top_k."),
      OptionSpec(name: "resamples", valueName: "n", help: "Poisson resamples for the rank intervals.", defaultValue: "999"),
      OptionSpec(name: "seed", valueName: "n", help: "Seed of the resampling.", defaultValue: "1"),
      OptionSpec(name: "group-field", valueName: "name", help: "Area property to rank within."),
      OptionSpec(name: "id-field", valueName: "name", help: "Area property holding the id (detected if absent)."),
      OptionSpec(name: "name-field", valueName: "name", help: "Area property holding the name (detected if absent)."),
      CommonOptions.format, CommonOptions.output, CommonOptions.crs,
    ] + CommonOptions.incidentColumns + [CommonOptions.quiet])

  /// The default weights, by component key.
  static let defaultWeights: [(String, Double)] = [
    ("rate", 0.3), ("harm", 0.2), ("trend", 0.15), ("persistence", 0.15), ("hotspot", 0.1), ("indicators", 0.1),
  ]

  let arguments: [String]
  let areasFile: String
  let incidentSpecs: [String]
  let filter: IncidentFilter
  let populationField: String?
  let populationFile: String?
  let harmFile: String?
  let indicatorsFile: String?
  let indicators: [(name: String, direction: RiskScore.Direction)]
  let weightsFile: String?
  let normalisation: RiskScore.Normalisation
  let top: Int?
  let resamples: Int
  let seed: UInt64
  let groupField: String?
  let idField: String?
  let nameField: String?
  let format: OutputFormat
  let outputPath: String?
  let declaredCRS: CRS?
  let columns: IncidentColumnOptions
  let quiet: Bool

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments.original
    areasFile = arguments.value("areas") ?? ""
    incidentSpecs = arguments.values("incidents")
    filter = try InputOptions.filter(arguments)
    (populationField, populationFile) = try InputOptions.population(arguments)
    harmFile = arguments.value("harm")
    indicatorsFile = arguments.value("indicators")
    var indicators: [(String, RiskScore.Direction)] = []
    for text in arguments.values("indicator") {
      guard let colon = text.lastIndex(of: ":"), let direction = RiskScore.Direction(rawValue: String(text[text.index(after: colon)...])),
        colon != text.startIndex
      else {
        throw UsageError("The value '\(text)' for '--indicator' must be NAME:higher or NAME:lower (deprivation_score:higher).")
      }
      indicators.append((String(text[..<colon]), direction))
    }
    self.indicators = indicators
    if !indicators.isEmpty && indicatorsFile == nil {
      throw UsageError("'--indicator' needs '--indicators FILE'.")
    }
    if indicators.isEmpty && indicatorsFile != nil {
      throw UsageError("Name the columns of '--indicators' to use with '--indicator NAME:higher|lower'.")
    }
    weightsFile = arguments.value("weights")
    normalisation = RiskScore.Normalisation(rawValue: arguments.value("normalise") ?? "percentile") ?? .percentile
    top = try arguments.value("top").map { text throws(UsageError) in
      guard let n = Int(text), n > 0 else { throw UsageError("The value '\(text)' for '--top' must be a positive whole number.") }
      return n
    }
    let resamplesText = arguments.value("resamples") ?? "999"
    guard let resamples = Int(resamplesText), resamples >= 1, resamples <= 100_000 else {
      throw UsageError("The value '\(resamplesText)' for '--resamples' must be a whole number from 1 to 100000.")
    }
    self.resamples = resamples
    let seedText = arguments.value("seed") ?? "1"
    guard let seed = UInt64(seedText) else { throw UsageError("The value '\(seedText)' for '--seed' must be a whole number ≥ 0.") }
    self.seed = seed
    groupField = arguments.value("group-field")
    idField = arguments.value("id-field")
    nameField = arguments.value("name-field")
    outputPath = arguments.value("output")
    format = try OutputFormat.resolve(
      option: arguments.value("format"), outputPath: outputPath, supported: [.text, .csv, .md, .json, .svg])
    declaredCRS = try InputOptions.crs(arguments)
    columns = InputOptions.incidentColumns(arguments, declaredCRS: declaredCRS)
    quiet = arguments.flag("quiet")
  }

  func run(_ console: Console) throws {
    let layer = try AreaLayer.load(file: areasFile, declaredCRS: declaredCRS, idField: idField, nameField: nameField)
    console.progress("areas: \(layer.count) from \(areasFile), working CRS \(layer.working)", quiet: quiet)
    let index = PolygonIndex(areas: layer.geometries)
    var warnings: [String] = []

    // Incidents → (area, month, category).
    var rows: [(area: Int, month: Int, category: Int)] = []
    var xs: [Double] = [], ys: [Double] = []
    var categoryNames: [String] = []
    var categoryIndex: [String: Int] = [:]
    var outside = 0, undated = 0
    var filtered = IncidentFilter.Outcome()
    let report = try IncidentInput.stream(incidentSpecs, options: columns, working: layer.working) { chunk in
      let (kept, outcome) = filter.apply(to: chunk)
      filtered.add(outcome)
      for row in 0..<kept.count {
        guard let area = index.firstContaining(kept.point(row)) else {
          outside += 1
          continue
        }
        guard let date = kept.date?[row] else {
          undated += 1
          continue
        }
        let name = kept.category.map { $0.values[Int($0.codes[row])] } ?? "all"
        let k: Int
        if let known = categoryIndex[name] {
          k = known
        } else {
          k = categoryNames.count
          categoryIndex[name] = k
          categoryNames.append(name)
        }
        rows.append((area, date.monthIndex, k))
        xs.append(kept.x[row])
        ys.append(kept.y[row])
      }
    }
    warnings += report.problems.map(\.description)
    guard !rows.isEmpty else {
      throw InputError(file: incidentSpecs.joined(separator: ", "), reason: .other("no dated incident falls in any area"))
    }
    if outside > 0 { warnings.append("\(outside) incidents lie outside every area and are left out") }
    if undated > 0 { warnings.append("\(undated) incidents have no date and are left out") }
    let firstMonth = rows.map(\.month).min() ?? 0, lastMonth = rows.map(\.month).max() ?? 0
    var counts = RiskCounts(areas: layer.count, months: lastMonth - firstMonth + 1, categories: categoryNames.count)
    for row in rows { counts[row.area, row.month - firstMonth, row.category] += 1 }

    let population = try AreaPopulation.load(
      layer: layer, field: populationField, file: populationFile, declaredCRS: declaredCRS, warnings: &warnings)
    let harmWeights = try HarmWeights.load(file: harmFile, categories: categoryNames, warnings: &warnings)
    let indicatorValues = try self.indicatorValues(layer: layer, warnings: &warnings)
    let weights = try self.componentWeights()
    let neighbours = SpatialWeights.contiguity(
      areas: layer.geometries, rule: .queen, tolerance: layer.working == .planar ? 0 : 1)
    let groups = try groupIndices(layer: layer)

    var model = RiskModel(
      population: population, harmWeights: harmWeights, neighbours: neighbours,
      indicators: indicatorValues.map { RiskModel.Indicator(name: $0.name, direction: $0.direction, values: $0.values) },
      weights: weights, normalisation: normalisation, groups: groups)
    model.hotspotShare = RiskComponents.densityHotspotShare(x: xs, y: ys, areas: layer.geometries)
    let observed = model.evaluate(counts)
    let k = top ?? 10
    let uncertainty = RankUncertainty.compute(
      cells: counts.cells, resamples: resamples, seed: seed, k: k, groups: groups
    ) { model.evaluate(counts.with(cells: $0)).score.scores }

    let result = RankResult(
      layer: layer, counts: counts, firstMonth: firstMonth, observed: observed, model: model,
      uncertainty: uncertainty, groupNames: groupField.map { layer.property($0).map { $0?.text ?? "" } },
      top: top, k: k, resamples: resamples, seed: seed, dataRows: report.dataRows, ranked: rows.count)
    for warning in warnings { console.error("warning: \(warning)\n") }
    for message in result.messages { console.error(message + "\n") }

    let text: String
    switch format {
    case .csv: text = CSVTable.render(result.table)
    case .md: text = MarkdownTable.render(result.table) + "\n" + result.summary.split(separator: "\n").map { "- " + $0 }.joined(separator: "\n") + "\n"
    case .json: text = JSONValue.object([("summary", .object(result.choices)), ("areas", JSONTable.value(result.table))]).rendered()
    case .svg: text = rankingMap(layer: layer, scores: result.score.scores, ranks: result.score.ranks, labels: k)
    default: text = TextTable.render(result.table, maxWidth: outputPath == nil ? console.width : nil) + "\n" + result.summary
    }
    guard let outputPath else {
      console.output(text)
      return
    }
    let inputs = layer.source.files + (try IncidentSources.expand(incidentSpecs))
      + [populationFile, harmFile, indicatorsFile, weightsFile].compactMap { $0 }
    try AtomicFile.write(text, to: outputPath, inputs: inputs)
    var provenance = Provenance(command: "rank", arguments: arguments, inputs: inputs)
    provenance.record("working_crs", .string(layer.working.identifier))
    provenance.record("id_field", .string(layer.idField))
    for (key, value) in result.choices { provenance.record(key, value) }
    try provenance.write(beside: outputPath)
    if !quiet { console.error(result.summary) }
  }

  private func indicatorValues(layer: AreaLayer, warnings: inout [String]) throws -> [(name: String, direction: RiskScore.Direction, values: [Double?])] {
    guard let indicatorsFile else { return [] }
    let document = try CSVDocument.read(file: indicatorsFile)
    var result: [(String, RiskScore.Direction, [Double?])] = []
    var rowOf: [String: Int] = [:]
    for (r, row) in document.rows.enumerated() where !row.fields.isEmpty && rowOf[row.fields[0]] == nil { rowOf[row.fields[0]] = r }
    let unmatched = layer.ids.filter { rowOf[$0] == nil }
    if unmatched.count == layer.count {
      throw InputError(
        file: indicatorsFile, field: document.header.first,
        reason: .other("no id in the first column matches an area id (e.g. \(layer.ids.prefix(2).joined(separator: ", ")))"))
    }
    for (name, direction) in indicators {
      guard let column = document.header.firstIndex(where: { $0.lowercased() == name.lowercased() }) else {
        throw InputError(file: indicatorsFile, field: name, reason: .missingColumn(name))
      }
      let values: [Double?] = layer.ids.map { id in
        guard let r = rowOf[id], column < document.rows[r].fields.count else { return nil }
        let text = document.rows[r].fields[column].trimmingCharacters(in: .whitespaces)
        return Double(text).flatMap { $0.isFinite ? $0 : nil }
      }
      result.append((name, direction, values))
    }
    return result
  }

  /// The weight of each component key (and each indicator by name).
  /// The score as a choropleth in five classes by natural breaks, the `labels` highest-ranked
  /// areas labelled with their rank.
  private func rankingMap(layer: AreaLayer, scores: [Double], ranks: [Int], labels: Int) -> String {
    let values = scores.map { Optional($0) }
    let breaks = ClassBreaks.breaks(scores, method: .naturalBreaks(5))
    let choropleth = MapLayer.Choropleth.classed(
      ids: layer.ids, names: layer.names, geometries: layer.geometries, values: values, breaks: breaks,
      colours: Palette.colours("YlOrRd", classes: breaks.count) ?? [], heading: "Risk score",
      note: "0–100, natural breaks (Fisher-Jenks)", digits: 1)
    let top = layer.ids.indices.filter { ranks[$0] <= labels }.sorted { ranks[$0] < ranks[$1] }
    let document = MapDocument(
      title: "Areas ranked by risk", subtitle: "the \(top.count) highest labelled with their rank",
      layers: [.choropleth(choropleth)],
      labels: top.map { ("\(ranks[$0]). \(layer.names[$0].isEmpty ? layer.ids[$0] : layer.names[$0])", layer.geometries[$0].centroid) },
      attribution: ["Boundaries: \(layer.file.split(separator: "/").last.map(String.init) ?? layer.file)."],
      generator: "hotspot \(Hotspot.version)")
    return document.svg()
  }

  private func componentWeights() throws -> [String: Double] {
    var weights: [String: Double] = [:]
    for (key, value) in Self.defaultWeights { weights[key] = value }
    guard let weightsFile else { return weights }
    let known = Set(Self.defaultWeights.map(\.0) + indicators.map(\.name))
    for (key, value) in try JSONNumberTable.read(file: weightsFile) {
      guard known.contains(key) else {
        throw InputError(
          file: weightsFile, field: key,
          reason: .other("not a component; use \(Self.defaultWeights.map(\.0).joined(separator: ", ")) or an --indicator name"))
      }
      guard value >= 0 else { throw InputError(file: weightsFile, field: key, reason: .other("a weight must be 0 or more")) }
      weights[key] = value
    }
    return weights
  }

  private func groupIndices(layer: AreaLayer) throws -> [Int]? {
    guard let groupField else { return nil }
    let names = layer.property(groupField).map { $0?.text }
    if names.allSatisfy({ $0 == nil }) {
      throw InputError(file: areasFile, field: groupField, reason: .other("no area has this property"))
    }
    var indexOf: [String: Int] = [:]
    return names.map { name in
      let key = name ?? ""
      if let i = indexOf[key] { return i }
      indexOf[key] = indexOf.count
      return indexOf.count - 1
    }
  }
}

/// Population per area from an area property or a CSV (keyed, or centroid points summed into the
/// area containing them; with `overlapping`, into every area containing them).
enum AreaPopulation {
  static func load(
    layer: AreaLayer, field: String?, file: String?, declaredCRS: CRS?, overlapping: Bool = false,
    warnings: inout [String]
  ) throws -> [Double?]? {
    if let field { return layer.property(field).map { $0?.number } }
    guard let file else { return nil }
    switch try AreaTables.population(file: file, declaredCRS: declaredCRS) {
    case .byArea(let rows):
      var byID: [String: Double] = [:]
      var unknown: [String] = []
      for row in rows {
        if layer.ids.contains(row.id) { byID[row.id, default: 0] += row.population } else { unknown.append(row.id) }
      }
      if !unknown.isEmpty {
        warnings.append("\(file): \(unknown.count) ids match no area (e.g. \(unknown.prefix(3).joined(separator: ", ")))")
      }
      return layer.ids.map { byID[$0] }
    case .points(var x, var y, let population, let crs):
      guard let transform = CoordinateTransform(from: crs, to: layer.working) else {
        throw InputError(file: file, reason: .other("points in \(crs) cannot be related to the areas"))
      }
      transform.apply(x: &x, y: &y)
      let index = PolygonIndex(areas: layer.geometries)
      var sums = [Double?](repeating: nil, count: layer.count)
      var outside = 0
      for i in x.indices {
        let point = Point(x: x[i], y: y[i])
        let areas = overlapping ? index.allContaining(point) : index.firstContaining(point).map { [$0] } ?? []
        if areas.isEmpty { outside += 1 }
        for area in areas { sums[area] = (sums[area] ?? 0) + population[i] }
      }
      if outside > 0 { warnings.append("\(file): \(outside) population points lie in no area and were left out") }
      return sums
    }
  }
}
