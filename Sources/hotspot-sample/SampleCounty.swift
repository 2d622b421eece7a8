import Foundation
import GeoCore
import GeoIO

/// The synthetic sample county in `GeoData/`: every file, made from one seed, the same bytes on
/// every run and machine.
///
/// ## How it stays byte-stable
/// - All randomness comes from `Draw` streams of one seeded `SplitMix64`, with the draws written
///   out (no standard-library `random` algorithms, which may change between releases).
/// - Boundary coordinates are whole decimetres and other positions whole metres, made with integer
///   arithmetic; densities and weights use only `+ − × ÷` and `√`, which IEEE 754 rounds the same
///   everywhere. The only trigonometry is `BritishNationalGrid.unproject` for the police file's
///   longitudes and latitudes, rounded to six decimals (0.1 m) as police.uk does.
/// - Nothing is ordered by `Dictionary` or `Set` iteration; fractions are written by `NumberText`;
///   there are no timestamps.
///
/// ## Example
///
///     try SampleCounty.write(to: "GeoData")
enum SampleCounty {
  static let seed: UInt64 = 20_230_101

  /// One stream of draws per part, so that changing one part leaves the others as they were.
  enum Stream: UInt64 {
    case lattice = 1
    case divisions
    case areas
    case neighbourhoods
    case snapPoints
    case police
    case council
    case indicators
    case zones
    case cctv

    var draw: Draw { Draw(stream: rawValue) }
  }

  /// Every file of the sample, in the order written.
  static func files() -> [(name: String, bytes: [UInt8])] {
    var draw = Stream.lattice.draw
    var lattice = Lattice(draw: &draw)
    draw = Stream.divisions.draw
    var divisions = Divisions.make(lattice: &lattice, draw: &draw)
    draw = Stream.areas.draw
    let areas = Areas.make(divisions: &divisions, graph: lattice.graph, draw: &draw)
    draw = Stream.neighbourhoods.draw
    let neighbourhoods = Neighbourhoods.make(divisions: divisions, draw: &draw)
    draw = Stream.snapPoints.draw
    let snaps = SnapPoints.make(divisions: divisions, neighbourhoods: neighbourhoods, draw: &draw)
    draw = Stream.police.draw
    let police = PoliceIncidents.make(snaps: snaps, draw: &draw)
    draw = Stream.council.draw
    let council = CouncilASB.make(snaps: snaps, draw: &draw)
    draw = Stream.indicators.draw
    let indicators = Indicators.render(
      divisions: divisions, rows: police, snaps: snaps, draw: &draw)
    draw = Stream.zones.draw
    let zones = LicensingZone.make(draw: &draw)
    draw = Stream.cctv.draw
    let cameras = CCTVSites.make(draw: &draw)

    let divisionFeatures = divisions.map { division in
      Feature(
        geometry: division.geometry,
        properties: Properties([
          ("code", .string(division.code)), ("name", .string(division.name)),
          ("population", .number(Double(division.population))),
          ("area_code", .string(areas[division.area].code)),
        ]))
    }
    let areaFeatures = areas.map { area in
      Feature(
        geometry: area.geometry,
        properties: Properties([
          ("code", .string(area.code)), ("name", .string(area.name)),
          ("population", .number(Double(area.population))),
        ]))
    }
    let lookup = divisions.map { [$0.code, areas[$0.area].code] }
    let centroids = neighbourhoods.map {
      [$0.code, String($0.position.x / 10), String($0.position.y / 10), String($0.population)]
    }

    return [
      ("divisions.geojson", geoJSON(divisionFeatures)),
      ("areas.geojson", geoJSON(areaFeatures)),
      ("division-lookup.csv", csv(["division_code", "area_code"], lookup)),
      ("lsoa-centroids.csv", csv(["code", "easting", "northing", "population"], centroids)),
      ("indicators.csv", indicators),
      ("licensing-zones.geojson", geoJSON(zones)),
      ("cctv-sites.csv", CCTVSites.render(cameras)),
      ("incidents-police.csv", PoliceIncidents.render(police, snaps: snaps)),
      ("asb-council.csv", CouncilASB.render(council)),
    ]
  }

  /// Writes every file into `folder` (created if absent), each atomically.
  /// - Returns: the names of the files written.
  /// - Throws: the folder's creation error, or `AtomicFile.WriteError` for a file.
  @discardableResult
  static func write(to folder: String) throws -> [String] {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let files = files()
    for file in files {
      try AtomicFile.write(file.bytes, to: (folder as NSString).appendingPathComponent(file.name))
    }
    return files.map(\.name)
  }

  /// A British National Grid feature collection, coordinates to the decimetre.
  private static func geoJSON(_ features: [Feature]) -> [UInt8] {
    Array(
      GeoJSONWriter.write(
        FeatureCollection(features: features, crs: .britishNationalGrid), precision: 1
      )
      .utf8)
  }

  private static func csv(_ header: [String], _ rows: [[String]]) -> [UInt8] {
    var text = CSVText()
    text.row(header)
    for row in rows { text.row(row) }
    return text.bytes
  }
}
