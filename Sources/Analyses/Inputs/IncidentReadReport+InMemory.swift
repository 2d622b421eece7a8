import GeoCore
import GeoIO

extension IncidentReadReport {
  /// The accounting of incidents a program handed over in memory: every row read and kept (they
  /// have locations by construction), the months and categories they hold, their CRS as declared.
  /// - Throws: `InputError` never in practice (the column mapping of two named columns).
  static func inMemory(_ table: IncidentTable, name: String) throws(InputError) -> IncidentReadReport {
    var options = IncidentColumnOptions()
    options.xColumn = "x"
    options.yColumn = "y"
    options.declaredCRS = table.crs
    let mapping = try ColumnMapping(header: ["x", "y"], options: options, file: name)
    var months: [Int: Int] = [:]
    var undated = 0
    if let dates = table.date {
      for date in dates {
        if date.packed == 0 { undated += 1 } else { months[date.monthIndex, default: 0] += 1 }
      }
    }
    var categories: [String: Int] = [:]
    if let category = table.category {
      for code in category.codes { categories[category.values[Int(code)], default: 0] += 1 }
    }
    var report = IncidentReadReport(
      files: [name], format: .plain, mapping: mapping,
      crsDecision: CRSDecision(crs: table.crs, rule: .declaredByUser), dataRows: table.count,
      rowsWithLocation: table.count, rowsWithoutLocation: 0, skippedRows: 0, skipped: [], skippedByReason: [],
      problems: [], months: months.sorted { $0.key < $1.key }.map { (monthIndex: $0.key, count: $0.value) },
      categoryCounts: categories.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map {
        (category: $0.key, count: $0.value)
      },
      boundingBox: table.boundingBox)
    report.undatedRows = undated
    return report
  }
}
