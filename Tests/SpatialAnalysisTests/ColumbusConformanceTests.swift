import Foundation
import GeoCore
import GeoIO
import SpatialAnalysis
import TestSupport
import Testing

/// libpysal's Columbus data and the esda reference values in shared/realdata.
enum Columbus {
  static let folder = TestData.realData("libpysal-columbus")

  struct Data {
    var polyID: [Int]
    var crime: [Double]
    var geometries: [Geometry]
  }

  static func load() throws -> Data {
    let url = try #require(folder).appendingPathComponent("columbus.json")
    let layer = try GeoJSONReader.read(file: url.path, declaredCRS: .planar)
    let features = layer.collection.features
    return Data(
      polyID: try features.map { try #require($0.properties["POLYID"]?.number).rounded() }.map { Int($0) },
      crime: try features.map { try #require($0.properties["CRIME"]?.number) },
      geometries: try features.map { try #require($0.geometry) })
  }

  /// The GAL file as neighbour id lists: `n`, then per feature `id count` and a line of ids.
  static func gal() throws -> [Int: Set<Int>] {
    let text = try String(contentsOf: try #require(folder).appendingPathComponent("columbus.gal"), encoding: .utf8)
    let numbers = text.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
    var position = 1
    var result: [Int: Set<Int>] = [:]
    for _ in 0..<(numbers.first ?? 0) {
      let id = numbers[position]
      let count = numbers[position + 1]
      result[id] = Set(numbers[(position + 2)..<(position + 2 + count)])
      position += 2 + count
    }
    return result
  }

  static func reference() throws -> [String: Any] {
    let url = try #require(folder).appendingPathComponent("REFERENCE-values.json")
    let document = try #require(
      try JSONSerialization.jsonObject(with: Foundation.Data(contentsOf: url)) as? [String: Any])
    return try #require(document["esda"] as? [String: Any])
  }
}

@Suite(
  "Columbus against libpysal and esda",
  .enabled(if: Columbus.folder != nil, "shared/realdata/libpysal-columbus is absent"))
struct ColumbusConformanceTests {
  @Test("queen neighbours computed from the polygons equal columbus.gal", arguments: [0.0, 1e-6])
  func queenEqualsGAL(tolerance: Double) throws {
    let data = try Columbus.load()
    let w = SpatialWeights.contiguity(areas: data.geometries, rule: .queen, tolerance: tolerance)
    let gal = try Columbus.gal()
    #expect(gal.count == 49)
    for i in 0..<w.count {
      let ours = Set(w.neighbours(of: i).map { data.polyID[$0] })
      #expect(ours == gal[data.polyID[i]], "POLYID \(data.polyID[i])")
    }
  }

  @Test("Gi* z with binary queen weights and self equals esda G_Local(star=True) to 1e-9")
  func giStar() throws {
    let data = try Columbus.load()
    let w = SpatialWeights.contiguity(areas: data.geometries, rule: .queen, tolerance: 0)
    let r = GetisOrdGiStar.compute(values: data.crime, weights: w)
    let block = try #require(Columbus.reference()["GiStar_binary_queen_with_self"] as? [String: Any])
    let z = try #require(block["z_by_POLYID"] as? [String: Double])
    let p = try #require(block["p_norm_one_sided_by_POLYID"] as? [String: Double])
    #expect(z.count == 49)
    for i in 0..<49 {
      let key = String(data.polyID[i])
      #expect(isClose(r.z[i], try #require(z[key]), tolerance: 1e-9), "POLYID \(key)")
      #expect(isClose(r.p[i], 2 * (try #require(p[key])), tolerance: 1e-9), "POLYID \(key)")
    }
  }

  @Test("Moran's I with row-standardised queen weights equals esda Moran to 1e-9")
  func moran() throws {
    let data = try Columbus.load()
    let w = SpatialWeights.contiguity(areas: data.geometries, rule: .queen, tolerance: 0).transformed(.row)
    let m = MoransI.compute(values: data.crime, weights: w, permutations: 999, seed: 7)
    let ref = try #require(Columbus.reference()["Moran_queen_rowstd"] as? [String: Double])
    let pairs: [(String, Double)] = [
      ("I", m.i), ("EI", m.expected), ("VI_norm", m.varianceNormal), ("z_norm", m.zNormal),
      ("p_norm", m.pNormal), ("VI_rand", m.varianceRandom), ("z_rand", m.zRandom), ("p_rand", m.pRandom),
    ]
    for (key, ours) in pairs {
      #expect(isClose(ours, try #require(ref[key]), tolerance: 1e-9), "\(key): \(ours)")
    }
    #expect(m.pSim == 0.001)
  }
}

@Suite("County Durham wards")
struct DurhamWeightsTests {
  static let wards = TestData.realData("county-durham-boundaries/wards2013_E06000047_county_durham.geojson")

  @Test(
    "queen weights on the divisions in British National Grid: every division has a neighbour, none itself",
    .enabled(if: wards != nil, "shared/realdata/county-durham-boundaries is absent"))
  func durhamQueen() throws {
    let layer = try GeoJSONReader.read(file: try #require(Self.wards).path)
    let transform = try #require(CoordinateTransform(from: layer.collection.crs, to: .britishNationalGrid))
    let areas = layer.collection.features.compactMap { $0.geometry?.mapPoints(transform.apply) }
    #expect(areas.count == layer.collection.features.count)
    let queen = SpatialWeights.contiguity(areas: areas, rule: .queen, tolerance: 1)
    #expect(queen.islands.isEmpty)
    #expect(queen.isSymmetric)
    for i in 0..<queen.count { #expect(!queen.neighbours(of: i).contains(i)) }
    #expect(queen.meanNeighbours > 3 && queen.meanNeighbours < 9)
    let rook = SpatialWeights.contiguity(areas: areas, rule: .rook, tolerance: 1)
    for i in 0..<rook.count { #expect(Set(rook.neighbours(of: i)).isSubset(of: Set(queen.neighbours(of: i)))) }
  }
}
