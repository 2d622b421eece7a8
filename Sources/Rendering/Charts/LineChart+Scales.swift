import Foundation
import GeoCore

/// The chart's scales: the x transform and domain, the y maximum, ticks and labels.
extension LineChart {

  static func colour(_ index: Int) -> String { Palette.categorical[index % Palette.categorical.count] }

  func transform(_ x: Double) -> Double {
    switch xScale {
    case .linear: x
    case .logarithmic: log10(Swift.max(x, 1e-300))
    }
  }

  /// The transformed x range: the ticks' and points' extent padded by 6 % each side.
  var xDomain: ClosedRange<Double> {
    let values = (xTicks.map(\.value) + series.flatMap { $0.points.map(\.x) }).filter {
      $0.isFinite && (xScale == .linear || $0 > 0)
    }
    guard let lowest = values.min(), let highest = values.max() else { return 0...1 }
    let a = transform(lowest)
    let b = transform(highest)
    let pad = b > a ? (b - a) * 0.06 : 1
    return (a - pad)...(b + pad)
  }

  /// The largest value or range end drawn.
  var yMaximum: Double {
    var top = reference?.y ?? 0
    for line in series {
      for point in line.points {
        for value in [point.y, point.high].compactMap({ $0 }) where value.isFinite { top = Swift.max(top, value) }
      }
    }
    return top
  }

  /// Ticks 0, step, 2·step, … up to the first at or above `maximum`, step 1, 2, 2.5 or 5 × 10ᵏ
  /// giving 4 to 8 intervals.
  public static func niceTicks(maximum: Double) -> [Double] {
    guard maximum > 0, maximum.isFinite else { return [0, 0.25, 0.5, 0.75, 1] }
    let rough = maximum / 5
    let magnitude = pow(10, (log10(rough)).rounded(.down))
    let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { maximum / $0 <= 8 } ?? 10 * magnitude
    let count = Int((maximum / step * (1 - 1e-12)).rounded(.up))
    return (0...Swift.max(1, count)).map { Double($0) * step }
  }

  /// A y tick label with as many decimals as the step needs (0.25 steps: 2).
  public static func tickLabel(_ value: Double, ticks: [Double]) -> String {
    let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
    let digits =
      (0...6).first { d in
        let scaled = step * pow(10, Double(d))
        return abs(scaled - scaled.rounded()) < 1e-9 * Swift.max(1, scaled)
      } ?? 6
    return NumberText.fixed(value, digits: digits)
  }

  /// The label of the x tick at `value`, else the value itself.
  func xLabel(_ value: Double) -> String {
    xTicks.first { $0.value == value }?.label ?? NumberText.shortest(value)
  }

  static func format(_ value: Double) -> String { NumberText.fixed(value, digits: 1) }

  var description: String {
    var parts = [
      "Line chart of \(yTitle) against \(xTitle.lowercased())\(xScale == .logarithmic ? " (logarithmic scale)" : "")"
    ]
    for line in series {
      let values = line.points.map { point -> String in
        var text = "\(xLabel(point.x)) " + (point.y.map { NumberText.significant($0, digits: 3) } ?? "undefined")
        if let low = point.low, let high = point.high {
          text += " (\(NumberText.significant(low, digits: 3))–\(NumberText.significant(high, digits: 3)))"
        }
        return text
      }
      parts.append("\(line.name): " + values.joined(separator: ", "))
    }
    if let reference { parts.append("dashed line: \(reference.label)") }
    return parts.joined(separator: ". ") + ". Made by \(generator)."
  }
}
