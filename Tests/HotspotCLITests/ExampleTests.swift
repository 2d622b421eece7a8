import Foundation
import TestSupport
import Testing

@testable import hotspot

/// Runs every `hotspot …` line of the `sh` blocks in `Examples/*/README.md`, with their paths
/// taken from the package folder, so the examples stay true.
@Suite("Examples")
struct ExampleTests {
  /// Splits a command line into words: spaces separate, double quotes group.
  static func words(_ line: String) -> [String] {
    var words: [String] = []
    var current = ""
    var quoted = false
    var started = false
    for character in line {
      if character == "\"" {
        quoted.toggle()
        started = true
      } else if character == " " && !quoted {
        if started { words.append(current) }
        current = ""
        started = false
      } else {
        current.append(character)
        started = true
      }
    }
    if started { words.append(current) }
    return words
  }

  static func commands() -> [(example: String, arguments: [String])] {
    let folder = TestData.packageRoot.appendingPathComponent("Examples")
    let examples = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.sorted() ?? []
    var result: [(String, [String])] = []
    for example in examples where example != "benchmarks" {
      let readme = folder.appendingPathComponent(example).appendingPathComponent("README.md")
      guard let text = try? String(contentsOf: readme, encoding: .utf8) else { continue }
      var inShell = false
      for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("```") {
          inShell = line == "```sh"
          continue
        }
        if inShell && line.hasPrefix("hotspot ") { result.append((example, Array(words(String(line)).dropFirst()))) }
      }
    }
    return result
  }

  @Test("every example command runs and writes its output")
  func examples() throws {
    let commands = Self.commands()
    #expect(commands.count >= 8)
    let root = TestData.packageRoot.path
    try FileManager.default.createDirectory(atPath: root + "/hotspot-demo/examples", withIntermediateDirectories: true)
    // The READMEs' paths are relative to the package folder; the tests run elsewhere and in
    // parallel, so the paths are made absolute rather than the working directory changed.
    func absolute(_ argument: String) -> String {
      for folder in ["GeoData/", "hotspot-demo/"] {
        if argument.hasPrefix(folder) { return root + "/" + argument }
        if argument.contains(":" + folder) {
          return argument.replacingOccurrences(of: ":" + folder, with: ":" + root + "/" + folder)
        }
      }
      return argument
    }
    for command in commands {
      let arguments = command.arguments.map(absolute)
      let result = runHotspotRaw(arguments)
      #expect(
        result.status == 0, "\(command.example): hotspot \(command.arguments.joined(separator: " ")): \(result.error)")
      if let index = arguments.firstIndex(of: "--output"), index + 1 < arguments.count {
        #expect(FileManager.default.fileExists(atPath: arguments[index + 1]), "\(arguments[index + 1])")
      }
    }
  }
}
