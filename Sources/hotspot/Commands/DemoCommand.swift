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
      OptionSpec(name: "output-dir", valueName: "folder", help: "Where to write the outputs.", defaultValue: "hotspot-demo"),
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

  /// The steps, each a hotspot command line, with what it makes.
  func steps() -> [(what: String, arguments: [String])] {
    let divisions = data + "/divisions.geojson", incidents = data + "/incidents-police.csv"
    let zones = data + "/licensing-zones.geojson"
    let asb = ["--category", "Anti-social behaviour"]
    let attribution = ["--attribution", "Synthetic sample data made by hotspot-sample: not real places, people or incidents."]
    func out(_ name: String) -> [String] { ["--output", folder + "/" + name] }
    func also(_ option: String, _ name: String) -> [String] { ["--" + option, folder + "/" + name] }
    return [
      ("incidents per division and per area, 2024 against 2023",
       ["count", "--areas", divisions, "--incidents", incidents, "--period", "2024", "--compare-to", "2023",
        "--population-field", "population", "--lookup", data + "/division-lookup.csv", "--quiet"] + out("counts-2024.csv")),
      ("the same as Markdown for a report",
       ["count", "--areas", divisions, "--incidents", incidents, "--period", "2024", "--compare-to", "2023",
        "--population-field", "population", "--quiet"] + out("counts-2024.md")),
      ("ASB by financial quarter",
       ["count", "--areas", divisions, "--incidents", incidents, "--by", "financial-quarter", "--quiet"] + asb + out("asb-by-quarter.csv")),
      ("divisions ranked by a transparent risk score (the next Community Action Team)",
       ["rank", "--areas", divisions, "--incidents", incidents, "--population-field", "population",
        "--indicators", data + "/indicators.csv", "--indicator", "deprivation_score:higher",
        "--indicator", "private_rented_pct:higher", "--resamples", "199", "--top", "15", "--quiet"] + out("risk-ranking.csv")),
      ("ASB per 10,000 people inside the selective licensing zones, 2024 against 2023",
       ["zones", "--zones", zones, "--incidents", incidents, "--population",
        data + "/lsoa-centroids.csv", "--period", "2024", "--compare-to", "2023", "--quiet"] + asb + out("licensing-zones-2024.csv")),
      ("where to patrol next month: the fewest 150 m cells holding 25 % of last quarter's ASB, as zones, with a map",
       ["patrol", "--areas", divisions, "--incidents", incidents, "--period", "2024-10..2024-12", "--coverage", "25%", "--zones",
        "--quiet"] + asb + also("map", "map-patrol.svg") + attribution + out("patrol-cells.csv")),
      ("how well each month's hot spots predicted the next (rolling backtest: hit rate, PAI, PEI, RRI)",
       ["backtest", "--areas", divisions, "--incidents", incidents, "--rolling", "6:1", "--quiet"] + asb
         + also("chart", "backtest-pai.svg") + out("backtest.csv")),
      ("CCTV: ASB within 150 m of the cameras, and the 5 new sites that would cover the most of the rest",
       ["cover", "--incidents", incidents, "--sites", data + "/cctv-sites.csv", "--radius", "150m", "--add", "5",
        "--period", "2024", "--quiet"] + asb + out("cctv-cover.csv")),
      ("did ASB fall in the Haverley Terraces licensing zone (designated April 2024) against the rest of the county?",
       ["evaluate", "--incidents", incidents, "--target", zones, "--target-id", "Haverley Terraces", "--comparison", divisions,
        "--before", "2023-04..2023-12", "--after", "2024-04..2024-12", "--buffer", "500m", "--quiet"] + asb
         + out("licensing-evaluation.csv")),
      ("ASB density surface for GIS (ESRI ASCII grid)",
       ["density", "--incidents", incidents, "--areas", divisions, "--period", "2024", "--bandwidth", "400m", "--cell", "100m", "--quiet"]
         + asb + out("asb-density-2024.asc")),
      ("ASB hot-spot regions (top 2 % of cells)",
       ["density", "--incidents", incidents, "--areas", divisions, "--period", "2024", "--bandwidth", "400m", "--cell", "100m",
        "--top", "2%", "--quiet"] + asb + out("asb-hotspots-2024.geojson")),
      ("Gi* hot and cold spots of ASB by division",
       ["gistar", "--areas", divisions, "--incidents", incidents, "--period", "2024", "--quiet"] + asb + out("asb-gistar-2024.csv")),
      ("map: ASB by division",
       ["map", "--areas", divisions, "--incidents", incidents, "--period", "2024", "--labels", "5",
        "--title", "Anti-social behaviour by division, 2024"] + asb + attribution + out("map-asb-2024.svg")),
      ("map: ASB density with the licensing zones",
       ["map", "--areas", divisions, "--incidents", incidents, "--period", "2024", "--layer", "density",
        "--layer", "zones:" + zones, "--title", "Anti-social behaviour density, 2024"] + asb + attribution
         + out("map-asb-density-2024.svg")),
      ("map: Gi* hot spots",
       ["map", "--areas", divisions, "--incidents", incidents, "--period", "2024", "--layer", "gistar",
        "--title", "Anti-social behaviour hot spots (Gi*), 2024"] + asb + attribution + out("map-asb-gistar-2024.svg")),
      ("the HTML report",
       ["report", "--areas", divisions, "--incidents", incidents, "--period", "2024", "--compare-to", "2023",
        "--population-field", "population", "--title", "Anti-social behaviour in the sample county, 2024", "--quiet"]
         + asb + attribution + out("report.html")),
    ]
  }

  func run(_ console: Console) throws {
    guard FileManager.default.fileExists(atPath: data + "/divisions.geojson") else {
      console.error("The sample data is not in '\(data)': run the demo from the package folder, or give --data <folder>.\n")
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
      let status = Hotspot.run(step.arguments, console: capture.console)
      guard status == 0 else {
        console.error("Error: the step '\(step.what)' failed (exit \(status)):\n\(capture.error)")
        failed = true
        break
      }
      let outputs = Self.outputs(step.arguments)
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
      for step in steps { console.output("  hotspot " + step.arguments.map(Self.quoted).joined(separator: " ") + "\n") }
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
    argument.contains(where: { " '\"*?&;()<>|$".contains($0) }) ? "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'" : argument
  }
}
