import Foundation
import TestSupport

/// One row of `shared/conformance/proj_ref20.csv`: PROJ 9's results for the British National Grid
/// pipeline (inverse TM on Airy 1830, then EPSG:1314 Helmert to WGS84, then back).
struct ProjectionReference: Sendable {
  var id: Int
  var label: String
  var easting: Double
  var northing: Double
  var lonOSGB36: Double
  var latOSGB36: Double
  var lonWGS84: Double
  var latWGS84: Double
  var eastingBack: Double
  var northingBack: Double

  /// The file's name under `shared/conformance/`.
  static let fileName = "proj_ref20.csv"

  /// Every row of the file, or an empty list when it is absent or unreadable (tests that use it are
  /// disabled when it is absent, and check that rows were read).
  static let rows: [ProjectionReference] = {
    guard let url = TestData.conformanceReference(fileName),
      let text = try? String(contentsOf: url, encoding: .utf8)
    else { return [] }
    return text.split(whereSeparator: \.isNewline).dropFirst().compactMap(parse)
  }()

  /// A row: `id,"label",easting,northing,lon_osgb36,lat_osgb36,lon_wgs84,lat_wgs84,easting_back,
  /// northing_back,roundtrip_m`. Only the label is quoted, and it may hold commas.
  private static func parse(_ line: Substring) -> ProjectionReference? {
    guard let open = line.firstIndex(of: "\""), let close = line.lastIndex(of: "\""), open < close
    else { return nil }
    let label = String(line[line.index(after: open)..<close])
    let head = line[..<open].split(separator: ",")
    let numbers = line[line.index(after: close)...].split(separator: ",").compactMap { Double($0) }
    guard head.count == 1, let id = Int(head[0]), numbers.count == 9 else { return nil }
    return ProjectionReference(
      id: id, label: label, easting: numbers[0], northing: numbers[1],
      lonOSGB36: numbers[2], latOSGB36: numbers[3], lonWGS84: numbers[4], latWGS84: numbers[5],
      eastingBack: numbers[6], northingBack: numbers[7])
  }
}
