extension DisclosureRule {
  /// What a reader can work out about each cell from the published cells and sums: the lowest
  /// and highest count consistent with them.
  ///
  /// A published cell is exact; a small one lies in `smallestSmall`…`largestSmall`; a complementary one is at
  /// least 0. Every sum then narrows its members (a part is at least the total minus the
  /// others' highest, at most the total minus their lowest; a total lies between its parts'
  /// sums), repeated until nothing narrows. A sum whose total is nil adds up to the parts'
  /// true counts, a figure published elsewhere.
  public static func bounds(
    counts: [Int], status: [Status], largestSmall: Int, smallestSmall: Int = 1, lines: [Line]
  ) -> [(
    lower: Int, upper: Int
  )] {
    let unbounded = Int.max / 4
    var lower = status.indices.map { status[$0] == .shown ? counts[$0] : (status[$0] == .small ? smallestSmall : 0) }
    var upper = status.indices.map {
      status[$0] == .shown ? counts[$0] : (status[$0] == .small ? largestSmall : unbounded)
    }
    var changed = true
    var passes = 0
    while changed && passes < 100 {
      changed = false
      passes += 1
      for line in lines {
        let known = line.parts.reduce(0) { $0 + counts[$1] }
        let totalLower = line.total.map { lower[$0] } ?? known
        let totalUpper = line.total.map { upper[$0] } ?? known
        let sumLower = line.parts.reduce(0) { $0 + lower[$1] }
        let unboundedParts = line.parts.filter { upper[$0] >= unbounded }.count
        let finiteUpper = line.parts.reduce(0) { upper[$1] >= unbounded ? $0 : $0 + upper[$1] }
        let sumUpper = unboundedParts > 0 ? unbounded : finiteUpper
        for part in line.parts {
          let othersLower = sumLower - lower[part]
          // With an unbounded member among the others, their highest is unbounded too.
          let isUnbounded = upper[part] >= unbounded
          if unboundedParts - (isUnbounded ? 1 : 0) == 0, totalLower < unbounded {
            let othersUpper = finiteUpper - (isUnbounded ? 0 : upper[part])
            if totalLower - othersUpper > lower[part] {
              lower[part] = totalLower - othersUpper
              changed = true
            }
          }
          if totalUpper < unbounded, totalUpper - othersLower < upper[part] {
            upper[part] = totalUpper - othersLower
            changed = true
          }
        }
        if let total = line.total {
          if sumLower > lower[total] {
            lower[total] = sumLower
            changed = true
          }
          if sumUpper < upper[total] {
            upper[total] = sumUpper
            changed = true
          }
        }
      }
    }
    return lower.indices.map { (lower[$0], upper[$0]) }
  }
}
