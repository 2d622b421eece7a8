import GeoIO
import SpatialAnalysis

/// The designation criteria `zones --screen` tests candidate areas against, read from a JSON file
/// (see `Examples/screen-criteria.json`):
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
/// names a column of the indicators CSV. The test is one of `at_least`, `at_most` or `between`.
public struct DesignationCriterion: Sendable {
  /// What a criterion measures.
  public enum Measure: Sendable {
    /// Incidents per `per` people (or, with `ratio`, the rate over all candidates' rate) of
    /// `categories` (nil: all), in each of the last `years` 12-month periods.
    case rate(per: Double, ratio: Bool, categories: [String]?, years: Int)
    /// A column of the indicators CSV.
    case indicator(String)
  }

  /// The criterion's name (`criterion n` when the file gives none).
  public var name: String
  /// What is measured.
  public var measure: Measure
  /// The test every value must pass.
  public var test: DesignationScreen.Test

  /// A criterion named `name` that passes when every value of `measure` passes `test`.
  public init(name: String, measure: Measure, test: DesignationScreen.Test) {
    self.name = name
    self.measure = measure
    self.test = test
  }

  /// The criteria of a JSON file, in order.
  /// - Throws: `InputError` naming the file and the member that is missing or wrong.
  public static func read(file: String) throws(InputError) -> [DesignationCriterion] {
    let tree = try JSONTree.read(file: file)
    guard let list = tree["criteria"]?.array, !list.isEmpty else {
      throw InputError(file: file, field: "criteria", reason: .missingMember("criteria (a non-empty array)"))
    }
    var result: [DesignationCriterion] = []
    for (i, item) in list.enumerated() {
      let field = "criteria[\(i)]"
      let test: DesignationScreen.Test
      if let bound = item["at_least"]?.number {
        test = .atLeast(bound)
      } else if let bound = item["at_most"]?.number {
        test = .atMost(bound)
      } else if let pair = item["between"]?.array, pair.count == 2, let low = pair[0].number, let high = pair[1].number
      {
        test = .between(low, high)
      } else {
        throw InputError(file: file, field: field, reason: .missingMember("at_least, at_most or between [low, high]"))
      }
      let measure: Measure
      if let indicator = item["indicator"]?.string {
        measure = .indicator(indicator)
      } else if let kind = item["measure"]?.string, kind == "rate" || kind == "rate_ratio" {
        let years = item["years"]?.number ?? 1
        guard years >= 1, years <= 10, years.rounded() == years else {
          throw InputError(file: file, field: field + ".years", reason: .other("must be a whole number from 1 to 10"))
        }
        let categories = try item["categories"].map { value throws(InputError) -> [String] in
          guard let names = value.array?.compactMap(\.string), !names.isEmpty else {
            throw InputError(
              file: file, field: field + ".categories",
              reason: .wrongType(expected: "an array of category names", found: "something else"))
          }
          return names
        }
        measure = .rate(
          per: item["per"]?.number ?? 1000, ratio: kind == "rate_ratio", categories: categories, years: Int(years))
      } else {
        throw InputError(file: file, field: field, reason: .missingMember("measure (rate or rate_ratio) or indicator"))
      }
      result.append(
        DesignationCriterion(name: item["name"]?.string ?? "criterion \(i + 1)", measure: measure, test: test))
    }
    return result
  }
}
