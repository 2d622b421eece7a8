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
        == "name,count,rate_per_1000\r\nCrook & Willington,1234,12.3456\r\nYnys Môn <Central>,-7,-0.5\r\n\"'=HYPERLINK(\"\"x\"\")\",0,\r\n"
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

  @Test("CSV and JSON write numbers in full, text and Markdown with the decimals people read")
  func precision() {
    let t = Table(
      columns: [.init("density", alignment: .right), .init("p", alignment: .right)],
      rows: [
        [.number(4.1e-8, digits: 6), .significant(3.2e-9, digits: 4)],
        [.number(0.1 + 0.2, digits: 6), .significant(0.012345678, digits: 4)],
        [.number(123_456_789.125, digits: 2), .number(-0.0, digits: 6)],
        [.number(.nan, digits: 6), .significant(.infinity, digits: 4)],
      ])
    #expect(
      CSVTable.render(t)
        == "density,p\r\n4.1e-8,3.2e-9\r\n0.30000000000000004,0.012345678\r\n123456789.125,0\r\n,\r\n")
    #expect(
      JSONTable.value(t)
        == .array([
          .object([("density", .number(4.1e-8)), ("p", .number(3.2e-9))]),
          .object([("density", .number(0.1 + 0.2)), ("p", .number(0.012345678))]),
          .object([("density", .number(123_456_789.125)), ("p", .number(0))]),
          .object([("density", .null), ("p", .null)]),
        ]))
    #expect(JSONTable.render(t).contains("\"density\": 4.1e-8,\n    \"p\": 3.2e-9"))
    #expect(JSONTable.render(t).contains("\"density\": null,\n    \"p\": null"))
    #expect(MarkdownTable.render(t).contains("| 0.000000 | 3.2e-09 |"))
    #expect(MarkdownTable.render(t).contains("| 0.300000 | 0.01235 |"))
    let text = TextTable.render(t).split(separator: "\n").map { $0.split(separator: " ") }
    #expect(text[2] == ["0.000000", "3.2e-09"])
    #expect(text[3] == ["0.300000", "0.01235"])
    #expect(text[4] == ["123456789.13", "0.000000"])
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
