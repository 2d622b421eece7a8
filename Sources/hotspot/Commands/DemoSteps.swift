import Analyses
import GeoCore
import SpatialAnalysis

/// One step of `hotspot demo`: what it shows, the command line that does it, and the same work
/// as a typed request whose result the command's own write function writes.
struct DemoStep {
  /// What the step makes, printed beside its first output.
  let what: String
  /// The hotspot command line of the step, subcommand first: printed for the user, and recorded
  /// (without the subcommand) in each output's provenance.
  let words: [String]
  /// Runs the request and writes its result; called with the words after the subcommand (for
  /// provenance) and the console the command's messages go to.
  let perform: (_ arguments: [String], _ console: Console) throws -> Void

  /// Runs the step: `perform` with the command line after the subcommand.
  func run(_ console: Console) throws { try perform(Array(words.dropFirst()), console) }
}

extension DemoCommand {
  /// The steps, each a hotspot command line with the typed request that does the same work.
  /// `DemoCommandTests` checks that running the printed command lines writes the same files.
  func steps() -> [DemoStep] {
    let divisions = data + "/divisions.geojson"
    let incidents = data + "/incidents-police.csv"
    let zones = data + "/licensing-zones.geojson"
    let lookup = data + "/division-lookup.csv"
    let note = "Synthetic sample data made by hotspot-sample: not real places, people or incidents."
    let asb = ["--category", "Anti-social behaviour"]
    let categories = ["Anti-social behaviour"]
    let attribution = ["--attribution", note]
    func path(_ name: String) -> String { folder + "/" + name }
    func out(_ name: String) -> [String] { ["--output", path(name)] }
    func also(_ option: String, _ name: String) -> [String] { ["--" + option, path(name)] }
    let year2023 = Self.period(2023, 1, 2023, 12)
    let year2024 = Self.period(2024, 1, 2024, 12)
    let all = IncidentSource(files: [incidents])
    let asbAll = IncidentSource(files: [incidents], filter: IncidentFilter(categories: categories))
    let all2024 = IncidentSource(files: [incidents], filter: IncidentFilter(period: year2024))
    let asb2024 = IncidentSource(files: [incidents], filter: IncidentFilter(period: year2024, categories: categories))
    let count2024 = CountRequest(
      areasFile: divisions, incidents: all2024, baselinePeriod: year2023, populationField: "population")
    var countWithLookup = count2024
    countWithLookup.lookupFile = lookup
    let asbByQuarter = CountRequest(areasFile: divisions, incidents: asbAll, breakdown: .financialQuarter)
    func map(_ layers: [MapRequest.Layer], title: String, labels: Int = 0) -> MapRequest {
      MapRequest(
        areasFile: divisions, incidents: asb2024, layers: layers, labelCount: labels, title: title, attribution: [note])
    }
    return [
      DemoStep(
        what: "incidents per division and per area, 2024 against 2023",
        words: [
          "count", "--areas", divisions, "--incidents", incidents, "--period", "2024", "--compare-to", "2023",
          "--population-field", "population", "--lookup", lookup, "--quiet",
        ] + out("counts-2024.csv")
      ) { arguments, console in
        try CountCommand.write(
          countWithLookup.run(), format: .csv, outputPath: path("counts-2024.csv"), arguments: arguments, quiet: true,
          console: console)
      },
      DemoStep(
        what: "the same as Markdown for a report",
        words: [
          "count", "--areas", divisions, "--incidents", incidents, "--period", "2024", "--compare-to", "2023",
          "--population-field", "population", "--quiet",
        ] + out("counts-2024.md")
      ) { arguments, console in
        try CountCommand.write(
          count2024.run(), format: .md, outputPath: path("counts-2024.md"), arguments: arguments, quiet: true,
          console: console)
      },
      DemoStep(
        what: "ASB by financial quarter",
        words: ["count", "--areas", divisions, "--incidents", incidents, "--by", "financial-quarter", "--quiet"] + asb
          + out("asb-by-quarter.csv")
      ) { arguments, console in
        try CountCommand.write(
          asbByQuarter.run(), format: .csv, outputPath: path("asb-by-quarter.csv"), arguments: arguments, quiet: true,
          console: console)
      },
      DemoStep(
        what: "divisions ranked by a transparent risk score (the next Community Action Team)",
        words: [
          "rank", "--areas", divisions, "--incidents", incidents, "--population-field", "population",
          "--indicators", data + "/indicators.csv", "--indicator", "deprivation_score:higher",
          "--indicator", "private_rented_pct:higher", "--resamples", "199", "--top", "15", "--quiet",
        ]
          + out("risk-ranking.csv")
      ) { arguments, console in
        let request = RankRequest(
          areasFile: divisions, incidents: all, populationField: "population", indicatorsFile: data + "/indicators.csv",
          indicators: [
            .init(name: "deprivation_score", direction: .higher), .init(name: "private_rented_pct", direction: .higher),
          ],
          top: 15, resamples: 199)
        try RankCommand.write(
          request.run(), format: .csv, outputPath: path("risk-ranking.csv"), arguments: arguments, quiet: true,
          console: console)
      },
      DemoStep(
        what: "ASB per 10,000 people inside the selective licensing zones, 2024 against 2023",
        words: [
          "zones", "--zones", zones, "--incidents", incidents, "--population", data + "/lsoa-centroids.csv",
          "--period", "2024", "--compare-to", "2023", "--quiet",
        ] + asb + out("licensing-zones-2024.csv")
      ) { arguments, console in
        let request = ZonesRequest(
          zonesFile: zones, incidents: asb2024, populationFile: data + "/lsoa-centroids.csv", baselinePeriod: year2023)
        try ZonesCommand.write(
          request.run(), format: .csv, outputPath: path("licensing-zones-2024.csv"), arguments: arguments, quiet: true,
          console: console)
      },
      DemoStep(
        what:
          "where to patrol next month: the fewest 150 m cells holding 25 % of last quarter's ASB, as zones, with a map",
        words: [
          "patrol", "--areas", divisions, "--incidents", incidents, "--period", "2024-10..2024-12", "--coverage", "25%",
          "--zones", "--quiet",
        ] + asb + also("map", "map-patrol.svg") + attribution + out("patrol-cells.csv")
      ) { arguments, console in
        let lastQuarter = IncidentFilter(period: Self.period(2024, 10, 2024, 12), categories: categories)
        let request = PatrolRequest(
          incidents: IncidentSource(files: [incidents], filter: lastQuarter), areasFile: divisions,
          rule: .coverage(0.25), zones: true)
        try PatrolCommand.write(
          request.run(), format: .csv, outputPath: path("patrol-cells.csv"), mapPath: path("map-patrol.svg"),
          mapTitle: nil, mapAttribution: [note], arguments: arguments, quiet: true, console: console)
      },
      DemoStep(
        what: "how well each month's hot spots predicted the next (rolling backtest: hit rate, PAI, PEI, RRI)",
        words: ["backtest", "--areas", divisions, "--incidents", incidents, "--rolling", "6:1", "--quiet"] + asb
          + also("chart", "backtest-pai.svg") + out("backtest.csv")
      ) { arguments, console in
        let request = BacktestRequest(
          incidents: asbAll, plan: .rolling(trainMonths: 6, testMonths: 1, span: nil), areasFile: divisions)
        try BacktestCommand.write(
          request.run(), format: .csv, outputPath: path("backtest.csv"), perOrigin: false,
          chartPath: path("backtest-pai.svg"), arguments: arguments, quiet: true, console: console)
      },
      DemoStep(
        what: "CCTV: ASB within 150 m of the cameras, and the 5 new sites that would cover the most of the rest",
        words: [
          "cover", "--incidents", incidents, "--sites", data + "/cctv-sites.csv", "--radius", "150m", "--add", "5",
          "--period", "2024", "--quiet",
        ] + asb + out("cctv-cover.csv")
      ) { arguments, console in
        let request = CoverRequest(incidents: asb2024, sitesFile: data + "/cctv-sites.csv", radius: 150, add: 5)
        try CoverCommand.write(
          request.run(), format: .csv, outputPath: path("cctv-cover.csv"), arguments: arguments, quiet: true,
          console: console)
      },
      DemoStep(
        what:
          "did ASB fall in the Haverley Terraces licensing zone (designated April 2024) against the rest of the county?",
        words: [
          "evaluate", "--incidents", incidents, "--target", zones, "--target-id", "Haverley Terraces",
          "--comparison", divisions, "--before", "2023-04..2023-12", "--after", "2024-04..2024-12",
          "--buffer", "500m", "--quiet",
        ] + asb + out("licensing-evaluation.csv")
      ) { arguments, console in
        let request = EvaluateRequest(
          incidents: asbAll, targetFile: zones, comparisonFile: divisions, before: Self.period(2023, 4, 2023, 12),
          after: Self.period(2024, 4, 2024, 12), buffer: 500, targetIDs: ["Haverley Terraces"])
        try EvaluateCommand.write(
          request.run(), format: .csv, outputPath: path("licensing-evaluation.csv"), arguments: arguments, quiet: true,
          console: console)
      },
      DemoStep(
        what: "ASB density surface for GIS (ESRI ASCII grid)",
        words: [
          "density", "--incidents", incidents, "--areas", divisions, "--period", "2024", "--bandwidth", "400m",
          "--cell", "100m", "--quiet",
        ] + asb + out("asb-density-2024.asc")
      ) { arguments, console in
        let request = DensityRequest(incidents: asb2024, areasFile: divisions, bandwidth: 400, cell: 100)
        try DensityCommand.write(
          request.run(), format: .asc, outputPath: path("asb-density-2024.asc"), arguments: arguments, quiet: true,
          console: console)
      },
      DemoStep(
        what: "ASB hot-spot regions (top 2 % of cells)",
        words: [
          "density", "--incidents", incidents, "--areas", divisions, "--period", "2024", "--bandwidth", "400m",
          "--cell", "100m", "--top", "2%", "--quiet",
        ] + asb + out("asb-hotspots-2024.geojson")
      ) { arguments, console in
        let request = DensityRequest(
          incidents: asb2024, areasFile: divisions, bandwidth: 400, cell: 100, regions: .top(share: 0.02))
        try DensityCommand.write(
          request.run(), format: .geojson, outputPath: path("asb-hotspots-2024.geojson"), arguments: arguments,
          quiet: true, console: console)
      },
      DemoStep(
        what: "Gi* hot and cold spots of ASB by division",
        words: ["gistar", "--areas", divisions, "--incidents", incidents, "--period", "2024", "--quiet"] + asb
          + out("asb-gistar-2024.csv")
      ) { arguments, console in
        let request = GistarRequest(features: FeatureSource(areasFile: divisions, incidents: asb2024))
        try GistarCommand.write(
          request.run(), format: .csv, outputPath: path("asb-gistar-2024.csv"), arguments: arguments, quiet: true,
          console: console)
      },
      DemoStep(
        what: "map: ASB by division",
        words: [
          "map", "--areas", divisions, "--incidents", incidents, "--period", "2024", "--labels", "5",
          "--title", "Anti-social behaviour by division, 2024",
        ] + asb + attribution + out("map-asb-2024.svg")
      ) { arguments, console in
        let request = map([.count], title: "Anti-social behaviour by division, 2024", labels: 5)
        try MapCommand.write(
          request.run(), outputPath: path("map-asb-2024.svg"), arguments: arguments, console: console)
      },
      DemoStep(
        what: "map: ASB density with the licensing zones",
        words: [
          "map", "--areas", divisions, "--incidents", incidents, "--period", "2024", "--layer", "density",
          "--layer", "zones:" + zones, "--title", "Anti-social behaviour density, 2024",
        ] + asb + attribution
          + out("map-asb-density-2024.svg")
      ) { arguments, console in
        let request = map([.density, .zones(zones)], title: "Anti-social behaviour density, 2024")
        try MapCommand.write(
          request.run(), outputPath: path("map-asb-density-2024.svg"), arguments: arguments, console: console)
      },
      DemoStep(
        what: "map: Gi* hot spots",
        words: [
          "map", "--areas", divisions, "--incidents", incidents, "--period", "2024", "--layer", "gistar",
          "--title", "Anti-social behaviour hot spots (Gi*), 2024",
        ] + asb + attribution
          + out("map-asb-gistar-2024.svg")
      ) { arguments, console in
        let request = map([.gistar], title: "Anti-social behaviour hot spots (Gi*), 2024")
        try MapCommand.write(
          request.run(), outputPath: path("map-asb-gistar-2024.svg"), arguments: arguments, console: console)
      },
      DemoStep(
        what: "emerging hot spots of ASB: 500 m cells, 24 months",
        words: [
          "emerging", "--areas", divisions, "--incidents", incidents, "--cell", "500m", "--quiet",
        ] + asb + out("asb-emerging-cells.csv")
      ) { arguments, console in
        let request = EmergingRequest(features: FeatureSource(areasFile: divisions, incidents: asbAll, cell: 500))
        try EmergingCommand.write(
          request.run(), format: .csv, outputPath: path("asb-emerging-cells.csv"), arguments: arguments, quiet: true,
          console: console)
      },
      DemoStep(
        what: "map: emerging hot spots of ASB by division",
        words: [
          "map", "--areas", divisions, "--incidents", incidents, "--layer", "emerging",
          "--title", "Anti-social behaviour: emerging hot spots, 2023–2024",
        ] + asb + attribution
          + out("map-asb-emerging.svg")
      ) { arguments, console in
        let request = MapRequest(
          areasFile: divisions, incidents: asbAll, layers: [.emerging],
          title: "Anti-social behaviour: emerging hot spots, 2023–2024", attribution: [note])
        try MapCommand.write(
          request.run(), outputPath: path("map-asb-emerging.svg"), arguments: arguments, console: console)
      },
      DemoStep(
        what: "the HTML report",
        words: [
          "report", "--areas", divisions, "--incidents", incidents, "--period", "2024", "--compare-to", "2023",
          "--population-field", "population", "--title", "Anti-social behaviour in the sample county, 2024",
          "--quiet",
        ] + asb + attribution + out("report.html")
      ) { arguments, console in
        let count = CountRequest(
          areasFile: divisions, incidents: asb2024, baselinePeriod: year2023, populationField: "population")
        let request = ReportRequest(
          count: count, map: MapRequest(areasFile: divisions, incidents: all, attribution: [note]),
          title: "Anti-social behaviour in the sample county, 2024")
        try ReportCommand.write(
          request.run(), outputPath: path("report.html"), arguments: arguments, quiet: true, console: console)
      },
    ]
  }

  /// The whole months from `firstYear`-`firstMonth` through `lastYear`-`lastMonth`, as the
  /// command line reads `2024-10..2024-12` (or `2024` for a year's twelve).
  static func period(_ firstYear: Int, _ firstMonth: Int, _ lastYear: Int, _ lastMonth: Int) -> Period {
    let lastDay = IncidentDate.daysIn(year: lastYear, month: lastMonth)
    guard let start = IncidentDate(year: firstYear, month: firstMonth, day: 1),
      let end = IncidentDate(year: lastYear, month: lastMonth, day: lastDay)
    else { preconditionFailure("the demo's periods are valid dates") }
    return Period(start: start, end: end)
  }
}
