/// Which counts of a count run are published under its `DisclosureRule`: the areas', the
/// baseline's, the breakdown columns' and the groups', decided together so that no small count can
/// be worked out from the sums published with it (the run's total, each area's total over its
/// breakdown columns, each column's total, each group's total).
public struct CountDisclosure: Sendable {
  /// The rule applied.
  public let rule: DisclosureRule
  /// Each area's count, in file order.
  public let areas: [DisclosureRule.Status]
  /// Each area's baseline count (empty without a baseline).
  public let baseline: [DisclosureRule.Status]
  /// Each breakdown column's count per area: `breakdown[column][area]`.
  public let breakdown: [[DisclosureRule.Status]]
  /// The group ids in order (sorted), then `ungrouped` when some areas have no group, as the
  /// group table lists them.
  public let groupIDs: [String]
  /// Each group's count, in `groupIDs` order.
  public let groups: [DisclosureRule.Status]
  /// Each group's baseline count (empty without a baseline).
  public let groupBaseline: [DisclosureRule.Status]
  /// Each breakdown column's count per group: `groupBreakdown[column][group]`.
  public let groupBreakdown: [[DisclosureRule.Status]]
  /// Small counts that no further hiding could protect (none in practice: the run's total has
  /// at least two areas to hide, or none to protect), as `area_id` or `group_id` labels.
  public let unprotected: [String]

  /// Decides every cell of a count: `counts` and `baseline` per area, `columns` the breakdown
  /// columns' counts per area, `groups` each area's group.
  public init(
    rule: DisclosureRule, ids: [String], counts: [Int], baseline: [Int]?, columns: [[Int]], groups: [String?]?
  ) {
    let n = counts.count
    var values = counts
    var lines: [DisclosureRule.Line] = [.init(parts: Array(0..<n))]
    let baselineStart = values.count
    if let baseline {
      values += baseline
      lines.append(.init(parts: Array(baselineStart..<baselineStart + n)))
    }
    var columnStarts: [Int] = []
    for column in columns {
      columnStarts.append(values.count)
      values += column
      // A column's total is not published by the run, but may be elsewhere (a force's total
      // per category): protected too, unless it is itself small and gives itself away.
      if !rule.isSmall(column.reduce(0, +)) { lines.append(.init(parts: Array(values.count - n..<values.count))) }
    }
    if !columns.isEmpty {
      for area in 0..<n { lines.append(.init(parts: columnStarts.map { $0 + area }, total: area)) }
    }
    // The groups as the group table lists them: sorted ids, then the areas with no group.
    var members: [String: [Int]] = [:]
    var ungrouped: [Int] = []
    for (area, group) in (groups ?? []).enumerated() {
      if let group { members[group, default: []].append(area) } else { ungrouped.append(area) }
    }
    var keys = members.keys.sorted()
    var lists = keys.map { members[$0] ?? [] }
    if !ungrouped.isEmpty {
      keys.append(CountResult.ungroupedLabel)
      lists.append(ungrouped)
    }
    let g = keys.count
    let groupStart = values.count
    values += lists.map { list in list.reduce(0) { $0 + counts[$1] } }
    for (k, list) in lists.enumerated() { lines.append(.init(parts: list, total: groupStart + k)) }
    let groupBaselineStart = values.count
    if let baseline {
      values += lists.map { list in list.reduce(0) { $0 + baseline[$1] } }
      for (k, list) in lists.enumerated() {
        lines.append(.init(parts: list.map { baselineStart + $0 }, total: groupBaselineStart + k))
      }
    }
    var groupColumnStarts: [Int] = []
    for (c, column) in columns.enumerated() {
      groupColumnStarts.append(values.count)
      values += lists.map { list in list.reduce(0) { $0 + column[$1] } }
      for (k, list) in lists.enumerated() {
        lines.append(.init(parts: list.map { columnStarts[c] + $0 }, total: values.count - g + k))
      }
    }
    if !columns.isEmpty {
      for k in 0..<g { lines.append(.init(parts: groupColumnStarts.map { $0 + k }, total: groupStart + k)) }
    }

    let (decided, status) = rule.decide(values, lines: lines)
    let rule = decided
    self.rule = decided
    self.areas = Array(status[0..<n])
    self.baseline = baseline == nil ? [] : Array(status[baselineStart..<baselineStart + n])
    self.breakdown = columnStarts.map { Array(status[$0..<$0 + n]) }
    self.groupIDs = keys
    self.groups = Array(status[groupStart..<groupStart + g])
    self.groupBaseline = baseline == nil ? [] : Array(status[groupBaselineStart..<groupBaselineStart + g])
    self.groupBreakdown = groupColumnStarts.map { Array(status[$0..<$0 + g]) }
    let exposed = rule.exposed(values, status, lines: lines)
    self.unprotected = exposed.map { cell in
      if cell < n { return "area " + ids[cell] }
      if cell >= groupStart && cell < groupStart + g { return "group " + keys[cell - groupStart] }
      if baseline != nil && cell >= baselineStart && cell < baselineStart + n {
        return "baseline of area " + ids[cell - baselineStart]
      }
      if let c = columnStarts.lastIndex(where: { $0 <= cell }), cell < columnStarts[c] + n {
        return "breakdown column \(c + 1) of area " + ids[cell - columnStarts[c]]
      }
      return "a group's baseline or breakdown"
    }
  }
}
