import Foundation
import GeoCore
import GeoIO
import SpatialAnalysis

/// `hotspot zones --screen` as a value: candidate areas tested against designation criteria
/// (`DesignationCriterion`), listing those that meet every criterion and the near misses that
/// fail exactly one, with the evidence. `run()` returns a `ZoneScreenResult`.
public struct ZoneScreenRequest: Sendable {
  /// The boundary file of the candidate areas.
  public var candidatesFile: String
  /// The JSON file of designation criteria.
  public var criteriaFile: String
  /// A CSV of indicators, the area id in the first column (needed by indicator criteria).
  public var indicatorsFile: String?
  /// The incidents, with their columns, declared CRS, period and categories.
  public var incidents: IncidentSource
  /// Repair invalid area polygons by the even-odd rule (`--repair`) instead of refusing them
  /// (`AreaValidity`); each change is reported among the warnings.
  public var repairAreas = false
  /// The population CSV: `area_id,population`, or centroid points with a population column.
  public var populationFile: String
  /// The area property holding the id (detected when nil).
  public var idField: String?
  /// The area property holding the name (detected when nil).
  public var nameField: String?

  /// A screen of the areas of `candidatesFile`; every other option as the command line's default.
  public init(
    candidatesFile: String, criteriaFile: String, indicatorsFile: String? = nil, incidents: IncidentSource,
    populationFile: String, idField: String? = nil, nameField: String? = nil
  ) {
    self.candidatesFile = candidatesFile
    self.criteriaFile = criteriaFile
    self.indicatorsFile = indicatorsFile
    self.incidents = incidents
    self.populationFile = populationFile
    self.idField = idField
    self.nameField = nameField
  }

  /// Reads the criteria, candidates, incidents, population and indicators and tests every candidate.
  /// - Throws: `InputError` for unreadable inputs, no dated incident in any candidate, too few
  ///   months for a criterion, an indicator criterion without indicators or with a missing column.
  public func run(progress: (String) -> Void = { _ in }) throws -> ZoneScreenResult {
    let criteria = try DesignationCriterion.read(file: criteriaFile)
    let declaredCRS = incidents.declaredCRS
    let layer = try AreaLayer.load(
      file: candidatesFile, declaredCRS: declaredCRS, idField: idField, nameField: nameField, repair: repairAreas)
    let index = PolygonIndex(areas: layer.geometries)
    var warnings: [String] = []
    var rows: [(area: Int, month: Int, category: String)] = []
    let (report, _) = try IncidentInput.streamFiltered(
      incidents, working: layer.working, purpose: "screen the candidate areas"
    ) { kept in
      for row in 0..<kept.count {
        guard let area = index.firstContaining(kept.point(row)), let date = kept.date?[row] else { continue }
        rows.append((area, date.monthIndex, kept.category.map { $0.values[Int($0.codes[row])] } ?? ""))
      }
    }
    warnings += layer.repairs + report.problems.map(\.description)
    let files = FilterCheck.filesText(report.files)
    guard let latest = rows.map(\.month).max(), let earliest = rows.map(\.month).min() else {
      throw InputError(file: files, reason: .other("no dated incident falls in any candidate area"))
    }
    let population = try PopulationJoin.perArea(
      layer: layer, field: nil, file: populationFile, declaredCRS: declaredCRS, warnings: &warnings)
    let indicators = try indicatorsFile.map { file throws(InputError) in try CSVDocument.read(file: file) }

    var values: [[[Double?]]] = []  // [criterion][area][year]
    var evidenceHeads: [String] = []
    for criterion in criteria {
      switch criterion.measure {
      case .rate(let per, let ratio, let categories, let years):
        let needed = 12 * years
        if latest - earliest + 1 < needed {
          throw InputError(
            file: files,
            reason: .other(
              "'\(criterion.name)' needs \(needed) months of data; the data cover \(latest - earliest + 1)"))
        }
        let wanted = categories.map { Set($0.map { $0.lowercased() }) }
        var perYear: [[Double?]] = Array(repeating: [], count: layer.count)
        var labels: [String] = []
        for year in 0..<years {
          let last = latest - 12 * (years - 1 - year)
          let first = last - 11
          labels.append(IncidentDate.monthText(monthIndex: first) + ".." + IncidentDate.monthText(monthIndex: last))
          var counts = [Int](repeating: 0, count: layer.count)
          for row in rows
          where row.month >= first && row.month <= last && (wanted?.contains(row.category.lowercased()) ?? true) {
            counts[row.area] += 1
          }
          let yearValues: [Double?] =
            ratio
            ? DesignationScreen.rateRatio(counts: counts, population: population ?? layer.ids.map { _ in nil })
            : counts.indices.map { Rates.perPopulation(counts[$0], population: population?[$0], per: per) }
          for area in 0..<layer.count { perYear[area].append(yearValues[area]) }
        }
        values.append(perYear)
        evidenceHeads.append(labels.joined(separator: ", "))
      case .indicator(let name):
        guard let indicators, let file = indicatorsFile else {
          throw InputError(
            file: criteriaFile, field: criterion.name, reason: .other("an indicator criterion needs --indicators FILE"))
        }
        guard let column = indicators.header.firstIndex(where: { $0.lowercased() == name.lowercased() }) else {
          throw InputError(file: file, field: name, reason: .missingColumn(name))
        }
        var byID: [String: Double] = [:]
        for row in indicators.rows where column < row.fields.count && !row.fields.isEmpty {
          if let value = Double(row.fields[column].trimmingCharacters(in: .whitespaces)), value.isFinite {
            byID[row.fields[0]] = value
          }
        }
        values.append(layer.ids.map { [byID[$0]] })
        evidenceHeads.append(name)
      }
    }
    let passes = layer.ids.indices.map { area in
      criteria.indices.map { DesignationScreen.passes(values[$0][area], criteria[$0].test) }
    }
    let inputs =
      layer.source.files + (try incidents.expandedFiles())
      + [populationFile, criteriaFile] + [indicatorsFile].compactMap { $0 }
    return ZoneScreenResult(
      layer: layer, criteria: criteria, values: values, evidenceHeads: evidenceHeads, passes: passes,
      warnings: warnings, inputs: inputs)
  }
}
