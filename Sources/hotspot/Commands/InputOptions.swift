import Analyses
import GeoCore
import GeoIO
import SpatialAnalysis

/// Turns the shared input options into the readers' option values.
enum InputOptions {
  /// `--crs`, if given.
  static func crs(_ arguments: ParsedArguments) throws(UsageError) -> CRS? {
    guard let text = arguments.value("crs") else { return nil }
    guard let crs = CRS(identifier: text) else {
      throw UsageError("Unknown CRS '\(text)'. Use EPSG:4326, EPSG:27700 or planar.")
    }
    return crs
  }

  /// `--population-field` or `--population` (not both).
  static func population(_ arguments: ParsedArguments) throws(UsageError) -> (field: String?, file: String?) {
    let field = arguments.value("population-field")
    let file = arguments.value("population")
    if field != nil && file != nil {
      throw UsageError("Give the population by '--population-field' or '--population', not both.")
    }
    return (field, file)
  }

  /// `--per`: rates per this many people, a positive number (default `defaultValue`).
  static func per(_ arguments: ParsedArguments, defaultValue: Double = 1000) throws(UsageError) -> Double {
    guard let text = arguments.value("per") else { return defaultValue }
    guard let per = Double(text), per.isFinite, per > 0 else {
      throw UsageError("The value '\(text)' for '--per' must be a positive number (1000, 10000).")
    }
    return per
  }

  /// `--suppress-below`: a positive number, if given.
  static func suppressBelow(_ arguments: ParsedArguments) throws(UsageError) -> Double? {
    guard let text = arguments.value("suppress-below") else { return nil }
    guard let value = Double(text), value.isFinite, value > 0 else {
      throw UsageError("The value '\(text)' for '--suppress-below' must be a positive number.")
    }
    return value
  }

  /// `--period` and `--category` as a filter.
  static func filter(_ arguments: ParsedArguments) throws(UsageError) -> IncidentFilter {
    let period = try arguments.value("period").map { text throws(UsageError) in
      try ValueSyntax.period(text, option: "period")
    }
    return IncidentFilter(period: period, categories: arguments.values("category"))
  }

  /// The shared incident options (`--incidents`, `--period`, `--category`, the column options,
  /// `--crs`, `--strict`) as one source.
  static func incidentSource(_ arguments: ParsedArguments) throws(UsageError) -> IncidentSource {
    IncidentSource(
      files: arguments.values("incidents"),
      columns: incidentColumns(arguments, declaredCRS: try crs(arguments)),
      filter: try filter(arguments))
  }

  /// The CSV column options (`--x-column`…, `--strict`).
  static func incidentColumns(_ arguments: ParsedArguments, declaredCRS: CRS?) -> IncidentColumnOptions {
    var options = IncidentColumnOptions()
    options.xColumn = arguments.value("x-column")
    options.yColumn = arguments.value("y-column")
    options.lonColumn = arguments.value("lon-column")
    options.latColumn = arguments.value("lat-column")
    options.categoryColumn = arguments.value("category-column")
    options.dateColumn = arguments.value("date-column")
    options.weightColumn = arguments.value("weight-column")
    options.idColumn = arguments.value("id-column")
    options.declaredCRS = declaredCRS
    options.strict = arguments.flag("strict")
    return options
  }
}
