import Analyses
import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// `hotspot density`: an exact kernel density surface, and hot-spot regions drawn from it.
struct DensityCommand: HotspotCommand {
  static let spec = CommandSpec(
    name: "density",
    abstract: "Kernel density of incidents per km², exact at every cell centre, and hot-spot regions.",
    discussion: """
      The density at each cell centre is the sum over every incident of K(distance), in incidents \
      per km². Defaults follow the established tools and are printed: the bandwidth by ArcGIS's rule \
      (0.9 · min(SD, √(1/ln 2) · Dm) · n^-0.2), the cell size a 250th of the extent's shorter side \
      rounded to 1, 2, 2.5 or 5 × 10^k metres, the extent the areas' (or the incidents' plus one \
      bandwidth) snapped outward to whole cells. Write .asc (ESRI ASCII grid, with a .prj), .csv \
      (cell centres) or .geojson (hot-spot regions, WGS84).
      """,
    options: [
      CommonOptions.incidents,
      OptionSpec(name: "areas", valueName: "file", help: "Study area (GeoJSON or Shapefile): cells whose centre lies outside are no-data."),
      OptionSpec(
        name: "kernel", valueName: "kernel", help: "The kernel.", defaultValue: "quartic",
        allowedValues: Kernel.allCases.map(\.rawValue)),
      OptionSpec(name: "bandwidth", valueName: "distance", help: "Bandwidth (400m) or auto.", defaultValue: "auto"),
      OptionSpec(name: "cell", valueName: "size", help: "Cell size (50m) or auto.", defaultValue: "auto"),
      OptionSpec(name: "extent", valueName: "xmin,ymin,xmax,ymax", help: "Grid extent in metres of the working CRS, used exactly."),
      CommonOptions.period, CommonOptions.category,
      .flag("edge-correct", help: "Divide each cell by the share of its kernel inside the study area."),
      OptionSpec(name: "top", valueName: "share", help: "Hot-spot regions: the top share of cells (5%)."),
      OptionSpec(name: "threshold", valueName: "value", help: "Hot-spot regions: cells at or above this density."),
      OptionSpec(name: "volume", valueName: "share", help: "Hot-spot regions: the fewest cells holding this share of the mass."),
      CommonOptions.format, CommonOptions.output, CommonOptions.crs,
    ] + CommonOptions.incidentColumns + [CommonOptions.quiet])

  /// More cells than this are refused.
  static let maximumCells = 50_000_000

  let arguments: [String]
  let incidentSpecs: [String]
  let areasFile: String?
  let kernel: Kernel
  let bandwidth: Double?
  let cell: Double?
  let extent: BoundingBox?
  let filter: IncidentFilter
  let edgeCorrect: Bool
  let rule: HotSpotRegions.Rule?
  let format: OutputFormat
  let outputPath: String?
  let declaredCRS: CRS?
  let columns: IncidentColumnOptions
  let quiet: Bool

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments.original
    incidentSpecs = arguments.values("incidents")
    areasFile = arguments.value("areas")
    kernel = Kernel(rawValue: (arguments.value("kernel") ?? "quartic").lowercased()) ?? .quartic
    bandwidth = try Self.distanceOrAuto(arguments.value("bandwidth"), option: "bandwidth")
    cell = try Self.distanceOrAuto(arguments.value("cell"), option: "cell")
    extent = try arguments.value("extent").map { text throws(UsageError) in try Self.extent(text) }
    filter = try InputOptions.filter(arguments)
    edgeCorrect = arguments.flag("edge-correct")
    if edgeCorrect && areasFile == nil {
      throw UsageError("'--edge-correct' needs '--areas': the study area whose edge is corrected for.")
    }
    var rules: [HotSpotRegions.Rule] = []
    if let top = arguments.value("top") { rules.append(.top(share: try ValueSyntax.share(top, option: "top"))) }
    if let volume = arguments.value("volume") { rules.append(.volume(share: try ValueSyntax.share(volume, option: "volume"))) }
    if let threshold = arguments.value("threshold") {
      guard let value = Double(threshold), value.isFinite, value >= 0 else {
        throw UsageError("The value '\(threshold)' for '--threshold' must be a density per km² (a number ≥ 0).")
      }
      rules.append(.threshold(value))
    }
    guard rules.count <= 1 else { throw UsageError("Give one of '--top', '--threshold' and '--volume'.") }
    outputPath = arguments.value("output")
    format = try OutputFormat.resolve(
      option: arguments.value("format"), outputPath: outputPath, supported: [.text, .asc, .csv, .geojson, .json])
    rule = rules.first ?? (format == .geojson ? .top(share: 0.05) : nil)
    declaredCRS = try InputOptions.crs(arguments)
    columns = InputOptions.incidentColumns(arguments, declaredCRS: declaredCRS)
    quiet = arguments.flag("quiet")
  }

  static func distanceOrAuto(_ text: String?, option: String) throws(UsageError) -> Double? {
    guard let text, text.lowercased() != "auto" else { return nil }
    return try ValueSyntax.distance(text, option: option)
  }

  static func extent(_ text: String) throws(UsageError) -> BoundingBox {
    let numbers: [Double?] = text.split(separator: ",").map { Double(String($0).trimmingSpaces()) }
    guard numbers.count == 4, let a = numbers[0], let b = numbers[1], let c = numbers[2], let d = numbers[3],
      a.isFinite, b.isFinite, c.isFinite, d.isFinite, c > a, d > b
    else {
      throw UsageError("The value '\(text)' for '--extent' must be xmin,ymin,xmax,ymax in metres, with xmax > xmin and ymax > ymin.")
    }
    return BoundingBox(minX: a, minY: b, maxX: c, maxY: d)
  }

  func run(_ console: Console) throws {
    let layer = try areasFile.map { file throws in try AreaLayer.load(file: file, declaredCRS: declaredCRS, idField: nil, nameField: nil) }
    // Every incident (density needs them all), filtered, in the working CRS.
    let loaded = try IncidentInput.load(incidentSpecs, options: columns, filter: filter, working: layer?.working, purpose: "map", labels: false)
    let (table, working, report, filtered, files) = (loaded.table, loaded.working, loaded.report, loaded.filtered, loaded.files)
    let setup: DensityPlan
    do {
      setup = try DensityPlan(
        x: table.x, y: table.y, weights: table.weight, areas: layer?.geometries, kernel: kernel,
        bandwidth: bandwidth, cell: cell, extent: extent, maximumCells: Self.maximumCells)
    } catch {
      throw UsageError(error.description)
    }
    for warning in report.problems.map(\.description) + setup.warnings { console.error("warning: \(warning)\n") }

    var density: [Double?] = KernelDensity.evaluate(
      x: table.x, y: table.y, weights: table.weight, grid: setup.grid, kernel: kernel, bandwidth: setup.bandwidth
    ).map { Optional($0) }
    if let inside = setup.inside {
      for cell in density.indices where !inside[cell] { density[cell] = nil }
      if edgeCorrect {
        let shares = EdgeCorrection.shares(inside: inside, grid: setup.grid, kernel: kernel, bandwidth: setup.bandwidth)
        for cell in density.indices {
          if let value = density[cell], let share = shares[cell], share > 0 { density[cell] = value / share }
        }
      }
    }
    let regions = rule.map { rule in
      HotSpotRegions.regions(
        selected: HotSpotRegions.select(rule, density: density), density: density, grid: setup.grid,
        x: table.x, y: table.y, weights: table.weight)
    } ?? []
    let result = DensityResult(
      setup: setup, kernel: kernel, density: density, regions: regions, rule: rule, incidents: table.count,
      totalWeight: table.weight?.reduce(0, +) ?? Double(table.count), weighted: table.weight != nil,
      edgeCorrected: edgeCorrect,
      working: working, report: report, filtered: filtered)

    let text: String
    switch format {
    case .asc:
      text = ASCIIGridWriter.write(
        values: density, columns: setup.grid.columns, rows: setup.grid.rows, minX: setup.grid.minX,
        minY: setup.grid.minY, cellSize: setup.grid.cellSize)
    case .csv: text = CSVTable.render(try result.cellTable())
    case .geojson: text = try result.regionsGeoJSON()
    case .json: text = result.json.rendered()
    default: text = result.text
    }
    guard let outputPath else {
      console.output(text)
      return
    }
    let inputs = files + (layer?.source.files ?? [])
    try AtomicFile.write(text, to: outputPath, inputs: inputs)
    if format == .asc, let projection = ASCIIGridWriter.projectionText(working) {
      try AtomicFile.write(projection, to: Self.projectionPath(outputPath), inputs: inputs)
    }
    var provenance = Provenance(command: "density", arguments: arguments, inputs: inputs)
    for (key, value) in result.choices { provenance.record(key, value) }
    try provenance.write(beside: outputPath)
    if !quiet { console.error(result.summaryText) }
  }

  /// `surface.asc` → `surface.prj`.
  static func projectionPath(_ output: String) -> String {
    guard let dot = output.lastIndex(of: "."), !output[dot...].contains("/") else { return output + ".prj" }
    return output[..<dot] + ".prj"
  }
}
