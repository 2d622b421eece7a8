import Foundation
import GeoCore
import GeoIO
import SpatialAnalysis
import TestSupport
import Testing

/// The boundary files as users get them: read back from `GeoData/` with `GeoJSONReader`.
@Suite("the sample county's boundaries")
struct PartitionTests {
  static let divisions = readLayer("divisions.geojson")
  static let areas = readLayer("areas.geojson")

  static func readLayer(_ name: String) -> FeatureCollection {
    do {
      return try GeoJSONReader.read(file: TestData.geoData(name).path).collection
    } catch {
      preconditionFailure("\(error)")
    }
  }

  @Test(
    "about 60 divisions and 12 areas, in British National Grid, one with a hole, one in two parts")
  func shape() {
    #expect(Self.divisions.features.count == 60)
    #expect(Self.areas.features.count == 12)
    #expect(Self.divisions.crs == .britishNationalGrid && Self.areas.crs == .britishNationalGrid)
    let geometries = Self.divisions.features.compactMap(\.geometry)
    #expect(geometries.filter { $0.polygons.count > 1 }.count == 1)
    #expect(geometries.flatMap(\.polygons).filter { !$0.holes.isEmpty }.count == 1)
    let names = Self.divisions.features.compactMap { $0.properties["name"]?.text }
    #expect(names.contains { $0.contains("&") } && names.contains { $0.contains("'") })
    let populations = Self.divisions.features.compactMap { $0.properties["population"]?.number }
    #expect(populations.count == 60 && populations.allSatisfy { (3_000...12_000).contains($0) })
  }

  @Test(
    "20,000 random points each lie in at most one division, and in one exactly when in its area")
  func partition() {
    let divisions = Locator(Self.divisions)
    let areas = Locator(Self.areas)
    let areaCodes = Self.areas.features.map { $0.properties["code"]?.text }
    let divisionAreas = Self.divisions.features.map { $0.properties["area_code"]?.text }
    let box = areas.boundingBox
    var rng = SplitMix64(seed: 27_700)
    var inside = 0
    for _ in 0..<20_000 {
      let point = Point(
        x: box.minX + Double(rng.next() >> 11) * 0x1p-53 * box.width,
        y: box.minY + Double(rng.next() >> 11) * 0x1p-53 * box.height)
      let inDivisions = divisions.allContaining(point)
      let inAreas = areas.allContaining(point)
      #expect(inDivisions.count <= 1 && inAreas.count <= 1, "\(point)")
      #expect(inDivisions.count == inAreas.count, "\(point)")
      if let division = inDivisions.first, let area = inAreas.first {
        #expect(divisionAreas[division] == areaCodes[area], "\(point)")
        inside += 1
      }
    }
    #expect(inside > 10_000)
  }

  @Test("neighbours share bit-identical vertices, and the areas are dissolved along them")
  func sharedEdges() {
    // Rings as written: exteriors counter-clockwise, holes clockwise, the inside on the left.
    var owner: [Segment: Int] = [:]
    var duplicates = 0
    for (index, feature) in Self.divisions.features.enumerated() {
      for segment in Segment.all(in: feature.geometry) {
        if owner.updateValue(index, forKey: segment) != nil { duplicates += 1 }
      }
    }
    #expect(duplicates == 0, "segments walked the same way twice")
    let areaOf = Self.divisions.features.map { $0.properties["area_code"]?.text }
    let areaSegments = Set(Self.areas.features.flatMap { Segment.all(in: $0.geometry) })

    // A division edge is walked back by exactly one neighbour (bit-identical vertices) or lies on
    // the county's edge; it is on an area boundary, walked the same way, exactly when the
    // neighbour is in another area or there is none. Every area edge is a division edge.
    var shared = 0
    for (segment, division) in owner {
      if let neighbour = owner[segment.reversed] {
        shared += 1
        #expect(
          areaSegments.contains(segment) == (areaOf[division] != areaOf[neighbour]), "\(segment)")
      } else {
        #expect(areaSegments.contains(segment), "\(segment) is on the county's edge but no area's")
      }
    }
    #expect(shared > owner.count / 2)
    #expect(areaSegments.allSatisfy { owner[$0] != nil })
  }

  @Test("populations add up: areas sum their divisions, neighbourhoods sum to their division")
  func populations() throws {
    let lookup = try csvRows("division-lookup.csv")
    #expect(lookup.first == ["division_code", "area_code"])
    var areaOfDivision: [String: String] = [:]
    for row in lookup.dropFirst() { areaOfDivision[row[0]] = row[1] }

    var sums: [String: Double] = [:]
    for feature in Self.divisions.features {
      let code = try #require(feature.properties["code"]?.text)
      let area = try #require(feature.properties["area_code"]?.text)
      #expect(areaOfDivision[code] == area)
      sums[area, default: 0] += try #require(feature.properties["population"]?.number)
    }
    for feature in Self.areas.features {
      let code = try #require(feature.properties["code"]?.text)
      #expect(feature.properties["population"]?.number == sums[code], "\(code)")
    }

    let centroids = try csvRows("lsoa-centroids.csv")
    #expect(centroids.first == ["code", "easting", "northing", "population"])
    #expect((250...350).contains(centroids.count - 1))
    let locator = Locator(Self.divisions)
    var byDivision = Array(repeating: 0.0, count: Self.divisions.features.count)
    for row in centroids.dropFirst() {
      let point = Point(x: try #require(Double(row[1])), y: try #require(Double(row[2])))
      let division = try #require(locator.allContaining(point).first, "\(row[0]) is outside")
      byDivision[division] += try #require(Double(row[3]))
    }
    for (index, feature) in Self.divisions.features.enumerated() {
      #expect(byDivision[index] == feature.properties["population"]?.number, "division \(index)")
    }
  }

  @Test("the licensing zones cut across division boundaries")
  func zonesCrossBoundaries() throws {
    let zones = Self.readLayer("licensing-zones.geojson")
    #expect(zones.features.count == 3)
    let locator = Locator(Self.divisions)
    for zone in zones.features {
      let ring = try #require(zone.geometry?.polygons.first?.exterior.points)
      let touched = Set(ring.compactMap { locator.allContaining($0).first })
      #expect(touched.count >= 2, "\(zone.properties["name"]?.text ?? "")")
      #expect(zone.properties["designated"]?.text?.count == 10)
    }
  }
}

/// Areas containing a point by the half-open rule, through a bounding-box filter: a brute-force
/// check of the data, on purpose independent of `PolygonIndex`.
struct Locator {
  let geometries: [Geometry]
  let boxes: [BoundingBox]

  init(_ collection: FeatureCollection) {
    geometries = collection.features.compactMap(\.geometry)
    boxes = geometries.map(\.boundingBox)
  }

  var boundingBox: BoundingBox { boxes.reduce(.empty) { $0.union($1) } }

  func allContaining(_ point: Point) -> [Int] {
    geometries.indices.filter {
      boxes[$0].contains(point) && geometries[$0].containsByHalfOpenRule(point)
    }
  }
}

/// A directed edge between two consecutive vertices of a ring, compared bit for bit.
struct Segment: Hashable, CustomStringConvertible {
  var from: Point
  var to: Point

  var reversed: Segment { Segment(from: to, to: from) }
  var description: String { "\(from)→\(to)" }

  /// Every edge of every ring of `geometry`, exteriors counter-clockwise and holes clockwise (as
  /// `GeoJSONWriter` writes them), so that the inside is always on the left.
  static func all(in geometry: Geometry?) -> [Segment] {
    (geometry?.polygons ?? []).flatMap { polygon in
      polygon.orientedByRightHandRule().rings.flatMap { ring in
        zip(ring.points, ring.points.dropFirst()).map { Segment(from: $0, to: $1) }
      }
    }
  }
}

/// The records of a small `GeoData/` CSV file without quoted fields.
func csvRows(_ name: String) throws -> [[String]] {
  let text = try String(contentsOf: TestData.geoData(name), encoding: .utf8)
  return text.split(separator: "\n").map {
    $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
  }
}
