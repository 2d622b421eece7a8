import Analyses
import Testing

@Suite("DisclosureRule")
struct DisclosureRuleTests {
  let rule = DisclosureRule(threshold: 5)

  @Test("1 to 4 are small, 0 and 5 are shown; a threshold of 4.5 hides 1 to 4 too")
  func primary() {
    #expect([0, 1, 4, 5, 137].map(rule.isSmall) == [false, true, true, false, false])
    #expect(rule.largestSmall == 4 && DisclosureRule(threshold: 4.5).largestSmall == 4)
    #expect(rule.smallText == "<5" && rule.text(3, .complementary) == "[c]" && rule.text(7, .shown) == "7")
  }

  @Test("one small count in a table with a total: the smallest other non-zero count is hidden too")
  func oneWay() {
    // 137 − (134 + 0) would give the 3 back; hiding 134 leaves 3 anywhere in 1…4.
    let counts = [3, 0, 134, 12, 0]
    let status = rule.statuses(counts, lines: [.init(parts: Array(counts.indices))])
    #expect(status == [.small, .shown, .shown, .complementary, .shown])
    #expect(rule.exposed(counts, status, lines: [.init(parts: Array(counts.indices))]).isEmpty)
  }

  @Test("two small counts are enough unless their sum pins them (1 + 1, 4 + 4)")
  func twoSmall() {
    let line = [DisclosureRule.Line(parts: [0, 1, 2])]
    #expect(rule.statuses([3, 2, 20], lines: line) == [.small, .small, .shown])
    // Hidden 1 + 1 = 2: both are 1. One more is hidden.
    #expect(rule.statuses([1, 1, 20], lines: line) == [.small, .small, .complementary])
  }

  @Test("a two-way table: rows and columns with their totals, no small cell recoverable")
  func twoWay() {
    // Cells 0..5 are a 2 × 3 table; 6, 7 the row totals; columns add up to published totals.
    let counts = [3, 10, 20, 8, 12, 30, 33, 50]
    let lines: [DisclosureRule.Line] = [
      .init(parts: [0, 1, 2], total: 6), .init(parts: [3, 4, 5], total: 7),
      .init(parts: [0, 3]), .init(parts: [1, 4]), .init(parts: [2, 5]),
    ]
    let status = rule.statuses(counts, lines: lines)
    #expect(status[0] == .small)
    #expect(status.filter(\.isHidden).count == 4, "a rectangle: \(status)")
    #expect(rule.exposed(counts, status, lines: lines).isEmpty)
    let bounds = DisclosureRule.bounds(counts: counts, status: status, largestSmall: 4, lines: lines)
    #expect(bounds[0].lower < bounds[0].upper)
  }

  @Test("the bounds: a small count alone in a sum is exact; with a [c] beside it, it is not")
  func bounds() {
    let lines = [DisclosureRule.Line(parts: [0, 1, 2])]
    let alone = DisclosureRule.bounds(
      counts: [3, 5, 0], status: [.small, .shown, .shown], largestSmall: 4, lines: lines)
    #expect(alone[0] == (3, 3))
    let paired = DisclosureRule.bounds(
      counts: [3, 5, 0], status: [.small, .complementary, .shown], largestSmall: 4, lines: lines)
    #expect(paired[0] == (1, 4) && paired[1] == (4, 7))
  }

  @Test("a count run: areas, categories and groups decided together")
  func countDisclosure() {
    let disclosure = CountDisclosure(
      rule: rule, ids: ["a", "b", "c", "d"], counts: [9, 3, 12, 0], baseline: nil,
      columns: [[6, 1, 8, 0], [3, 2, 4, 0]], groups: ["G", "G", "H", "H"])
    #expect(disclosure.areas[1] == .small)
    #expect(disclosure.breakdown[0][1] == .small && disclosure.breakdown[1][1] == .small)
    // Group G = 12 with a = 9 shown would give b's 3 back: a or G is hidden.
    #expect(disclosure.areas[0].isHidden || disclosure.groups[0].isHidden)
    #expect(disclosure.unprotected.isEmpty)
  }

  @Test("a total of 3 is protected by hiding a zero; one area holding the whole total cannot be: it is named")
  func unprotectable() {
    let disclosure = CountDisclosure(
      rule: rule, ids: ["a", "b", "c"], counts: [3, 0, 0], baseline: nil, columns: [], groups: nil)
    #expect(disclosure.areas == [.small, .complementary, .shown] && disclosure.unprotected.isEmpty)
    let one = CountDisclosure(rule: rule, ids: ["a"], counts: [1], baseline: nil, columns: [], groups: nil)
    #expect(one.areas == [.small])
    #expect(one.unprotected == ["area a"])
  }

  @Test("6 incidents in 6 of 60 areas: each <5 would be 1, so zeros are withheld too and <5 means 0 to 4")
  func zerosWithheld() {
    let counts = Array(repeating: 1, count: 6) + Array(repeating: 0, count: 54)
    let lines = [DisclosureRule.Line(parts: Array(counts.indices))]
    #expect(!rule.exposed(counts, counts.map { rule.isSmall($0) ? .small : .shown }, lines: lines).isEmpty)
    let (decided, status) = rule.decide(counts, lines: lines)
    #expect(decided.withholdsZeros && status.allSatisfy { $0 == .small })
    #expect(decided.exposed(counts, status, lines: lines).isEmpty)
    // Protectable runs keep zeros shown.
    #expect(rule.decide([3, 9, 0], lines: [.init(parts: [0, 1, 2])]).rule.withholdsZeros == false)
  }
}
