import GeoIO
import Testing

@Suite("JSON configuration readers")
struct JSONConfigTests {
  @Test("a flat table of numbers keeps file order and refuses repeats and non-numbers")
  func numberTable() throws {
    let table = try JSONNumberTable.read(bytes: Array(#"{"b": 2, "a": 0.5}"#.utf8), name: "w.json")
    #expect(table.map(\.name) == ["b", "a"] && table.map(\.value) == [2, 0.5])
    #expect(throws: InputError.self) {
      try JSONNumberTable.read(bytes: Array(#"{"a": 1, "a": 2}"#.utf8), name: "w.json")
    }
    #expect(throws: InputError.self) { try JSONNumberTable.read(bytes: Array(#"{"a": "1"}"#.utf8), name: "w.json") }
    #expect(throws: InputError.self) { try JSONNumberTable.read(bytes: Array("[1]".utf8), name: "w.json") }
  }

  @Test("a tree reads nested values in order")
  func tree() throws {
    let tree = try JSONTree.read(bytes: Array(#"{"c": [{"x": 1, "y": [1, 3]}, true, null, "s"]}"#.utf8), name: "c.json")
    let list = try #require(tree["c"]?.array)
    #expect(list.count == 4)
    #expect(list[0]["x"]?.number == 1 && list[0]["y"] == .array([.number(1), .number(3)]))
    #expect(list[1] == .bool(true) && list[2] == .null && list[3].string == "s")
    #expect(throws: InputError.self) { try JSONTree.read(bytes: Array(#"{"c": }"#.utf8), name: "c.json") }
  }
}
