import Rendering
import Testing

@Suite("Tables sorted for readers")
struct TableSortingTests {
  let table = Table(
    columns: [Table.Column("area_id"), Table.Column("count", alignment: .right)],
    rows: [
      [.text("A"), .integer(0)], [.text("B"), .text("<5")], [.text("C"), .integer(12)],
      [.text("D"), .text("<5")], [.text("E"), .integer(5)], [.text("F"), .empty], [.text("G"), .integer(12)],
    ])

  func ids(_ table: Table?) -> [String] {
    (table?.rows ?? []).map { if case .text(let id) = $0[0] { id } else { "?" } }
  }

  @Test("counts descending, ties in table order; suppressed counts tied together between 5 and 0; empty last")
  func byCount() {
    #expect(ids(table.sorted(by: "count")) == ["C", "G", "E", "B", "D", "A", "F"])
  }

  @Test("a count withheld to protect the small ones ([c]) sorts tied with the <5 counts")
  func complementary() {
    var withheld = table
    withheld.rows.append([.text("H"), .text("[c]")])
    withheld.rows.insert([.text("I"), .text("[c]")], at: 0)
    #expect(ids(withheld.sorted(by: "count")) == ["C", "G", "E", "I", "B", "D", "H", "A", "F"])
  }

  @Test("text ascending; a limit keeps the first rows; an unknown column gives nil")
  func byTextAndLimit() {
    let reversed = Table(columns: table.columns, rows: table.rows.reversed())
    #expect(ids(reversed.sorted(by: "area_id")) == ["A", "B", "C", "D", "E", "F", "G"])
    #expect(ids(table.sorted(by: "count", limit: 2)) == ["C", "G"])
    #expect(table.sorted(by: "rate") == nil)
  }
}
