import Foundation
import GeoCore
import GeoIO
import SpatialAnalysis

/// `hotspot rank` as a value: a transparent composite risk score per area, with a 90 % interval of
/// each rank from Poisson resamples of the counts. `run()` returns a `RankResult`.
///
/// Components: rate per 1,000 population; harm-weighted count; trend (the rate ratio of the last 3
/// months against the 9 before, (c + ½) each, with its exact p); persistence (the share of months
/// the area was among the top fifth of areas by count); hotspot (the area's share of the top 5 % of
/// incident density); and each indicator. Each is normalised so that higher means more risk,
/// weighted and summed (`RiskModel`, `RiskScore`, `RankUncertainty` in SpatialAnalysis).
public struct RankRequest: Sendable {
  /// An indicator column of `indicatorsFile`, and whether higher or lower values mean more risk.
  public struct Indicator: Sendable, Hashable {
    /// The column name (matched case-insensitively).
    public var name: String
    /// `.higher` when a higher value means more risk.
    public var direction: RiskScore.Direction

    /// The column `name`, where `direction` says which way means more risk.
    public init(name: String, direction: RiskScore.Direction) {
      self.name = name
      self.direction = direction
    }
  }

  /// The default weights, by component key (indicators share theirs equally).
  public static let defaultWeights: [(String, Double)] = [
    ("rate", 0.3), ("harm", 0.2), ("trend", 0.15), ("persistence", 0.15), ("hotspot", 0.1), ("indicators", 0.1),
  ]

  /// The boundary file of the areas (GeoJSON or Shapefile).
  public var areasFile: String
  /// Areas already in memory, used instead of reading `areasFile` (`idField` and `nameField` are
  /// then those the layer was prepared with).
  public var areaLayer: AreaLayer?
  /// The incidents, with their columns, declared CRS, period and categories.
  public var incidents: IncidentSource
  /// Repair invalid area polygons by the even-odd rule (`--repair`) instead of refusing them
  /// (`AreaValidity`); each change is reported among the warnings.
  public var repairAreas = false
  /// The area property holding the population.
  public var populationField: String?
  /// A population CSV: `area_id,population`, or centroid points with a population column.
  public var populationFile: String?
  /// A JSON object of category → harm weight (1 for categories not listed).
  public var harmFile: String?
  /// A CSV of indicators, the area id in the first column.
  public var indicatorsFile: String?
  /// The indicator columns to use.
  public var indicators: [Indicator]
  /// A JSON object of component key (or indicator name) → weight, overriding `defaultWeights`.
  public var weightsFile: String?
  /// How components are put on one scale (default percentile rank 0–100).
  public var normalisation: RiskScore.Normalisation
  /// Only the top n areas (of each group) are listed; also k of `p_top_k` (10 when nil).
  public var top: Int?
  /// Poisson resamples for the rank intervals, 1 to 100,000 (default 999).
  public var resamples: Int
  /// The seed of the resampling (default 1).
  public var seed: UInt64
  /// The area property to rank within.
  public var groupField: String?
  /// The area property holding the id (detected when nil).
  public var idField: String?
  /// The area property holding the name (detected when nil).
  public var nameField: String?

  /// A ranking of the areas of `areasFile` by `incidents`; every other option as the command line's default.
  public init(
    areasFile: String, incidents: IncidentSource, populationField: String? = nil, populationFile: String? = nil,
    harmFile: String? = nil, indicatorsFile: String? = nil, indicators: [Indicator] = [], weightsFile: String? = nil,
    normalisation: RiskScore.Normalisation = .percentile, top: Int? = nil, resamples: Int = 999, seed: UInt64 = 1,
    groupField: String? = nil, idField: String? = nil, nameField: String? = nil, areaLayer: AreaLayer? = nil
  ) {
    self.areasFile = areasFile
    self.areaLayer = areaLayer
    self.incidents = incidents
    self.populationField = populationField
    self.populationFile = populationFile
    self.harmFile = harmFile
    self.indicatorsFile = indicatorsFile
    self.indicators = indicators
    self.weightsFile = weightsFile
    self.normalisation = normalisation
    self.top = top
    self.resamples = resamples
    self.seed = seed
    self.groupField = groupField
    self.idField = idField
    self.nameField = nameField
  }

  /// Checks the options that exclude or need each other, and the ranges, before anything is read.
  /// - Throws: `RequestError` naming the options as the command line spells them.
  public func validate() throws(RequestError) {
    if populationField != nil && populationFile != nil {
      throw RequestError("Give the population by '--population-field' or '--population', not both.")
    }
    if !indicators.isEmpty && indicatorsFile == nil { throw RequestError("'--indicator' needs '--indicators FILE'.") }
    if indicators.isEmpty && indicatorsFile != nil {
      throw RequestError("Name the columns of '--indicators' to use with '--indicator NAME:higher|lower'.")
    }
    if let top, top <= 0 { throw RequestError("The value '\(top)' for '--top' must be a positive whole number.") }
    if resamples < 1 || resamples > 100_000 {
      throw RequestError("The value '\(resamples)' for '--resamples' must be a whole number from 1 to 100000.")
    }
  }

  /// Reads the areas and incidents, scores and ranks the areas, and resamples the ranks.
  /// `progress` hears what was read.
  /// - Throws: `RequestError` (see `validate`), `InputError` for unreadable inputs, no dated
  ///   incident in any area, unknown indicator columns or weight keys.
  public func run(progress: (String) -> Void = { _ in }) throws -> RankResult {
    try validate()
    let declaredCRS = incidents.declaredCRS
    let layer: AreaLayer
    if let areaLayer {
      layer = areaLayer
    } else {
      layer = try AreaLayer.load(
        file: areasFile, declaredCRS: declaredCRS, idField: idField, nameField: nameField, repair: repairAreas)
    }
    progress("areas: \(layer.count) from \(areaLayer == nil ? areasFile : layer.file), working CRS \(layer.working)")
    let index = PolygonIndex(areas: layer.geometries)
    var warnings: [String] = []

    // Incidents → (area, month, category).
    var rows: [(area: Int, month: Int, category: Int)] = []
    var xs: [Double] = []
    var ys: [Double] = []
    var categoryNames: [String] = []
    var categoryIndex: [String: Int] = [:]
    var outside = 0
    var undated = 0
    let (report, _) = try IncidentInput.streamFiltered(incidents, working: layer.working, purpose: "rank the areas") {
      kept in
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
    warnings += layer.repairs + report.problems.map(\.description)
    guard !rows.isEmpty else {
      throw InputError(file: FilterCheck.filesText(report.files), reason: .other("no dated incident falls in any area"))
    }
    if outside > 0 { warnings.append("\(outside) incidents lie outside every area and are left out") }
    if undated > 0 { warnings.append("\(undated) incidents have no date and are left out") }
    let firstMonth = rows.map(\.month).min() ?? 0
    let lastMonth = rows.map(\.month).max() ?? 0
    var counts = RiskCounts(areas: layer.count, months: lastMonth - firstMonth + 1, categories: categoryNames.count)
    for row in rows { counts[row.area, row.month - firstMonth, row.category] += 1 }

    let population = try PopulationJoin.perArea(
      layer: layer, field: populationField, file: populationFile, declaredCRS: declaredCRS, warnings: &warnings)
    let harmWeights = try HarmWeights.load(file: harmFile, categories: categoryNames, warnings: &warnings)
    let indicatorValues = try self.indicatorValues(layer: layer)
    let weights = try componentWeights()
    let groups = try groupIndices(layer: layer)

    var model = RiskModel(
      population: population, harmWeights: harmWeights,
      indicators: indicatorValues, weights: weights, normalisation: normalisation, groups: groups)
    model.hotspotShare = RiskComponents.densityHotspotShare(x: xs, y: ys, areas: layer.geometries)
    let observed = model.evaluate(counts)
    let k = top ?? 10
    let uncertainty = RankUncertainty.compute(
      cells: counts.cells, resamples: resamples, seed: seed, k: k, groups: groups
    ) { model.evaluate(counts.with(cells: $0)).score.scores }

    let inputs =
      layer.source.files + (try incidents.expandedFiles())
      + [populationFile, harmFile, indicatorsFile, weightsFile].compactMap { $0 }
    return RankResult(
      layer: layer, counts: counts, firstMonth: firstMonth, observed: observed, model: model,
      uncertainty: uncertainty, groupNames: groupField.map { layer.property($0).map { $0?.text ?? "" } },
      top: top, k: k, resamples: resamples, seed: seed, dataRows: report.dataRows, ranked: rows.count,
      warnings: warnings, inputs: inputs)
  }

  /// The values of each indicator per area, joined on the first column of `indicatorsFile`.
  private func indicatorValues(layer: AreaLayer) throws(InputError) -> [RiskModel.Indicator] {
    guard let indicatorsFile else { return [] }
    let document = try CSVDocument.read(file: indicatorsFile)
    var result: [RiskModel.Indicator] = []
    var rowOf: [String: Int] = [:]
    for (r, row) in document.rows.enumerated() where !row.fields.isEmpty && rowOf[row.fields[0]] == nil {
      rowOf[row.fields[0]] = r
    }
    let unmatched = layer.ids.filter { rowOf[$0] == nil }
    if unmatched.count == layer.count {
      throw InputError(
        file: indicatorsFile, field: document.header.first,
        reason: .other(
          "no id in the first column matches an area id (e.g. \(layer.ids.prefix(2).joined(separator: ", ")))"))
    }
    for indicator in indicators {
      let name = indicator.name
      guard let column = document.header.firstIndex(where: { $0.lowercased() == name.lowercased() }) else {
        throw InputError(file: indicatorsFile, field: name, reason: .missingColumn(name))
      }
      let values: [Double?] = layer.ids.map { id in
        guard let r = rowOf[id], column < document.rows[r].fields.count else { return nil }
        let text = document.rows[r].fields[column].trimmingCharacters(in: .whitespaces)
        return Double(text).flatMap { $0.isFinite ? $0 : nil }
      }
      result.append(RiskModel.Indicator(name: name, direction: indicator.direction, values: values))
    }
    return result
  }

  /// The weight of each component key (and each indicator by name).
  private func componentWeights() throws(InputError) -> [String: Double] {
    var weights: [String: Double] = [:]
    for (key, value) in Self.defaultWeights { weights[key] = value }
    guard let weightsFile else { return weights }
    let known = Set(Self.defaultWeights.map(\.0) + indicators.map(\.name))
    for (key, value) in try JSONNumberTable.read(file: weightsFile) {
      guard known.contains(key) else {
        throw InputError(
          file: weightsFile, field: key,
          reason: .other(
            "not a component; use \(Self.defaultWeights.map(\.0).joined(separator: ", ")) or an --indicator name"))
      }
      guard value >= 0 else {
        throw InputError(file: weightsFile, field: key, reason: .other("a weight must be 0 or more"))
      }
      weights[key] = value
    }
    return weights
  }

  /// The group of each area as an index (in order of first appearance), when ranking within groups.
  private func groupIndices(layer: AreaLayer) throws(InputError) -> [Int]? {
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
