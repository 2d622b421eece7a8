import Analyses
import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// `hotspot zones --screen`: candidate areas against designation criteria from a JSON file.
///
/// The criteria file (see `Examples/screen-criteria.json`):
///
///     {"criteria": [
///       {"name": "persistent ASB", "measure": "rate_ratio", "categories": ["Anti-social behaviour"],
///        "years": 2, "at_least": 1.5},
///       {"name": "ASB rate", "measure": "rate", "per": 1000, "years": 1, "at_least": 20},
///       {"name": "private rented", "indicator": "private_rented_pct", "at_least": 19},
///       {"name": "deprived", "indicator": "deprivation_decile", "between": [1, 3]}
///     ]}
///
/// `measure` is `rate` (incidents per `per`, default 1,000) or `rate_ratio` (the area's rate over
/// the rate of all candidates together), over each of the last `years` 12-month periods ending
/// with the latest month in the data (default 1), of `categories` (default all); or `indicator`
/// names a column of `--indicators`. The test is one of `at_least`, `at_most` or `between`.
struct ZonesScreen {
  struct Criterion {
    enum Measure {
      case rate(per: Double, ratio: Bool, categories: [String]?, years: Int)
      case indicator(String)
    }
    var name: String
    var measure: Measure
    var test: DesignationScreen.Test
  }

  static func criteria(file: String) throws(InputError) -> [Criterion] {
    let tree = try JSONTree.read(file: file)
    guard let list = tree["criteria"]?.array, !list.isEmpty else {
      throw InputError(file: file, field: "criteria", reason: .missingMember("criteria (a non-empty array)"))
    }
    var result: [Criterion] = []
    for (i, item) in list.enumerated() {
      let field = "criteria[\(i)]"
      let test: DesignationScreen.Test
      if let bound = item["at_least"]?.number {
        test = .atLeast(bound)
      } else if let bound = item["at_most"]?.number {
        test = .atMost(bound)
      } else if let pair = item["between"]?.array, pair.count == 2, let low = pair[0].number, let high = pair[1].number {
        test = .between(low, high)
      } else {
        throw InputError(file: file, field: field, reason: .missingMember("at_least, at_most or between [low, high]"))
      }
      let measure: Criterion.Measure
      if let indicator = item["indicator"]?.string {
        measure = .indicator(indicator)
      } else if let kind = item["measure"]?.string, kind == "rate" || kind == "rate_ratio" {
        let years = item["years"]?.number ?? 1
        guard years >= 1, years <= 10, years.rounded() == years else {
          throw InputError(file: file, field: field + ".years", reason: .other("must be a whole number from 1 to 10"))
        }
        let categories = try item["categories"].map { value throws(InputError) -> [String] in
          guard let names = value.array?.compactMap(\.string), !names.isEmpty else {
            throw InputError(file: file, field: field + ".categories", reason: .wrongType(expected: "an array of category names", found: "something else"))
          }
          return names
        }
        measure = .rate(per: item["per"]?.number ?? 1000, ratio: kind == "rate_ratio", categories: categories, years: Int(years))
      } else {
        throw InputError(file: file, field: field, reason: .missingMember("measure (rate or rate_ratio) or indicator"))
      }
      result.append(Criterion(name: item["name"]?.string ?? "criterion \(i + 1)", measure: measure, test: test))
    }
    return result
  }

  let command: ZonesCommand

  func run(_ console: Console, candidatesFile: String, criteriaFile: String, indicatorsFile: String?) throws {
    let criteria = try Self.criteria(file: criteriaFile)
    let layer = try AreaLayer.load(
      file: candidatesFile, declaredCRS: command.declaredCRS, idField: command.idField, nameField: command.nameField)
    let index = PolygonIndex(areas: layer.geometries)
    var warnings: [String] = []
    var rows: [(area: Int, month: Int, category: String)] = []
    let report = try IncidentInput.stream(command.incidentSpecs, options: command.columns, working: layer.working) { chunk in
      let kept = command.filter.apply(to: chunk).table
      for row in 0..<kept.count {
        guard let area = index.firstContaining(kept.point(row)), let date = kept.date?[row] else { continue }
        rows.append((area, date.monthIndex, kept.category.map { $0.values[Int($0.codes[row])] } ?? ""))
      }
    }
    warnings += report.problems.map(\.description)
    guard let latest = rows.map(\.month).max(), let earliest = rows.map(\.month).min() else {
      throw InputError(file: command.incidentSpecs.joined(separator: ", "), reason: .other("no dated incident falls in any candidate area"))
    }
    let population = try AreaPopulation.load(
      layer: layer, field: nil, file: command.populationFile, declaredCRS: command.declaredCRS, warnings: &warnings)
    let indicators = try indicatorsFile.map { file throws(InputError) in try CSVDocument.read(file: file) }

    var values: [[[Double?]]] = []  // [criterion][area][year]
    var evidenceHeads: [String] = []
    for criterion in criteria {
      switch criterion.measure {
      case .rate(let per, let ratio, let categories, let years):
        let needed = 12 * years
        if latest - earliest + 1 < needed {
          throw InputError(
            file: command.incidentSpecs.joined(separator: ", "),
            reason: .other("'\(criterion.name)' needs \(needed) months of data; the data cover \(latest - earliest + 1)"))
        }
        let wanted = categories.map { Set($0.map { $0.lowercased() }) }
        var perYear: [[Double?]] = Array(repeating: [], count: layer.count)
        var labels: [String] = []
        for year in 0..<years {
          let last = latest - 12 * (years - 1 - year), first = last - 11
          labels.append(IncidentDate.monthText(monthIndex: first) + ".." + IncidentDate.monthText(monthIndex: last))
          var counts = [Int](repeating: 0, count: layer.count)
          for row in rows where row.month >= first && row.month <= last && (wanted?.contains(row.category.lowercased()) ?? true) {
            counts[row.area] += 1
          }
          let yearValues: [Double?] = ratio
            ? DesignationScreen.rateRatio(counts: counts, population: population ?? layer.ids.map { _ in nil })
            : counts.indices.map { Rates.perPopulation(counts[$0], population: population?[$0], per: per) }
          for area in 0..<layer.count { perYear[area].append(yearValues[area]) }
        }
        values.append(perYear)
        evidenceHeads.append(labels.joined(separator: ", "))
      case .indicator(let name):
        guard let indicators, let file = indicatorsFile else {
          throw InputError(file: criteriaFile, field: criterion.name, reason: .other("an indicator criterion needs --indicators FILE"))
        }
        guard let column = indicators.header.firstIndex(where: { $0.lowercased() == name.lowercased() }) else {
          throw InputError(file: file, field: name, reason: .missingColumn(name))
        }
        var byID: [String: Double] = [:]
        for row in indicators.rows where column < row.fields.count && !row.fields.isEmpty {
          if let value = Double(row.fields[column].trimmingCharacters(in: .whitespaces)), value.isFinite { byID[row.fields[0]] = value }
        }
        values.append(layer.ids.map { [byID[$0]] })
        evidenceHeads.append(name)
      }
    }

    let passes = layer.ids.indices.map { area in criteria.indices.map { DesignationScreen.passes(values[$0][area], criteria[$0].test) } }
    let statuses = passes.map(DesignationScreen.status)
    var columns: [Table.Column] = [.init("area_id"), .init("area_name"), .init("status"), .init("criteria_met", alignment: .right)]
    columns += criteria.map { Table.Column(Table.columnName($0.name, fallback: "criterion")) }
    var tableRows: [[Table.Cell]] = []
    for area in DesignationScreen.listed(statuses) {
      var cells: [Table.Cell] = [
        .text(layer.ids[area]), .text(layer.names[area]), .text(statuses[area].rawValue),
        .text("\(passes[area].filter { $0 }.count) of \(criteria.count)"),
      ]
      for c in criteria.indices {
        let shown = values[c][area].map { $0.map { NumberText.fixed($0, digits: 2) } ?? "missing" }.joined(separator: ", ")
        let unit: String
        if case .rate(_, let ratio, _, _) = criteria[c].measure, ratio { unit = "× all candidates" } else { unit = "" }
        cells.append(.text((passes[area][c] ? "yes: " : "no: ") + shown + (unit.isEmpty ? "" : " " + unit) + " (" + criteria[c].test.description + ")"))
      }
      tableRows.append(cells)
    }
    let table = Table(columns: columns, rows: tableRows)
    for warning in warnings { console.error("warning: \(warning)\n") }
    let qualifying = statuses.filter { $0 == .qualifies }.count, near = statuses.filter { $0 == .nearMiss }.count
    var summary = "candidates       \(layer.count): \(qualifying) qualify, \(near) near misses (one criterion failed)\n"
    for (c, criterion) in criteria.enumerated() {
      summary += "criterion \(c + 1)      \(criterion.name) \(criterion.test.description) over \(evidenceHeads[c])\n"
    }
    let text: String
    switch command.format {
    case .csv: text = CSVTable.render(table)
    case .md: text = MarkdownTable.render(table) + "\n" + summary.split(separator: "\n").map { "- " + $0 }.joined(separator: "\n") + "\n"
    case .json:
      text = JSONValue.object([
        ("summary", .object([("qualifying", .number(Double(qualifying))), ("near_misses", .number(Double(near)))])),
        ("candidates", JSONTable.value(table)),
      ]).rendered()
    default: text = TextTable.render(table, maxWidth: command.outputPath == nil ? console.width : nil) + "\n" + summary
    }
    guard let outputPath = command.outputPath else {
      console.output(text)
      return
    }
    let inputs = layer.source.files + (try IncidentSources.expand(command.incidentSpecs))
      + [command.populationFile, criteriaFile] + [indicatorsFile].compactMap { $0 }
    try AtomicFile.write(text, to: outputPath, inputs: inputs)
    var provenance = Provenance(command: "zones --screen", arguments: command.arguments, inputs: inputs)
    provenance.record("working_crs", .string(layer.working.identifier))
    provenance.record("years_rule", "the 12-month periods ending with the latest month in the data")
    provenance.record("near_miss", "fails exactly one criterion")
    try provenance.write(beside: outputPath)
    if !command.quiet { console.error(summary) }
  }

}
