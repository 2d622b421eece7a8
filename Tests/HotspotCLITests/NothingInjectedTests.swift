import Foundation
import GeoIO
import TestSupport
import Testing

@testable import hotspot

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Hostile area ids, names and categories go through every writer inert: escaped for HTML and
/// XML, formulas neutralised in CSV, no terminal control codes in text, and numbers still numbers.
@Suite("Nothing injected")
struct NothingInjectedTests {
  static let hostile = [
    "<script>alert(1)</script>", "\" onload=\"x", "=HYPERLINK(\"http://x\")", "@SUM(1)", "-2+3",
    "+1", "a|b\\c", "line\nbreak", "\u{1B}]0;pwned\u{07}\u{1B}[31mred",
  ]

  struct Setup {
    let folder: TemporaryFolder
    let areas: String
    let points: String

    init() throws {
      folder = try TemporaryFolder()
      let ids = Array(NothingInjectedTests.hostile.prefix(4))
      let names = Array(NothingInjectedTests.hostile.suffix(4))
      areas = try folder.file("areas.geojson", fourSquares(ids: ids, names: names))
      var csv = "easting,northing,category,month\n"
      for i in 0..<40 {
        let category = NothingInjectedTests.hostile[i % NothingInjectedTests.hostile.count]
        let quoted = "\"" + category.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        csv += "\(400_000 + (i * 331) % 2000),\(500_000 + (i * 157) % 2000),\(quoted),2024-0\(i % 9 + 1)\n"
      }
      points = try folder.file("points.csv", csv)
    }

    func run(_ arguments: [String]) throws -> String {
      let result = runHotspotRaw(arguments + ["--quiet"])
      try #require(result.status == 0, "\(arguments): \(result.error)")
      return result.output
    }
  }

  @Test("CSV: formulas get a leading quote, numbers stay numbers, every id survives")
  func csv() throws {
    let setup = try Setup()
    let output = setup.folder.path("counts.csv")
    _ = try setup.run([
      "count", "--areas", setup.areas, "--incidents", setup.points, "--by", "category", "--output", output,
    ])
    let document = try CSVDocument.read(file: output)
    let idColumn = try #require(document.column(["area_id"]))
    let countColumn = try #require(document.column(["count"]))
    for row in document.rows {
      for field in row.fields {
        if let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
          #expect(Double(field) != nil, "a live formula: \(field)")
        }
      }
      #expect(Int(row.fields[countColumn]) != nil)
    }
    #expect(
      document.rows.map { $0.fields[idColumn] } == [
        "<script>alert(1)</script>", "\" onload=\"x", "'=HYPERLINK(\"http://x\")", "'@SUM(1)",
      ])
  }

  @Test("Markdown: no raw HTML tag, pipes escaped, one line per row")
  func markdown() throws {
    let setup = try Setup()
    let text = try setup.run(["count", "--areas", setup.areas, "--incidents", setup.points, "--format", "md"])
    #expect(!text.contains("<script"))
    #expect(!text.contains("\u{1B}"))
    #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    let tableLines = text.split(separator: "\n").filter { $0.hasPrefix("|") }
    #expect(tableLines.count == 2 + 4)
    for line in tableLines {
      // Columns: every unescaped `|` separates cells, so each row has as many as the header.
      let separators = line.replacingOccurrences(of: "\\\\", with: "").replacingOccurrences(of: "\\|", with: "")
        .filter { $0 == "|" }.count
      #expect(separators == tableLines[0].filter { $0 == "|" }.count, "\(line)")
    }
  }

  @Test("text: no terminal control codes, one line per row")
  func text() throws {
    let setup = try Setup()
    let text = try setup.run(["count", "--areas", setup.areas, "--incidents", setup.points, "--format", "text"])
    #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F })
    let inspect = try setup.run(["inspect", setup.areas, setup.points])
    #expect(!inspect.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F })
  }

  @Test("JSON and GeoJSON: names round-trip as strings, counts are numbers")
  func json() throws {
    let setup = try Setup()
    for format in ["json", "geojson"] {
      let text = try setup.run(["count", "--areas", setup.areas, "--incidents", setup.points, "--format", format])
      // JSONValue writes `<` as \u003c, safe inside HTML; GeoJSONWriter writes it as is (its
      // tests say so), so a page that embeds GeoJSON must escape it.
      if format == "json" { #expect(!text.contains("<script"), "a raw tag") }
      let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
      let rows: [[String: Any]] =
        format == "json"
        ? try #require(document["areas"] as? [[String: Any]])
        : try #require(document["features"] as? [[String: Any]]).compactMap { $0["properties"] as? [String: Any] }
      #expect(rows.compactMap { $0["area_id"] as? String } == Array(Self.hostile.prefix(4)), "\(format)")
      #expect(rows.compactMap { $0["area_name"] as? String } == Array(Self.hostile.suffix(4)), "\(format)")
      #expect(rows.allSatisfy { $0["count"] is NSNumber }, "\(format)")
    }
  }

  @Test("SVG map: well-formed, no script element, no event attribute, names present as text")
  func svg() throws {
    let setup = try Setup()
    let output = setup.folder.path("map.svg")
    _ = try setup.run([
      "map", "--areas", setup.areas, "--incidents", setup.points, "--output", output,
      "--title", "<script>alert(1)</script>", "--attribution", "\" onload=\"x",
    ])
    let data = try Data(contentsOf: URL(fileURLWithPath: output))
    final class Collector: NSObject, XMLParserDelegate {
      var elements: [String] = []
      var attributes: [String] = []
      var text = ""
      func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
      ) {
        elements.append(name)
        self.attributes += attributes.keys
      }
      func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }
    let collector = Collector()
    let parser = XMLParser(data: data)
    parser.delegate = collector
    #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
    #expect(!collector.elements.contains { $0.lowercased() == "script" || $0.lowercased() == "foreignobject" })
    #expect(!collector.attributes.contains { $0.lowercased().hasPrefix("on") })
    #expect(collector.text.contains("<script>alert(1)</script>"))
  }
}
