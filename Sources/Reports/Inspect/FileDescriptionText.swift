import Analyses
import Rendering

extension FileDescription {
  /// The file name, then the facts as aligned `label  value` lines (indented by 2; every line made
  /// printable), then each non-empty table under its title.
  public var text: String {
    var result = TextTable.printable(file) + "\n"
    let width = (facts.map(\.label.count).max() ?? 0) + 2
    for fact in facts {
      // Each line made printable: names and values from the file may hold escape sequences.
      let lines = fact.text.split(separator: "\n", omittingEmptySubsequences: false)
        .map { TextTable.printable(String($0)) }
      result += "  " + fact.label.padded(to: width) + (lines.first ?? "") + "\n"
      for line in lines.dropFirst() {
        result += String(repeating: " ", count: width + 2) + line + "\n"
      }
    }
    for table in tables where !table.table.rows.isEmpty {
      result += "\n  " + table.title + "\n"
      result +=
        TextTable.render(table.table).split(separator: "\n").map { "    " + $0 }
        .joined(separator: "\n") + "\n"
    }
    return result
  }

  /// `{"file": …, <key>: <value>…, <table key>: […]}`: the facts with a key, then the tables.
  public var json: JSONValue {
    .object(
      [("file", .string(file))] + facts.filter { !$0.key.isEmpty }.map { ($0.key, $0.json) }
        + tables.map { ($0.key, JSONTable.value($0.table)) })
  }
}

extension InspectResult {
  /// Each file's description as text, a blank line between files.
  public var text: String { descriptions.map(\.text).joined(separator: "\n") }

  /// One file's JSON object, or an array of them for several files.
  public var json: JSONValue { descriptions.count == 1 ? descriptions[0].json : .array(descriptions.map(\.json)) }
}
