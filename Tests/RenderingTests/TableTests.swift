import Rendering
import Testing

@Suite("Tables in every format")
struct TableTests {
  let table = Table(
    columns: [.init("name"), .init("count", alignment: .right), .init("rate_per_1000", alignment: .right)],
    rows: [
      [.text("Crook & Willington"), .integer(1234), .number(12.3456, digits: 2)],
      [.text("Ynys Môn <Central>"), .integer(-7), .number(-0.5, digits: 2)],
      [.text("=HYPERLINK(\"x\")"), .integer(0), .empty],
    ])

  @Test("aligned text pads by characters, numbers right-aligned")
  func text() {
    #expect(
      TextTable.render(table) == """
        name                count  rate_per_1000
        ------------------  -----  -------------
        Crook & Willington   1234          12.35
        Ynys Môn <Central>     -7          -0.50
        =HYPERLINK("x")         0

        """)
  }

  @Test("CSV guards formulas in text, leaves negative numbers as numbers, quotes as RFC 4180")
  func csv() {
    #expect(
      CSVTable.render(table)
        == "name,count,rate_per_1000\r\nCrook & Willington,1234,12.35\r\nYnys Môn <Central>,-7,-0.5\r\n\"'=HYPERLINK(\"\"x\"\")\",0,\r\n"
    )
    let risky = Table(
      columns: [.init("v")], rows: [[.text("-1")], [.text("+1")], [.text("@a")], [.text("\tx")], [.text("a,b")]])
    #expect(CSVTable.render(risky) == "v\r\n'-1\r\n'+1\r\n'@a\r\n'\tx\r\n\"a,b\"\r\n")
  }

  @Test("Markdown escapes pipes and marks right-aligned columns")
  func markdown() {
    let t = Table(columns: [.init("a"), .init("n", alignment: .right)], rows: [[.text("x|y"), .integer(2)]])
    #expect(MarkdownTable.render(t) == "| a | n |\n| --- | ---: |\n| x\\|y | 2 |\n")
  }

  @Test("JSON rows keep column order, numbers as numbers, empty as null")
  func json() {
    let t = Table(
      columns: [.init("b"), .init("a")], rows: [[.text("<x>"), .empty], [.integer(3), .number(0.25, digits: 1)]])
    #expect(
      JSONTable.render(t) == """
        [
          {
            "b": "\\u003cx\\u003e",
            "a": null
          },
          {
            "b": 3,
            "a": 0.25
          }
        ]

        """)
  }

  @Test("JSON strings escape control characters and non-finite numbers become null")
  func jsonEscapes() {
    let value = JSONValue.object([("s", .string("a\"b\\c\u{1}\n")), ("n", .number(.nan)), ("l", [1, true])])
    #expect(value.rendered() == "{\n  \"s\": \"a\\\"b\\\\c\\u0001\\n\",\n  \"n\": null,\n  \"l\": [1, true]\n}\n")
  }
}

@Suite("Tables fitted to the terminal")
struct TerminalWidthTests {
  @Test("a table wider than the terminal narrows its widest text column, never a number")
  func narrowing() {
    let table = Table(
      columns: [.init("area_name"), .init("count", alignment: .right)],
      rows: [[.text("Burnopfield and Dipton"), .integer(18)], [.text("Tanfield"), .integer(82)]])
    #expect(
      TextTable.render(table, maxWidth: 20) == """
        area_name      count
        -------------  -----
        Burnopfield…      18
        Tanfield          82

        """)
    #expect(TextTable.render(table, maxWidth: 200) == TextTable.render(table))
  }
}
