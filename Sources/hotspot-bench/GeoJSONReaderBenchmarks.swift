import Foundation
import GeoCore
import GeoIO
import SpatialAnalysis

/// GeoJSON read speed in MB/s on a large generated boundary file.
enum GeoJSONReaderBenchmarks {
  static let featureCount = 4_000
  static let verticesPerRing = 1_000

  static var all: [Benchmark] {
    [
      Benchmark(
        name: "read a 4,000-polygon GeoJSON file (4,000,000 vertices)", runs: 3,
        prepare: {
          let path = try largeFile()
          let bytes = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
          return Benchmark.Work(units: Double(bytes) / 1e6, unitName: "MB") {
            let layer = try GeoJSONReader.read(file: path)
            let vertices = layer.collection.features.reduce(0) { $0 + ($1.geometry?.vertexCount ?? 0) }
            guard layer.collection.features.count == featureCount,
              vertices == featureCount * (verticesPerRing + 1),
              layer.crsDecision.crs == .britishNationalGrid
            else { throw BenchmarkCheckFailed(description: "read \(vertices) vertices") }
          }
        })
    ]
  }

  /// Wiggly polygons on an 80 × 50 grid of 1 km cells in British National Grid, coordinates to the
  /// centimetre, written by our own writer once and kept under /tmp.
  static func largeFile() throws -> String {
    let path = benchmarkFolder + "/large-\(featureCount)x\(verticesPerRing).geojson"
    if FileManager.default.fileExists(atPath: path) { return path }
    var rng = SplitMix64(seed: 2024)
    var features: [Feature] = []
    for index in 0..<featureCount {
      let cx = 400_000.0 + Double(index % 80) * 1000 + 500
      let cy = 500_000.0 + Double(index / 80) * 1000 + 500
      var points: [Point] = []
      for k in 0..<verticesPerRing {
        let angle = 2 * Double.pi * Double(k) / Double(verticesPerRing)
        let radius = 400 + Double(rng.next() % 8000) / 100
        points.append(Point(x: cx + radius * cos(angle), y: cy + radius * sin(angle)))
      }
      points.append(points[0])
      let ring = try Ring(closed: points)
      features.append(
        Feature(
          geometry: .polygon(Polygon(exterior: ring)),
          properties: Properties([("code", .string("E0500\(index)")), ("population", .number(Double(1000 + index)))])))
    }
    let text = GeoJSONWriter.write(FeatureCollection(features: features, crs: .britishNationalGrid), precision: 2)
    try AtomicFile.write(text, to: path)
    return path
  }
}
