import GeoCore

/// The one rule deciding which counts a run publishes under `--suppress-below n`, applied to every
/// table, map and report section of the run.
///
/// It follows the practice of the Office for National Statistics' statistical disclosure control
/// for tables of counts and of the Home Office's police recorded crime open data tables:
///
/// - **Primary suppression.** A count from 1 to n − 1 is not published; it reads `<n`. Zero is
///   published: it identifies no one (ONS, "Disclosure control guidance for tables produced from
///   administrative sources"; police.uk shows zeros).
/// - **Secondary suppression.** A hidden count must not be recoverable from the totals published
///   with it (a row's or column's total, the run's total, a group's total) by subtraction, nor by
///   chaining such subtractions. While any `<n` cell can still be worked out exactly, one more
///   cell is hidden in a sum that gives it away: the smallest non-zero published cell of that sum
///   (a zero only when there is none), which reads `[c]` (ONS's mark for "confidential").
///   Totals stay exact; cells are hidden instead.
/// - **Derived figures.** A rate, a density, a change or a p-value of a hidden count is hidden too.
/// - **Ranks.** Hidden areas are ranked among themselves, tied, after every area whose count is
///   published and at least n and before the published zeros, without their values.
///
/// What "worked out" means is fixed by ``exposed(_:_:lines:)``: interval reasoning over every sum,
/// repeated until nothing changes, knowing that a `<n` cell lies in 1…n − 1, a `[c]` cell is
/// at least 0, and a published cell is exact.
public struct DisclosureRule: Sendable, Hashable {
  /// Counts below this (and above zero) are not published.
  public let threshold: Double

  /// Whether zeros are withheld too (`<n` then means 0 to n − 1): the fallback when small counts
  /// cannot be protected otherwise, as when 6 incidents lie in 6 areas (each is 1).
  public let withholdsZeros: Bool

  /// The rule for `--suppress-below threshold` (zeros shown unless `withholdsZeros`).
  public init(threshold: Double, withholdsZeros: Bool = false) {
    self.threshold = threshold
    self.withholdsZeros = withholdsZeros
  }

  /// The rule for an optional `--suppress-below`: nil when it is not given.
  public static func below(_ threshold: Double?) -> DisclosureRule? {
    threshold.map { DisclosureRule(threshold: $0) }
  }

  /// How a cell is published.
  public enum Status: Sendable, Hashable {
    /// The count is published.
    case shown
    /// A count from 1 to below the threshold: reads `<n`.
    case small
    /// A count hidden so that a small one cannot be worked out from a total: reads `[c]`.
    case complementary

    /// Whether the count is withheld.
    public var isHidden: Bool { self != .shown }
  }

  /// A published sum: its parts (cell positions) add up to `total`, a cell position, or to a
  /// figure published elsewhere that is never hidden (the run's total) when `total` is nil.
  public struct Line: Sendable, Hashable {
    /// The cells that add up to the total.
    public var parts: [Int]
    /// The cell holding the total; nil for a figure published elsewhere.
    public var total: Int?

    /// A sum of `parts` equal to the cell `total` (nil: a figure published elsewhere).
    public init(parts: [Int], total: Int? = nil) {
      self.parts = parts
      self.total = total
    }
  }

  /// Whether `count` is suppressed on its own (1 to below the threshold).
  public func isSmall(_ count: Int) -> Bool {
    count >= (withholdsZeros ? 0 : 1) && Double(count) < threshold
  }

  /// The largest count suppressed on its own.
  public var largestSmall: Int {
    let bound = threshold.rounded(.up)
    return Swift.max(0, bound >= Double(Int.max / 4) ? Int.max / 4 : Int(bound) - 1)
  }

  /// The text of a small count: `<5`.
  public var smallText: String { "<" + NumberText.shortest(threshold) }

  /// The text of a count hidden to protect a small one.
  public static let complementaryText = "[c]"

  /// The text of a cell of `status` holding `count`.
  public func text(_ count: Int, _ status: Status) -> String {
    switch status {
    case .shown: String(count)
    case .small: smallText
    case .complementary: Self.complementaryText
    }
  }

  /// The status of every cell of `counts`, given the sums published with them: the small
  /// counts, then the complementary cells that keep each of them from being worked out.
  ///
  /// While a small count can be worked out, more cells are hidden: in each sum with a single
  /// hidden member whose count can be worked out (a sum that gives a count away), one published
  /// cell, the smallest non-zero (a zero only when there is none; among equals, the cell that
  /// closes most such sums); when no such sum remains, the same choice over the sums holding a
  /// hidden count that can be worked out. A small count that nothing more can protect is left
  /// hidden and reported by ``exposed(_:_:lines:)``.
  public func statuses(_ counts: [Int], lines: [Line]) -> [Status] {
    decide(counts, lines: lines).status
  }

  /// ``statuses(_:lines:)`` with the rule that made them: this one, or, when some small count
  /// could not be protected with zeros shown (and can be with zeros withheld), this one
  /// withholding zeros too.
  public func decide(_ counts: [Int], lines: [Line]) -> (rule: DisclosureRule, status: [Status]) {
    let status = protect(counts, lines: lines)
    guard !withholdsZeros, !exposed(counts, status, lines: lines).isEmpty else { return (self, status) }
    let fallback = DisclosureRule(threshold: threshold, withholdsZeros: true)
    let withheld = fallback.protect(counts, lines: lines)
    return fallback.exposed(counts, withheld, lines: lines).isEmpty ? (fallback, withheld) : (self, status)
  }

  private func protect(_ counts: [Int], lines: [Line]) -> [Status] {
    var status = counts.map { isSmall($0) ? Status.small : .shown }
    guard status.contains(.small) else { return status }
    let members = lines.map { $0.parts + ($0.total.map { [$0] } ?? []) }
    // Small counts given away even with every other cell hidden (a sum published elsewhere that
    // is itself small) cannot be protected: hiding more would not help them.
    let allHidden = status.map { $0 == .small ? Status.small : .complementary }
    let hopeless = Self.bounds(
      counts: counts, status: allHidden, largestSmall: largestSmall, smallestSmall: withholdsZeros ? 0 : 1, lines: lines
    ).map {
      $0.lower == $0.upper
    }
    while true {
      let bounds = Self.bounds(
        counts: counts, status: status, largestSmall: largestSmall, smallestSmall: withholdsZeros ? 0 : 1, lines: lines)
      let exact = status.indices.map { status[$0].isHidden && bounds[$0].lower == bounds[$0].upper }
      guard status.indices.contains(where: { exact[$0] && status[$0] == .small && !hopeless[$0] }) else { break }
      let touching = members.filter { $0.contains { exact[$0] } }
      let leaks = touching.filter { line in line.filter { status[$0].isHidden }.count == 1 }
      var tally: [Int: Int] = [:]
      for line in leaks.isEmpty ? touching : leaks {
        for cell in line where status[cell] == .shown { tally[cell, default: 0] += 1 }
      }
      func key(_ cell: Int) -> (Int, Int, Int, Int) {
        (counts[cell] == 0 ? 1 : 0, counts[cell], -(tally[cell] ?? 0), cell)
      }
      var chosen: [Int] = []
      if leaks.isEmpty {
        if let best = tally.keys.min(by: { key($0) < key($1) }) { chosen = [best] }
      } else {
        // One cell for each sum that gives a count away, unless an earlier choice closed it.
        var hidden = Set<Int>()
        for line in leaks where !line.contains(where: hidden.contains) {
          if let best = line.filter({ status[$0] == .shown }).min(by: { key($0) < key($1) }) {
            hidden.insert(best)
            chosen.append(best)
          }
        }
      }
      guard !chosen.isEmpty else { break }
      for cell in chosen { status[cell] = .complementary }
    }
    return status
  }

  /// The small cells whose exact count can be worked out from what is published.
  public func exposed(_ counts: [Int], _ status: [Status], lines: [Line]) -> [Int] {
    let bounds = Self.bounds(
      counts: counts, status: status, largestSmall: largestSmall, smallestSmall: withholdsZeros ? 0 : 1, lines: lines)
    return status.indices.filter { status[$0] == .small && bounds[$0].lower == bounds[$0].upper }
  }
}
