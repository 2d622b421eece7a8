import Foundation

/// What a reader of a run's outputs can work out about its hidden counts: every published cell,
/// `<n` (1…n−1) and `[c]` (at least 0) narrows a count's range, and every published sum (a total,
/// a row over its columns, a change) is an equation; interval reasoning over the equations,
/// repeated until nothing narrows, gives each count's lowest and highest possible value.
/// A hidden count whose range shrinks to one value is recovered.
struct DisclosureAttacker {
  private(set) var lower: [String: Double] = [:]
  private(set) var upper: [String: Double] = [:]
  /// Σ coefficient · count = constant.
  private var equations: [(terms: [(key: String, coefficient: Double)], constant: Double)] = []
  /// Every key and the outputs that mentioned it, for messages.
  private(set) var seen: [String: Set<String>] = [:]
  let threshold: Int

  init(threshold: Int) { self.threshold = threshold }

  /// A cell `text` read for `key` in `source`: a number, `<n`, `[c]`; anything else (empty) tells nothing.
  mutating func observe(_ key: String, _ text: String, in source: String) {
    let text = text.trimmingCharacters(in: .whitespaces)
    seen[key, default: []].insert(source)
    if text == "<\(threshold)" {
      narrow(key, 1, Double(threshold - 1))
    } else if text == "[c]" {
      narrow(key, 0, .infinity)
    } else if let value = Double(text.replacingOccurrences(of: ",", with: "")) {
      narrow(key, value, value)
    } else {
      narrow(key, 0, .infinity)
    }
  }

  /// A count known to lie in `low…high`.
  mutating func narrow(_ key: String, _ low: Double, _ high: Double) {
    lower[key] = max(lower[key] ?? 0, low.rounded(.up))
    upper[key] = min(upper[key] ?? .infinity, high.rounded(.down))
  }

  /// `Σ terms = constant`.
  mutating func equation(_ terms: [(String, Double)], equals constant: Double) {
    for (key, _) in terms where lower[key] == nil { narrow(key, 0, .infinity) }
    equations.append((terms.map { (key: $0.0, coefficient: $0.1) }, constant))
  }

  /// Narrows every range until nothing changes.
  mutating func solve() {
    for _ in 0..<200 {
      var changed = false
      for equation in equations {
        for (i, term) in equation.terms.enumerated() {
          var othersLow = 0.0
          var othersHigh = 0.0
          for (j, other) in equation.terms.enumerated() where j != i {
            let a = other.coefficient * (lower[other.key] ?? 0)
            let b = other.coefficient * (upper[other.key] ?? .infinity)
            othersLow += min(a, b)
            othersHigh += max(a, b)
          }
          // coefficient · x ∈ [constant − othersHigh, constant − othersLow]
          var low = (equation.constant - othersHigh) / term.coefficient
          var high = (equation.constant - othersLow) / term.coefficient
          if term.coefficient < 0 { swap(&low, &high) }
          if low.isNaN || high.isNaN { continue }
          let oldLow = lower[term.key] ?? 0
          let oldHigh = upper[term.key] ?? .infinity
          narrow(term.key, low, high)
          if lower[term.key] != oldLow || upper[term.key] != oldHigh { changed = true }
        }
      }
      if !changed { return }
    }
  }

  /// The value of `key` if the published outputs pin it down.
  func recovered(_ key: String) -> Double? {
    guard let low = lower[key], let high = upper[key], low == high else { return nil }
    return low
  }
}
