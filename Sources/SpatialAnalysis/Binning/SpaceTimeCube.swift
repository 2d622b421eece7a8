/// Counts (or any values) of locations over equal time steps: the space-time cube of Emerging Hot
/// Spot Analysis (ArcGIS "Create Space Time Cube"; sfdep `spacetime`), without geometry.
///
/// Stored row-major by location: the bin of location i at step t is `values[i * stepCount + t]`,
/// so a location's time series is contiguous. Steps are in time order, oldest first; each has a
/// label (e.g. "2024-01") for reports. A cube has no missing bins: a location with no incident in
/// a step has the value 0 there (sfdep requires a complete cube too).
///
/// ## Example
/// ```swift
/// let cube = SpaceTimeCube(stepLabels: ["Jan", "Feb"], values: [1, 2, 0, 5])  // 2 locations
/// cube[1, 1]        // 5
/// cube.series(of: 0)  // [1, 2]
/// cube.step(1)      // [2, 5]
/// ```
public struct SpaceTimeCube: Hashable, Sendable {
  /// One label per time step, oldest first.
  public let stepLabels: [String]
  /// `locationCount × stepCount` values, row-major by location.
  public let values: [Double]

  /// A cube from its values, row-major by location (`values.count` a multiple of the steps).
  /// - Precondition: at least one step; every value finite.
  public init(stepLabels: [String], values: [Double]) {
    precondition(!stepLabels.isEmpty, "a space-time cube needs at least one step")
    precondition(values.count % stepLabels.count == 0, "values are not locations × steps")
    precondition(values.allSatisfy(\.isFinite), "a space-time cube holds finite values")
    self.stepLabels = stepLabels
    self.values = values
  }

  /// A cube from one series per location (each with one value per step).
  public init(stepLabels: [String], series: [[Double]]) {
    precondition(series.allSatisfy { $0.count == stepLabels.count }, "a series does not have one value per step")
    self.init(stepLabels: stepLabels, values: series.flatMap { $0 })
  }

  /// The number of time steps.
  public var stepCount: Int { stepLabels.count }
  /// The number of locations.
  public var locationCount: Int { values.count / stepLabels.count }

  /// The value of location `location` at step `step`.
  public subscript(location: Int, step: Int) -> Double {
    values[location * stepCount + step]
  }

  /// A location's values, oldest step first.
  public func series(of location: Int) -> ArraySlice<Double> {
    values[(location * stepCount)..<((location + 1) * stepCount)]
  }

  /// Every location's value at one step (a time slice), in location order.
  public func step(_ step: Int) -> [Double] {
    precondition(step >= 0 && step < stepCount)
    return (0..<locationCount).map { values[$0 * stepCount + step] }
  }
}
