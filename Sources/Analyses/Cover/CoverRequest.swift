import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// A `cover` run: the share of incidents within `radius` metres of existing sites (cameras), and
/// `add` new sites chosen greedily to cover the most of the rest (maximal covering; within
/// 1 − 1/e of the best, Nemhauser, Wolsey & Fisher 1978).
public struct CoverRequest: Sendable {
  /// The incidents: files, columns, period and categories.
  public var incidents: IncidentSource
  /// Repair invalid area polygons by the even-odd rule (`--repair`) instead of refusing them
  /// (`AreaValidity`); each change is reported among the warnings.
  public var repairAreas = false
  /// Existing sites: CSV with coordinate columns or GeoJSON/Shapefile points.
  public var sitesFile: String?
  /// Covering distance in metres, the radius itself included.
  public var radius: Double
  /// How many new sites to choose.
  public var add: Int
  /// Candidate sites (points); nil: the centres of square cells of `cell`.
  public var candidatesFile: String?
  /// Without candidates: the candidate cells' size in metres.
  public var cell: Double
  /// Without candidates: only cells whose centre lies inside these areas.
  public var areasFile: String?
  /// Without candidates: the cell grid's extent in metres of the working CRS, used exactly.
  public var extent: BoundingBox?

  /// A request with the command line's defaults: no new site, 50 m candidate cells.
  public init(
    incidents: IncidentSource, sitesFile: String? = nil, radius: Double, add: Int = 0, candidatesFile: String? = nil,
    cell: Double = 50, areasFile: String? = nil, extent: BoundingBox? = nil
  ) {
    self.incidents = incidents
    self.sitesFile = sitesFile
    self.radius = radius
    self.add = add
    self.candidatesFile = candidatesFile
    self.cell = cell
    self.areasFile = areasFile
    self.extent = extent
  }

  /// Checks that there is something to do.
  /// - Throws: `RequestError` with neither sites nor sites to add, or with candidate cells'
  ///   options beside a candidates file.
  public func check() throws(RequestError) {
    if candidatesFile != nil {
      for (name, given) in [("areas", areasFile != nil), ("extent", extent != nil)] where given {
        throw RequestError(
          "'--\(name)' places candidate cells; with '--candidates' the candidates are the file's points.")
      }
    }
    if sitesFile == nil && add == 0 {
      throw RequestError(
        "Nothing to do: give '--sites FILE' (coverage of existing sites) and/or '--add k' (new sites).")
    }
  }

  /// Reads the inputs, measures the existing sites' coverage and chooses the new sites.
  /// - Throws: `InputError` for unreadable inputs or points that cannot be related to the working
  ///   CRS, `RequestError` as `check()` or for a candidate grid too large.
  public func run(progress: (String) -> Void = { _ in }) throws -> CoverResult {
    try check()
    let declaredCRS = incidents.declaredCRS
    let areas = try areasFile.map { file throws in
      try AreaLayer.load(file: file, declaredCRS: declaredCRS, idField: nil, nameField: nil, repair: repairAreas)
    }
    let sites = try sitesFile.map { file throws in
      try PointLayer.load(file: file, declaredCRS: declaredCRS, valueColumn: nil)
    }
    let candidateLayer = try candidatesFile.map { file throws in
      try PointLayer.load(file: file, declaredCRS: declaredCRS, valueColumn: nil)
    }
    let (demand, working) = try CoverDemand.read(
      incidents, working: areas?.working ?? sites?.working ?? candidateLayer?.working,
      extentFromIncidents: areas == nil && extent == nil && candidateLayer == nil && add > 0)
    var warnings = (areas?.repairs ?? []) + demand.readReport.problems.map(\.description)
    if demand.filtered.straddlingMonths > 0 {
      warnings.append(
        "\(demand.filtered.straddlingMonths) incidents dated only by a month that straddles an end of --period were left out"
      )
    }
    let sitePoints = try sites.map { layer throws in try Self.project(layer, to: working) } ?? []
    if let sites, !sitePoints.isEmpty {
      let box = BoundingBox(points: sitePoints)
      let reach = BoundingBox(
        minX: box.minX - radius, minY: box.minY - radius, maxX: box.maxX + radius, maxY: box.maxY + radius)
      if !reach.intersects(BoundingBox(points: demand.points)) {
        warnings.append(
          "no site of \(sites.file) lies within \(NumberText.shortest(radius)) m of the incidents' extent; is the CRS right? (incidents read as \(demand.sourceCRS), sites as \(sites.sourceCRS))"
        )
      }
    }

    // Candidates: the file's points, or cell centres.
    let filter = incidents.filter
    var choices: [(String, JSONValue)] = [
      ("working_crs", .string(working.identifier)),
      ("incidents_crs", .string(demand.sourceCRS.identifier)),
      ("radius_m", .number(radius)),
      ("covered_rule", "distance to the site ≤ radius (the radius itself included), planar, in the working CRS"),
    ]
    if let period = filter.period { choices.append(("period", .string(period.description))) }
    if demand.filtered.outliers > 0 {
      choices.append(("incidents_outliers", .number(Double(demand.filtered.outliers))))
      choices.append(("outlier_rule", .string(LocationalOutliers.rule)))
    }
    if !filter.categories.isEmpty { choices.append(("categories", .array(filter.categories.map(JSONValue.string)))) }
    let candidates: [Point]
    if let candidateLayer {
      candidates = try Self.project(candidateLayer, to: working)
      choices.append(("candidates", .string("points of \(candidateLayer.file), ties to the first in the file")))
    } else if add > 0 {
      let layout = try CellLayout.layout(
        cell: cell, hex: false, extent: extent, areas: areas?.geometries, points: BoundingBox(points: demand.points),
        hull: areas == nil && extent == nil ? ConvexHull(demand.points) : nil, minimumCells: 1)
      candidates = CandidateCells.near(demand.points, radius: radius, layout: layout).map { layout.centre(of: $0) }
      choices.append(
        (
          "candidates",
          .string(
            "centres of \(NumberText.shortest(cell)) m cells: \(layout.rule.rawValue); ties to the southernmost, then westernmost"
          )
        ))
      choices.append(("cell_m", .number(cell)))
      choices.append(("cells", .number(Double(layout.count))))
      let box = layout.extent
      choices.append(("grid", .array([.number(box.minX), .number(box.minY), .number(box.maxX), .number(box.maxY)])))
    } else {
      candidates = []
    }
    progress(
      "incidents: \(demand.incidentCount) at \(demand.points.count) distinct places; candidates: \(candidates.count); working CRS \(working)"
    )

    let cover = MaximalCovering(points: demand.points, weights: demand.weights, radius: radius)
    let existing = cover.covered(by: sitePoints)
    let covering = cover.greedy(candidates: candidates, count: add, covered: existing)
    let total = demand.incidentCount
    if covering.selections.count < add {
      warnings.append(
        "only \(covering.selections.count) of the \(add) sites asked for cover any further incident; the rest would add nothing"
      )
    }

    choices.append(("incidents", .number(Double(total))))
    choices.append(("incident_places", .number(Double(demand.points.count))))
    if let sites {
      choices.append(("sites", .string(sites.file)))
      choices.append(("existing_sites", .number(Double(sites.count))))
    }
    choices.append(("existing_covered", .number(Double(covering.initiallyCovered))))
    choices.append(("existing_share", .number(CoverResult.share(covering.initiallyCovered, total))))
    choices.append(("candidates_considered", .number(Double(candidates.count))))
    choices.append(("candidates_covering_any", .number(Double(covering.usefulCandidates))))
    choices.append(("added", .number(Double(covering.selections.count))))
    choices.append(("added_covered", .number(Double(covering.gained))))
    choices.append(("total_covered", .number(Double(covering.initiallyCovered + covering.gained))))
    choices.append(("total_share", .number(CoverResult.share(covering.initiallyCovered + covering.gained, total))))
    if add > 0 {
      choices.append(
        (
          "method",
          "greedy maximal covering (lazy evaluation, same choice as plain greedy): within (1 − 1/e) ≈ 63.2 % of the best k candidates (Nemhauser, Wolsey & Fisher 1978)"
        ))
      choices.append(("best_possible_at_most", .number(Double(covering.upperBound))))
      choices.append(
        (
          "upper_bound_rule",
          "min(sum of the k largest single-site gains, greedy + the k largest gains left after it, all reachable incidents) (Leskovec et al. 2007)"
        ))
      choices.append(("guaranteed_share_of_best", .number(CoverResult.guarantee(covering))))
    }

    // Each existing site's own coverage, and what only it covers.
    let coveredBySite = sitePoints.map { cover.covered(by: [$0]) }
    var coveringSites = [Int](repeating: 0, count: demand.points.count)
    for covered in coveredBySite { for j in covered.indices where covered[j] { coveringSites[j] += 1 } }
    let existingCoverage = coveredBySite.enumerated().map { k, covered in
      CoverResult.SiteCoverage(
        id: sites?.ids?[k] ?? String(k + 1), name: sites?.names?[k] ?? "", point: sitePoints[k],
        covered: covered.indices.reduce(0) { $0 + (covered[$1] ? demand.weights[$1] : 0) },
        coveredOnlyHere: covered.indices.reduce(0) {
          $0 + (covered[$1] && coveringSites[$1] == 1 ? demand.weights[$1] : 0)
        })
    }

    return CoverResult(
      radius: radius, add: add, working: working, incidents: total, incidentPlaces: demand.points.count,
      existingSites: sites.map { ($0.file, $0.count) }, candidates: candidates,
      candidateIDs: candidateLayer?.ids, candidateNames: candidateLayer?.names, existingCoverage: existingCoverage,
      covering: covering,
      labels: demand.commonLabels(groupOf: covering.coveredBy, groups: covering.selections.count),
      report: demand.readReport, filtered: demand.filtered, choices: choices, warnings: warnings,
      inputs: demand.files + [sitesFile, candidatesFile].compactMap { $0 } + (areas?.source.files ?? []),
      geoJSONFile: candidatesFile ?? incidents.files.first ?? "")
  }

  /// A point layer's points in the run's working CRS.
  static func project(_ layer: PointLayer, to working: CRS) throws(InputError) -> [Point] {
    guard layer.working != working else { return layer.points }
    guard let transform = CoordinateTransform(from: layer.working, to: working) else {
      throw InputError(
        file: layer.file,
        reason: .other("points in \(layer.working) cannot be related to \(working); declare the CRS with --crs"))
    }
    return layer.points.map(transform.apply)
  }
}
