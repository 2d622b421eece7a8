/// Counts rows per month (`IncidentDate.monthIndex`) without a dictionary update per row.
///
/// Months within 170 years either side of the first month counted go to a flat array; others (a
/// file spanning centuries) to a dictionary. The counts are the same either way.
/// - Complexity: O(1) per row; O(4,096 + months outside the window) memory.
struct MonthTally {
  private static let windowSize = 4_096
  private var window: [Int] = []
  /// The month of `window[0]`; nil until the first month after `reset()`.
  private var base: Int?
  private var lowest = Int.max
  private var highest = Int.min
  private var others: [Int: Int] = [:]

  /// Counts one row of `month`.
  @inline(__always)
  mutating func add(_ month: Int) {
    let origin: Int
    if let base {
      origin = base
    } else {
      if window.isEmpty { window = Array(repeating: 0, count: MonthTally.windowSize) }
      origin = month - MonthTally.windowSize / 2
      base = origin
    }
    let slot = month - origin
    guard slot >= 0 && slot < MonthTally.windowSize else {
      others[month, default: 0] += 1
      return
    }
    window[slot] += 1
    if slot < lowest { lowest = slot }
    if slot > highest { highest = slot }
  }

  /// Every month counted, in chronological order, with its count.
  var counts: [(month: Int, count: Int)] {
    var result: [(month: Int, count: Int)] = []
    if let base, lowest <= highest {
      for slot in lowest...highest where window[slot] > 0 {
        result.append((base + slot, window[slot]))
      }
    }
    result += others.map { (month: $0.key, count: $0.value) }
    return result.sorted { $0.month < $1.month }
  }

  /// Forgets every count, keeping the storage.
  mutating func reset() {
    if lowest <= highest {
      for slot in lowest...highest { window[slot] = 0 }
    }
    base = nil
    lowest = Int.max
    highest = Int.min
    others.removeAll(keepingCapacity: true)
  }
}
