import GeoCore

/// Screening candidate areas against designation-style criteria (selective licensing, Housing
/// Act 2004 s.80 and the 2015 Additional Conditions Order: persistent ASB, private-rented share,
/// deprivation…): each criterion is a measure per area, possibly one value per year, and a test.
///
/// - A criterion passes when the test holds for every value (every year); a missing value fails.
/// - An area **qualifies** when it passes every criterion, and is a **near miss** when it fails
///   exactly one.
/// - `rateRatio` is the area's rate over the rate of all candidates together (the "county rate"
///   when the candidates tile the county).
///
/// - Complexity: O(areas · criteria · years).
///
/// ## Properties
/// - `.between(a, b)` includes both ends; `.atLeast`/`.atMost` include the bound.
/// - Candidates are listed qualifying first, then near misses, each in area order.
///
/// ## Parity
/// Exact arithmetic on the counts; no reference tool.
///
/// ## Example
///     DesignationScreen.Test.atLeast(1.5).passes(1.5)   // true
public enum DesignationScreen {
  /// A criterion's test on one value; bounds are included.
  public enum Test: Sendable, Equatable {
    case atLeast(Double)
    case atMost(Double)
    case between(Double, Double)

    /// True when `value` is present and meets the test; a missing value fails.
    public func passes(_ value: Double?) -> Bool {
      guard let value else { return false }
      switch self {
      case .atLeast(let bound): return value >= bound
      case .atMost(let bound): return value <= bound
      case .between(let low, let high): return value >= low && value <= high
      }
    }

    /// `≥ 1.5`, `≤ 3`, `1–3`.
    public var description: String {
      switch self {
      case .atLeast(let bound): "≥ \(NumberText.shortest(bound))"
      case .atMost(let bound): "≤ \(NumberText.shortest(bound))"
      case .between(let low, let high): "\(NumberText.shortest(low))–\(NumberText.shortest(high))"
      }
    }
  }

  /// An area's outcome; the raw value is the word shown (`qualifies`, `near miss`, `fails`).
  public enum Status: String, Sendable {
    case qualifies
    case nearMiss = "near miss"
    case fails
  }

  /// Per area, rate / the rate of all areas together (nil without population or when that rate is 0).
  public static func rateRatio(counts: [Int], population: [Double?]) -> [Double?] {
    var totalCount = 0
    var totalPopulation = 0.0
    for (count, people) in zip(counts, population) {
      guard let people, people > 0 else { continue }
      totalCount += count
      totalPopulation += people
    }
    guard totalCount > 0, totalPopulation > 0 else { return counts.map { _ in nil } }
    let overall = Double(totalCount) / totalPopulation
    return zip(counts, population).map { count, people in
      guard let people, people > 0 else { return nil }
      return Double(count) / people / overall
    }
  }

  /// Whether a criterion with these values (one per year) passes.
  public static func passes(_ values: [Double?], _ test: Test) -> Bool {
    !values.isEmpty && values.allSatisfy { test.passes($0) }
  }

  /// The status from the pass/fail of each criterion.
  public static func status(_ passes: [Bool]) -> Status {
    let failed = passes.filter { !$0 }.count
    return failed == 0 ? .qualifies : failed == 1 ? .nearMiss : .fails
  }

  /// Areas to list: qualifying first, then near misses, each in area order.
  public static func listed(_ statuses: [Status]) -> [Int] {
    statuses.indices.filter { statuses[$0] == .qualifies } + statuses.indices.filter { statuses[$0] == .nearMiss }
  }
}
