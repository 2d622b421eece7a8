/// Counts rows per month (`IncidentDate.monthIndex`) without a dictionary update per row.
///
/// Months within 170 years either side of the first month counted go to a flat window of
/// `windowSize` counters that the tally borrows (a block's `RowColumns` owns it, zeroed); others
/// (a file spanning centuries) to a dictionary. The counts are the same either way.
/// - Complexity: O(1) per row; O(months seen) to drain.
struct MonthTally {
  static let windowSize = 4_096
  /// `windowSize` counters, all zero when the tally starts and again once it is drained.
  private let window: UnsafeMutablePointer<Int>
  /// The month of `window[0]`; `Int.min` until the first month.
  private var origin = Int.min
  private var lowest = Int.max
  private var highest = Int.min
  private var others: [Int: Int] = [:]

  /// A tally counting in `window` (`windowSize` zeroed counters, outliving the tally).
  init(window: UnsafeMutablePointer<Int>) {
    self.window = window
  }

  @inline(__always)
  mutating func add(_ month: Int) {
    if origin == Int.min { origin = month - MonthTally.windowSize / 2 }
    let slot = month &- origin
    guard slot >= 0 && slot < MonthTally.windowSize else {
      others[month, default: 0] += 1
      return
    }
    window[slot] &+= 1
    if slot < lowest { lowest = slot }
    if slot > highest { highest = slot }
  }

  /// The months counted with their counts, ascending by month; the window is zeroed again.
  mutating func drain() -> [(month: Int, count: Int)] {
    var result: [(month: Int, count: Int)] = []
    if lowest <= highest {
      for slot in lowest...highest where window[slot] > 0 {
        result.append((origin + slot, window[slot]))
        window[slot] = 0
      }
    }
    result += others.map { (month: $0.key, count: $0.value) }
    origin = Int.min
    lowest = Int.max
    highest = Int.min
    others.removeAll()
    return result.sorted { $0.month < $1.month }
  }
}
