import Analyses
import Foundation
import GeoIO

/// `hotspot demo`: the whole job on the bundled sample county, into one folder: counts and rates
/// by division and by larger area with the year-on-year comparison, density and hot-spot regions,
/// Gi*, maps and the HTML report.
struct DemoCommand: HotspotCommand {
  static let spec = CommandSpec(
    name: "demo",
    abstract: "Run the whole job on the bundled sample county and write the outputs into one folder.",
    discussion: """
      Reads the synthetic sample county in GeoData/ (made by 'swift run hotspot-sample') and writes \
      tables, maps and an HTML report. Each step is an ordinary hotspot command; the list of commands \
      is printed so you can run them on your own data.
      """,
    options: [
      OptionSpec(
        name: "output-dir", valueName: "folder", help: "Where to write the outputs.", defaultValue: "hotspot-demo"),
      OptionSpec(name: "data", valueName: "folder", help: "The sample data folder.", defaultValue: "GeoData"),
      CommonOptions.quiet,
    ])

  let folder: String
  let data: String
  let quiet: Bool

  init(_ arguments: ParsedArguments) throws(UsageError) {
    folder = arguments.value("output-dir") ?? "hotspot-demo"
    data = arguments.value("data") ?? "GeoData"
    quiet = arguments.flag("quiet")
  }

  func run(_ console: Console) throws {
    guard FileManager.default.fileExists(atPath: data + "/divisions.geojson") else {
      console.error(
        "The sample data is not in '\(data)': run the demo from the package folder, or give --data <folder>.\n")
      throw InputError(file: data + "/divisions.geojson", reason: .fileNotFound)
    }
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw AtomicFile.WriteError(path: folder, reason: "cannot be created (\(error.localizedDescription))")
    }
    let start = Date()
    var failed = false
    var written = 0
    let steps = steps()
    for step in steps {
      let capture = CapturingConsole()
      do {
        let notices = Provenance.Notices { capture.console.error($0) }
        try Provenance.$notices.withValue(notices) { try step.run(capture.console) }
      } catch {
        let spec = Hotspot.commands.first { $0.spec.name == step.words.first }?.spec
        let status = Hotspot.report(error, spec: spec, console: capture.console)
        console.error("Error: the step '\(step.what)' failed (exit \(status)):\n\(capture.error)")
        failed = true
        break
      }
      let outputs = Self.outputs(step.words)
      written += outputs.count
      for (k, output) in outputs.enumerated() {
        console.output("  \(output.padding(to: 42))  \(k == 0 ? step.what : "")\n")
      }
    }
    guard !failed else { throw InputError(file: data, reason: .other("the demo stopped at a failing step")) }
    let seconds = Date().timeIntervalSince(start)
    console.output(
      "\nWhat the sample county says:\n" + DemoHeadlines(folder: folder).lines().map { "  - " + $0 + "\n" }.joined()
        + "\nWrote \(written) outputs into \(folder)/ in \(String(format: "%.1f", seconds)) s. Open \(folder)/report.html in a browser.\n"
        + "Each output has a .provenance.json beside it with the values chosen and the inputs' SHA-256.\n")
    if !quiet {
      console.output("\nThe commands, to run on your own data:\n")
      for step in steps { console.output("  hotspot " + step.words.map(Self.quoted).joined(separator: " ") + "\n") }
    }
  }

  /// The files a step writes: the values of its `--output`, then `--map` and `--chart` options.
  static func outputs(_ arguments: [String]) -> [String] {
    ["--output", "--map", "--chart"].flatMap { option in
      zip(arguments, arguments.dropFirst()).compactMap { $0 == option ? $1 : nil }
    }
  }

  /// The argument as a shell word.
  static func quoted(_ argument: String) -> String {
    argument.contains(where: { " '\"*?&;()<>|$".contains($0) })
      ? "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'" : argument
  }
}
