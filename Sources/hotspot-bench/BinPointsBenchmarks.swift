import Foundation
import GeoCore
import GeoIO
import SpatialAnalysis

/// Counting incidents per area: building the polygon index, binning points already in memory with
/// `AreaTally.add`, and the whole job from files (GeoJSON + streamed CSV + tally), on real County
/// Durham boundaries and on the generated conformance county.
///
/// Inputs, each skipped with a note when absent:
/// - `../shared/realdata/county-durham-boundaries/` next to the package (63 electoral divisions,
///   324 LSOAs; WGS84, projected here to British National Grid with `CoordinateTransform`);
/// - the generated county of `../shared/conformance/gen.py` (`wards.geojson`, `points_1m.csv`,
///   `points_10m.csv` with `--with-10m`) in `$HOTSPOT_BENCH_DATA`, else
///   `$HOTSPOT_CONFORMANCE_DATA`, else `/tmp/hotspot-data`; and the reference counts
///   `../shared/conformance/counts_wards_1m.csv`.
///
/// Checks: synthetic points must give the counts of a plain serial `firstContaining` pass made in
/// `prepare` (whose index was itself checked against every polygon's half-open test on a sample);
/// the conformance points must give the reference counts exactly. The end-to-end scenarios write
/// their counts (`code,count`, sorted by code, as the peer scripts do) to
/// `/tmp/hotspot-bench/counts_wards_{1m,10m}.csv`, for `Examples/benchmarks/compare-peers.sh`.
enum BinPointsBenchmarks {
  static var all: [Benchmark] {
    [
      buildIndex(.durhamDivisions), buildIndex(.durhamLSOAs), buildIndex(.generatedWards),
      binSynthetic(.durhamDivisions, count: 1_000_000),
      binSynthetic(.durhamDivisions, count: 10_000_000),
      binSynthetic(.durhamLSOAs, count: 1_000_000),
      binSynthetic(.durhamLSOAs, count: 10_000_000),
      binConformancePoints(),
      readAndCount(size: "1m", rows: 1_000_000, runs: 5),
      readAndCount(size: "10m", rows: 10_000_000, runs: 3),
      streamOnly(size: "1m", rows: 1_000_000, runs: 5),
      streamOnly(size: "10m", rows: 10_000_000, runs: 3),
    ]
  }

  // MARK: Scenarios

  static func buildIndex(_ source: LayerSource) -> Benchmark {
    Benchmark(
      name: "build the polygon index over the \(source.description)", runs: 5,
      prepare: {
        let layer = try source.load()
        // Fixed probe points with brute-force answers, so each build is checked in microseconds.
        let probes = samplePoints(in: layer.box, count: 500, seed: 99)
        let expected = probes.map { bruteForceFirstContaining($0, areas: layer.areas) }
        return Benchmark.Work(units: Double(layer.vertexCount), unitName: "vertices") {
          let index = PolygonIndex(areas: layer.areas)
          guard index.count == layer.areas.count else {
            throw BenchmarkCheckFailed(description: "index over \(index.count) areas")
          }
          for (point, answer) in zip(probes, expected) where index.firstContaining(point) != answer {
            throw BenchmarkCheckFailed(
              description: "index puts \(point) in \(String(describing: index.firstContaining(point)))"
                + ", the polygons say \(String(describing: answer))")
          }
        }
      })
  }

  /// Points uniform-plus-clustered over the layer's box, generated in memory; times `add` only.
  static func binSynthetic(_ source: LayerSource, count: Int) -> Benchmark {
    Benchmark(
      name: "bin \(grouped(count)) incidents into the \(source.shortDescription)",
      runs: count > 1_000_000 ? 3 : 5,
      prepare: {
        let layer = try source.load()
        let index = PolygonIndex(areas: layer.areas)
        let table = clusteredPoints(in: layer.box, count: count, seed: UInt64(count) &+ 17)
        // The index against the polygons themselves, on a sample of the points.
        for row in stride(from: 0, to: count, by: max(1, count / 20_000)) {
          let point = table.point(row)
          let fromIndex = index.firstContaining(point)
          let fromPolygons = bruteForceFirstContaining(point, areas: layer.areas)
          guard fromIndex == fromPolygons else {
            throw BenchmarkCheckFailed(
              description: "PolygonIndex puts \(point) in \(String(describing: fromIndex)), "
                + "the polygons' half-open test in \(String(describing: fromPolygons))")
          }
        }
        // The expected counts by a plain serial pass (no AreaTally, no threads).
        var expected = [Int](repeating: 0, count: layer.areas.count)
        var expectedOutside = 0
        for row in 0..<count {
          if let area = index.firstContaining(table.point(row)) {
            expected[area] += 1
          } else {
            expectedOutside += 1
          }
        }
        return Benchmark.Work(units: Double(count), unitName: "points") {
          var tally = AreaTally(areaCount: layer.areas.count)
          tally.add(table, index: index, nearest: nil)
          guard tally.counts == expected, tally.outside == expectedOutside, tally.total == count
          else {
            throw BenchmarkCheckFailed(
              description: "AreaTally: \(tally.counted) counted, \(tally.outside) outside; "
                + "the serial pass: \(expected.reduce(0, +)) counted, \(expectedOutside) outside")
          }
        }
      })
  }

  /// The conformance points (read outside the timing) into the generated wards: exact counts.
  static func binConformancePoints() -> Benchmark {
    Benchmark(
      name: "bin the 1,000,000 generated conformance points into the 60 wards", runs: 5,
      prepare: {
        let layer = try LayerSource.generatedWards.load()
        let csv = try BenchData.generatedFile("points_1m.csv")
        let expected = try referenceCounts(size: "1m", codes: layer.codes)
        let index = PolygonIndex(areas: layer.areas)
        let (table, _) = try IncidentReader.read(files: [csv], options: IncidentColumnOptions())
        guard table.count == 1_000_000, table.crs == .britishNationalGrid else {
          throw BenchmarkCheckFailed(description: "read \(table.count) rows in \(table.crs)")
        }
        return Benchmark.Work(units: Double(table.count), unitName: "points") {
          var tally = AreaTally(areaCount: layer.areas.count)
          tally.add(table, index: index, nearest: nil)
          try checkAgainstReference(tally, expected: expected, codes: layer.codes, rows: table.count)
        }
      })
  }

  /// The whole job, as a `count` command would do it: read the wards, build the index, stream the
  /// CSV in chunks and tally each, write the counts.
  static func readAndCount(size: String, rows: Int, runs: Int) -> Benchmark {
    Benchmark(
      name: "read and count \(grouped(rows)) CSV rows into 60 wards (end to end)", runs: runs,
      prepare: {
        let wards = try BenchData.generatedFile("wards.geojson")
        let csv = try BenchData.generatedFile("points_\(size).csv")
        let expected: [Int]? =
          size == "1m" ? try referenceCounts(size: size, codes: try LayerSource.generatedWards.load().codes) : nil
        let output = benchmarkFolder + "/counts_wards_\(size).csv"
        return Benchmark.Work(units: Double(rows), unitName: "rows") {
          let layer = try GeoJSONReader.read(file: wards)
          let areas = layer.collection.features.map(\.geometry)
          let codes = layer.collection.features.map { $0.properties["code"]?.text ?? "" }
          let index = PolygonIndex(areas: areas)
          var tally = AreaTally(areaCount: areas.count)
          let report = try IncidentReader.stream(file: csv, options: IncidentColumnOptions()) { chunk in
            tally.add(chunk, index: index, nearest: nil)
          }
          guard report.crsDecision.crs == .britishNationalGrid, layer.collection.crs == .britishNationalGrid,
            report.rowsWithLocation == rows, tally.total == rows, tally.counted + tally.outside == rows
          else {
            throw BenchmarkCheckFailed(
              description: "\(report.rowsWithLocation) rows read, \(tally.total) tallied")
          }
          if let expected {
            try checkAgainstReference(tally, expected: expected, codes: codes, rows: rows)
          }
          try AtomicFile.write(countsCSV(codes: codes, counts: tally.counts), to: output)
        }
      })
  }

  /// `n` with thousands separators: 1,000,000.
  static func grouped(_ n: Int) -> String {
    let digits = String(n)
    var text = ""
    for (k, digit) in digits.enumerated() {
      if k > 0 && (digits.count - k) % 3 == 0 { text += "," }
      text.append(digit)
    }
    return text
  }

  /// Reading alone (the part of the end-to-end scenario that the C floor `csvscan parse` does).
  static func streamOnly(size: String, rows: Int, runs: Int) -> Benchmark {
    Benchmark(
      name: "stream \(grouped(rows)) conformance CSV rows (reading only, no counting)", runs: runs,
      prepare: {
        let csv = try BenchData.generatedFile("points_\(size).csv")
        return Benchmark.Work(units: Double(rows), unitName: "rows") {
          var streamed = 0
          let report = try IncidentReader.stream(file: csv, options: IncidentColumnOptions()) { chunk in
            streamed += chunk.count
          }
          guard streamed == rows, report.dataRows == rows, report.crsDecision.crs == .britishNationalGrid
          else { throw BenchmarkCheckFailed(description: "streamed \(streamed) rows") }
        }
      })
  }

  // MARK: Layers

  /// A boundary layer in British National Grid, with each area's code.
  struct Layer {
    var areas: [Geometry?]
    var codes: [String]
    var box: BoundingBox
    var vertexCount: Int
  }

  enum LayerSource: CustomStringConvertible {
    case durhamDivisions
    case durhamLSOAs
    case generatedWards

    var description: String {
      switch self {
      case .durhamDivisions, .durhamLSOAs, .generatedWards:
        "\(shortDescription) (\(BinPointsBenchmarks.grouped(vertexCount)) vertices)"
      }
    }

    var shortDescription: String {
      switch self {
      case .durhamDivisions: "63 County Durham divisions"
      case .durhamLSOAs: "324 County Durham LSOAs"
      case .generatedWards: "60 generated wards"
      }
    }

    var featureCount: Int {
      switch self {
      case .durhamDivisions: 63
      case .durhamLSOAs: 324
      case .generatedWards: 60
      }
    }

    /// Positions, ring closures included (as the files' provenance notes count them).
    var vertexCount: Int {
      switch self {
      case .durhamDivisions: 8_207
      case .durhamLSOAs: 21_450
      case .generatedWards: 110_650
      }
    }

    func load() throws -> Layer {
      let path: String
      let codeProperty: String
      switch self {
      case .durhamDivisions:
        path = try BenchData.sharedFile(
          "realdata/county-durham-boundaries/wards2013_E06000047_county_durham.geojson")
        codeProperty = "WD13CD"
      case .durhamLSOAs:
        path = try BenchData.sharedFile(
          "realdata/county-durham-boundaries/lsoa2011_E06000047_county_durham.geojson")
        codeProperty = "LSOA11CD"
      case .generatedWards:
        path = try BenchData.generatedFile("wards.geojson")
        codeProperty = "code"
      }
      var collection = try GeoJSONReader.read(file: path).collection
      if collection.crs != .britishNationalGrid {
        guard let transform = CoordinateTransform(from: collection.crs, to: .britishNationalGrid)
        else { throw BenchmarkCheckFailed(description: "\(path) is in \(collection.crs)") }
        collection = transform.apply(collection)
      }
      let areas = collection.features.map(\.geometry)
      let vertices = areas.reduce(0) { $0 + ($1?.vertexCount ?? 0) }
      guard areas.count == featureCount, vertices == vertexCount else {
        throw BenchmarkCheckFailed(
          description: "\(path): \(areas.count) features and \(vertices) vertices, not \(featureCount)"
            + " and \(vertexCount)")
      }
      return Layer(
        areas: areas, codes: collection.features.map { $0.properties[codeProperty]?.text ?? "" },
        box: collection.boundingBox, vertexCount: vertices)
    }
  }

  // MARK: Points

  /// 35% uniform over `box`, 65% in 40 Gaussian clusters (σ 100–1,500 m) centred in `box`,
  /// coordinates to the centimetre like police.uk-derived data. Some cluster points fall outside.
  static func clusteredPoints(in box: BoundingBox, count: Int, seed: UInt64) -> IncidentTable {
    var rng = SplitMix64(seed: seed)
    func unit() -> Double { Double(rng.next() >> 11) * 0x1p-53 }
    let clusters = (0..<40).map { _ in
      (x: box.minX + unit() * box.width, y: box.minY + unit() * box.height, sigma: 100 + unit() * 1400)
    }
    var table = IncidentTable(crs: .britishNationalGrid)
    table.x.reserveCapacity(count)
    table.y.reserveCapacity(count)
    for _ in 0..<count {
      var x: Double
      var y: Double
      if unit() < 0.35 {
        x = box.minX + unit() * box.width
        y = box.minY + unit() * box.height
      } else {
        let c = clusters[Int(rng.next() % UInt64(clusters.count))]
        // Box–Muller: two independent normal deviates.
        let r = (-2 * Foundation.log(1 - unit())).squareRoot() * c.sigma
        let angle = 2 * Double.pi * unit()
        x = c.x + r * cos(angle)
        y = c.y + r * sin(angle)
      }
      table.x.append((x * 100).rounded() / 100)
      table.y.append((y * 100).rounded() / 100)
    }
    return table
  }

  static func samplePoints(in box: BoundingBox, count: Int, seed: UInt64) -> [Point] {
    var rng = SplitMix64(seed: seed)
    return (0..<count).map { _ in
      Point(
        x: box.minX + Double(rng.next() >> 11) * 0x1p-53 * box.width,
        y: box.minY + Double(rng.next() >> 11) * 0x1p-53 * box.height)
    }
  }

  /// The lowest-numbered area whose polygons take `point` under the half-open rule, without an index.
  static func bruteForceFirstContaining(_ point: Point, areas: [Geometry?]) -> Int? {
    areas.firstIndex { geometry in
      guard let geometry, geometry.boundingBox.contains(point) else { return false }
      return geometry.containsByHalfOpenRule(point)
    }
  }

  // MARK: Reference counts

  /// `../shared/conformance/counts_wards_<size>.csv` (`code,name,count`) as counts in `codes` order.
  static func referenceCounts(size: String, codes: [String]) throws -> [Int] {
    let path = try BenchData.sharedFile("conformance/counts_wards_\(size).csv")
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var byCode: [String: Int] = [:]
    for line in text.split(separator: "\n").dropFirst() where !line.isEmpty {
      guard let comma = line.firstIndex(of: ","), let last = line.lastIndex(of: ","),
        let count = Int(line[line.index(after: last)...])
      else { throw BenchmarkCheckFailed(description: "\(path): bad line \(line)") }
      byCode[String(line[..<comma])] = count
    }
    return try codes.map { code in
      guard let count = byCode[code] else {
        throw BenchmarkCheckFailed(description: "\(path) has no count for ward \(code)")
      }
      return count
    }
  }

  static func checkAgainstReference(_ tally: AreaTally, expected: [Int], codes: [String], rows: Int)
    throws
  {
    guard tally.counts == expected, tally.total == rows, tally.outside == rows - expected.reduce(0, +)
    else {
      let wrong = codes.indices.filter { tally.counts[$0] != expected[$0] }
        .prefix(5).map { "\(codes[$0]) \(tally.counts[$0]) (reference \(expected[$0]))" }
      throw BenchmarkCheckFailed(
        description: "counts differ from the conformance reference: \(wrong.joined(separator: ", "));"
          + " outside \(tally.outside), reference \(rows - expected.reduce(0, +))")
    }
  }

  /// `code,count` sorted by code, every area listed: the peer scripts' output format.
  static func countsCSV(codes: [String], counts: [Int]) -> String {
    var text = "code,count\n"
    for k in codes.indices.sorted(by: { codes[$0] < codes[$1] }) { text += "\(codes[k]),\(counts[k])\n" }
    return text
  }
}

/// Where the benchmark's input files are.
enum BenchData {
  /// The package root: the current directory when it holds Package.swift, else the one this
  /// source file was compiled from.
  static let packageRoot: String = {
    let current = FileManager.default.currentDirectoryPath
    if FileManager.default.fileExists(atPath: current + "/Package.swift") { return current }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().path
  }()

  /// The generated conformance county: `$HOTSPOT_BENCH_DATA`, else `$HOTSPOT_CONFORMANCE_DATA`
  /// (as the tests), else `/tmp/hotspot-data`.
  static let generatedFolder =
    ProcessInfo.processInfo.environment["HOTSPOT_BENCH_DATA"]
    ?? ProcessInfo.processInfo.environment["HOTSPOT_CONFORMANCE_DATA"] ?? "/tmp/hotspot-data"

  /// A file under `../shared/` next to the package root; skipped when absent.
  static func sharedFile(_ relative: String) throws -> String {
    let path = packageRoot + "/../shared/" + relative
    guard FileManager.default.fileExists(atPath: path) else {
      throw BenchmarkSkipped(description: "\(path) is absent")
    }
    return path
  }

  /// A file of the generated county; skipped, with how to make it, when absent.
  static func generatedFile(_ name: String) throws -> String {
    let path = generatedFolder + "/" + name
    guard FileManager.default.fileExists(atPath: path) else {
      throw BenchmarkSkipped(
        description: "\(path) is absent (make it with ../shared/conformance/gen.py --out \(generatedFolder)"
          + (name.contains("10m") ? " --with-10m)" : ")"))
    }
    return path
  }
}
