import Analyses
import GeoCore
import GeoIO
import SpatialAnalysis

/// The options `gistar` and `moran` share, parsed into the library's values.
enum AutocorrelationOptions {
  static let specs: [OptionSpec] = [
    OptionSpec(
      name: "areas", valueName: "file",
      help: "Boundary file (GeoJSON): the areas analysed, or the study area for --cell."),
    OptionSpec(
      name: "incidents", valueName: "file",
      help: "Incident CSV (file, folder or glob; repeatable): the value is the count per area or cell.", repeating: true
    ),
    OptionSpec(
      name: "points", valueName: "file",
      help:
        "Points to analyse (CSV with coordinate columns, or GeoJSON/Shapefile of Points), e.g. street-segment midpoints."
    ),
    OptionSpec(
      name: "value-column", valueName: "name",
      help: "With --points: the column (or property) holding each point's value."),
    OptionSpec(
      name: "value-field", valueName: "name", help: "Area property holding the value (instead of counting incidents)."),
    CommonOptions.idField,
    CommonOptions.nameField,
    OptionSpec(name: "cell", valueName: "size", help: "Analyse square cells of this size (250m) instead of areas."),
    .flag("hex", help: "With --cell: pointy-top hexagons, the size being the distance between neighbouring centres."),
    OptionSpec(
      name: "extent", valueName: "xmin,ymin,xmax,ymax",
      help:
        "Cell grid extent in metres of the working CRS, used exactly; every cell is analysed (with --areas, those whose centre lies inside them)."
    ),
    OptionSpec(
      name: "neighbours", valueName: "rule",
      help:
        "queen, rook, distance:<d> (distance:750m), knn:<k> (knn:8), or auto (Optimized Hot Spot Analysis: band by incremental Moran's I, cell size if none, FDR on). Default: queen for areas, cell × √2 for square cells, the 6 around for hexagons."
    ),
    OptionSpec(
      name: "transform", valueName: "transform", help: "Weights: binary, or row-standardised.",
      allowedValues: SpatialWeights.Transform.allCases.map(\.rawValue)),
    OptionSpec(name: "permutations", valueName: "n", help: "Conditional permutations for p_sim (0: none)."),
    OptionSpec(name: "seed", valueName: "n", help: "Seed of the permutations.", defaultValue: "1"),
    OptionSpec(
      name: "snap-tolerance", valueName: "distance",
      help: "Boundaries this close count as touching (contiguity). Default 1m; under --crs planar 1e-7 of the extent."),
    OptionSpec(name: "period", valueName: "period", help: "Keep incidents in this period (2024-01..2024-12)."),
    OptionSpec(name: "category", valueName: "value", help: "Keep this category (repeatable).", repeating: true),
    CommonOptions.keepOutliers,
  ]

  /// What the features are, their values and neighbours. Pure syntax here; the checks of the
  /// options against each other are `FeatureSource.validate`, reported as usage errors.
  static func features(_ arguments: ParsedArguments) throws(UsageError) -> FeatureSource {
    let cell = try arguments.value("cell").map { text throws(UsageError) in
      try ValueSyntax.distance(text, option: "cell")
    }
    let extent = try arguments.value("extent").map { text throws(UsageError) in try ValueSyntax.extent(text) }
    let neighbours = try arguments.value("neighbours").map { text throws(UsageError) in try neighbourRule(text) }
    return FeatureSource(
      areasFile: arguments.value("areas"), pointsFile: arguments.value("points"),
      valueColumn: arguments.value("value-column"), incidents: IncidentSource(files: arguments.values("incidents")),
      valueField: arguments.value("value-field"), idField: arguments.value("id-field"),
      nameField: arguments.value("name-field"), cell: cell, hex: arguments.flag("hex"), extent: extent,
      neighbours: neighbours)
  }

  /// The shared options in the order they are checked: features, transform, permutations
  /// (`defaultPermutations` when absent), seed, snap tolerance, filter, CRS; then the checks of
  /// the features against each other.
  static func parse(_ arguments: ParsedArguments, defaultPermutations: Int) throws(UsageError)
    -> (features: FeatureSource, transform: SpatialWeights.Transform?, permutations: Int, seed: UInt64)
  {
    var features = try features(arguments)
    let transform = arguments.value("transform").flatMap { SpatialWeights.Transform(rawValue: $0.lowercased()) }
    let permutationText = arguments.value("permutations") ?? String(defaultPermutations)
    guard let permutations = Int(permutationText), permutations >= 0, permutations <= 1_000_000 else {
      throw UsageError(
        "The value '\(permutationText)' for '--permutations' must be a whole number from 0 to 1000000 (999).")
    }
    let seedText = arguments.value("seed") ?? "1"
    guard let seed = UInt64(seedText) else {
      throw UsageError("The value '\(seedText)' for '--seed' must be a whole number ≥ 0.")
    }
    features.snapTolerance = try arguments.value("snap-tolerance").map { text throws(UsageError) in
      try ValueSyntax.distance(text, option: "snap-tolerance")
    }
    features.incidents.filter = try InputOptions.filter(arguments)
    features.repairAreas = arguments.flag("repair")
    features.incidents.columns = InputOptions.incidentColumns(arguments, declaredCRS: try InputOptions.crs(arguments))
    features.incidents.keepsOutliers = arguments.flag("keep-outliers")
    do { try features.validate() } catch { throw UsageError(error.message) }
    return (features, transform, permutations, seed)
  }

  /// `queen`, `rook`, `distance:750m`, `knn:8`, `auto`.
  static func neighbourRule(_ text: String) throws(UsageError) -> NeighbourRule {
    let lower = text.lowercased()
    if lower == "queen" { return .queen }
    if lower == "rook" { return .rook }
    if lower == "auto" { return .auto }
    if lower.hasPrefix("distance:") {
      return .distance(try ValueSyntax.distance(String(lower.dropFirst("distance:".count)), option: "neighbours"))
    }
    if lower.hasPrefix("knn:"), let k = Int(lower.dropFirst("knn:".count)), k > 0 { return .knn(k) }
    throw UsageError(
      "The value '\(text)' for '--neighbours' must be queen, rook, distance:<distance> (distance:750m), knn:<k> (knn:8) or auto."
    )
  }
}
