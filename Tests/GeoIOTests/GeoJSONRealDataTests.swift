import GeoCore
import GeoIO
import TestSupport
import Testing

/// Positions over all rings and points, ring closures included (what shapely and GDAL count).
private func positionCount(_ layer: BoundaryLayer) -> Int {
  layer.collection.features.reduce(0) { total, feature in
    guard let geometry = feature.geometry else { return total }
    let ringPositions = geometry.polygons.reduce(0) { sum, polygon in
      polygon.rings.reduce(sum) { $0 + $1.points.count }
    }
    return total + ringPositions + geometry.points.count
  }
}

/// `Geometry.vertexCount` summed: ring closures not counted.
private func vertexCount(_ layer: BoundaryLayer) -> Int {
  layer.collection.features.reduce(0) { $0 + ($1.geometry?.vertexCount ?? 0) }
}

private func typeCounts(_ layer: BoundaryLayer) -> [String] {
  layer.geometryTypeCounts.map { "\($0.type) \($0.count)" }
}

/// The files used, under `shared/realdata`.
private enum RealFile {
  static let durhamWards = "county-durham-boundaries/wards2013_E06000047_county_durham.geojson"
  static let durhamLSOAs = "county-durham-boundaries/lsoa2011_E06000047_county_durham.geojson"
  static let northumbria = "northumbria-2017-02/postcode.geo.json"
  static let columbus = "libpysal-columbus/columbus.json"
  static let baltimore = "libpysal-baltimore/baltimore.geojson"
}

/// Real boundary files from `shared/realdata`, read in place; skipped when the folder is absent.
@Suite("GeoJSON reader on real files")
struct GeoJSONRealDataTests {
  @Test(
    "County Durham's 63 divisions of 2013 are polygons in WGS84, by their crs member",
    .enabled(if: TestData.realData(RealFile.durhamWards) != nil, "shared/realdata is absent"))
  func durhamWards() throws {
    let url = try #require(TestData.realData(RealFile.durhamWards))
    let layer = try GeoJSONReader.read(file: url.path)
    let crs84 = "urn:ogc:def:crs:OGC:1.3:CRS84"
    #expect(layer.collection.features.count == 63)
    #expect(typeCounts(layer) == ["Polygon 63"])
    #expect(layer.declaredCRSText == crs84)
    #expect(layer.crsDecision == CRSDecision(crs: .wgs84, rule: .crsMember(crs84)))
    #expect(layer.collection.crs == .wgs84)
    #expect(layer.problems.isEmpty)
    let first = try #require(layer.collection.features.first)
    #expect(first.properties.names == ["WD13CD", "WD13CDO", "WD13NM", "WD13NMW"])
    #expect(first.properties["WD13CD"] == .string("E05009030"))
    #expect(first.properties["WD13NM"] == .string("Annfield Plain"))
    #expect(first.properties["WD13NMW"] == .null)
    #expect(vertexCount(layer) == 8_207)
    #expect(positionCount(layer) == 8_207)
    let box = layer.collection.boundingBox
    #expect(box.minX > -2.36 && box.maxX < -1.24 && box.minY > 54.45 && box.maxY < 54.92)
    #expect(layer.byteCount == 371_233)
  }

  @Test(
    "County Durham's 324 LSOAs: 322 polygons, 2 multipolygons, 6 with holes",
    .enabled(if: TestData.realData(RealFile.durhamLSOAs) != nil, "shared/realdata is absent"))
  func durhamLSOAs() throws {
    let url = try #require(TestData.realData(RealFile.durhamLSOAs))
    let layer = try GeoJSONReader.read(file: url.path)
    #expect(layer.collection.features.count == 324)
    #expect(typeCounts(layer) == ["Polygon 322", "MultiPolygon 2"])
    let polygons = layer.collection.features.flatMap { $0.geometry?.polygons ?? [] }
    #expect(polygons.filter { !$0.holes.isEmpty }.count == 6)
    // 21,450 positions as shapely counts them; Geometry.vertexCount leaves out each ring's closure.
    #expect(positionCount(layer) == 21_450)
    #expect(vertexCount(layer) == 21_450)
    #expect(layer.collection.crs == .wgs84)
  }

  @Test(
    "Northumbria postcode districts have no crs member and are read as BNG from their range",
    .enabled(if: TestData.realData(RealFile.northumbria) != nil, "shared/realdata is absent"))
  func northumbriaPostcodes() throws {
    let url = try #require(TestData.realData(RealFile.northumbria))
    let layer = try GeoJSONReader.read(file: url.path)
    #expect(layer.collection.features.count == 59)
    #expect(typeCounts(layer) == ["Polygon 47", "MultiPolygon 12"])
    #expect(layer.declaredCRSText == nil)
    #expect(layer.crsDecision == CRSDecision(crs: .britishNationalGrid, rule: .coordinateRangeBNG))
    #expect(vertexCount(layer) == 101_059)
    #expect(layer.collection.features.first?.properties["label"] == .string("NE18"))
  }

  @Test(
    "Columbus's small planar numbers fit lon/lat, so they are WGS84 unless declared planar",
    .enabled(if: TestData.realData(RealFile.columbus) != nil, "shared/realdata is absent"))
  func columbus() throws {
    let url = try #require(TestData.realData(RealFile.columbus))
    let layer = try GeoJSONReader.read(file: url.path)
    #expect(layer.collection.features.count == 49)
    #expect(typeCounts(layer) == ["Polygon 49"])
    #expect(layer.crsDecision == CRSDecision(crs: .wgs84, rule: .geoJSONDefault))
    #expect(layer.collection.features.first?.properties["NEIG"] == .number(5))
    let planar = try GeoJSONReader.read(file: url.path, declaredCRS: .planar)
    #expect(planar.crsDecision == CRSDecision(crs: .planar, rule: .declaredByUser))
    #expect(planar.collection.crs == .planar)
  }

  @Test(
    "Baltimore claims CRS84 but holds planar numbers: refused unless declared planar",
    .enabled(if: TestData.realData(RealFile.baltimore) != nil, "shared/realdata is absent"))
  func baltimore() throws {
    let url = try #require(TestData.realData(RealFile.baltimore))
    #expect {
      try GeoJSONReader.read(file: url.path)
    } throws: { error in
      guard let error = error as? InputError,
        case .coordinateOutOfRange(let value, _) = error.reason
      else { return false }
      return value == 907 && error.feature == 0 && error.field == "features[0].geometry.coordinates"
        && error.description.contains("--crs")
    }
    let layer = try GeoJSONReader.read(file: url.path, declaredCRS: .planar)
    #expect(layer.collection.features.count == 211)
    #expect(typeCounts(layer) == ["Point 211"])
    #expect(layer.declaredCRSText == "urn:ogc:def:crs:OGC:1.3:CRS84")
  }

  @Test(
    "the generated wards: 60 features, 3 multipolygons, 110,650 positions, BNG by crs member",
    .enabled(if: TestData.generated("wards.geojson") != nil, "no generated conformance data"))
  func generatedWards() throws {
    let url = try #require(TestData.generated("wards.geojson"))
    let layer = try GeoJSONReader.read(file: url.path)
    #expect(layer.collection.features.count == 60)
    #expect(layer.geometryTypeCounts.first { $0.type == "MultiPolygon" }?.count == 3)
    #expect(positionCount(layer) == 110_650)
    #expect(layer.crsDecision.crs == .britishNationalGrid)
    #expect(layer.crsDecision.rule == .crsMember("urn:ogc:def:crs:EPSG::27700"))
  }
}
