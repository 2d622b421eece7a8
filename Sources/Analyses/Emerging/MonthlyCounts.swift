import GeoCore
import SpatialAnalysis

/// Incidents per location and calendar month, chunk by chunk: the counts a space-time cube is
/// grouped from. Only months with an incident hold an array; every other month is zero.
public struct MonthlyCounts: Sendable {
  /// The number of locations (areas or cells).
  public let locationCount: Int
  /// Per `IncidentDate.monthIndex`, the count of each location.
  public private(set) var byMonth: [Int: [Double]] = [:]
  /// Incidents with a date but in no location (outside every area or analysed cell).
  public private(set) var outside = 0
  /// Incidents without a date: in no step.
  public private(set) var undated = 0
  /// Dated incidents of every month, located or not: the months the data covers.
  public private(set) var months: ClosedRange<Int>?

  /// Empty counts for `locationCount` locations.
  public init(locationCount: Int) {
    self.locationCount = locationCount
  }

  /// Adds the rows of `chunk`, each to the location `locate` gives its position (nil: outside).
  public mutating func add(_ chunk: IncidentTable, locate: (Point) -> Int?) {
    guard let dates = chunk.date else {
      undated += chunk.count
      return
    }
    for row in 0..<chunk.count {
      let date = dates[row]
      guard date.year > 0 else {
        undated += 1
        continue
      }
      let month = date.monthIndex
      months = months.map { Swift.min($0.lowerBound, month)...Swift.max($0.upperBound, month) } ?? month...month
      guard let location = locate(chunk.point(row)) else {
        outside += 1
        continue
      }
      byMonth[month, default: [Double](repeating: 0, count: locationCount)][location] += 1
    }
  }

  /// Every location's total over all months.
  public var totals: [Double] {
    var totals = [Double](repeating: 0, count: locationCount)
    for counts in byMonth.values {
      for k in counts.indices { totals[k] += counts[k] }
    }
    return totals
  }

  /// The cube of counts over `months` (whole months, inclusive) grouped by `step`, empty steps as
  /// zeros, with the months each step covers (clipped to `months`). Counts of months outside are
  /// left out.
  public func cube(step: EmergingStep, months: ClosedRange<Int>) -> (
    cube: SpaceTimeCube, stepMonths: [ClosedRange<Int>]
  ) {
    let first = months.lowerBound
    let firstKey = step.key(monthIndex: first, firstMonth: first)
    let lastKey = step.key(monthIndex: months.upperBound, firstMonth: first)
    let keys = Array(firstKey...lastKey)
    let stepCount = keys.count
    var values = [Double](repeating: 0, count: locationCount * stepCount)
    for (month, counts) in byMonth where months.contains(month) {
      let t = step.key(monthIndex: month, firstMonth: first) - firstKey
      for k in counts.indices where counts[k] != 0 { values[k * stepCount + t] += counts[k] }
    }
    let stepMonths = keys.map { key in
      let range = step.months(ofKey: key, firstMonth: first)
      return Swift.max(range.lowerBound, months.lowerBound)...Swift.min(range.upperBound, months.upperBound)
    }
    let labels = keys.map { step.label(ofKey: $0, firstMonth: first) }
    return (SpaceTimeCube(stepLabels: labels, values: values), stepMonths)
  }
}
