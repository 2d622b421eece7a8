import Foundation
import GeoCore
import GeoIO

/// The GeoJSON fixtures under `Fixtures/geojson/`, read through the test bundle.
enum GeoJSONFixture {
  /// The path of fixture `name`: in the copied resource bundle, or beside this file as a fallback.
  static func path(_ name: String) -> String {
    let folder =
      Bundle.module.url(forResource: "Fixtures", withExtension: nil)
      ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures")
    return folder.appendingPathComponent("geojson").appendingPathComponent(name).path
  }

  /// Reads fixture `name`.
  static func read(_ name: String, declaredCRS: CRS? = nil) throws(InputError) -> BoundaryLayer {
    try GeoJSONReader.read(file: path(name), declaredCRS: declaredCRS)
  }

  /// The error reading fixture `name` throws, or nil when it reads.
  static func error(_ name: String, declaredCRS: CRS? = nil) -> InputError? {
    do {
      _ = try read(name, declaredCRS: declaredCRS)
      return nil
    } catch {
      return error
    }
  }

  /// The error reading `text` throws, or nil when it reads.
  static func error(text: String) -> InputError? {
    do {
      _ = try GeoJSONReader.read(bytes: Array(text.utf8), name: "test.geojson")
      return nil
    } catch {
      return error
    }
  }
}

/// Where and why an error happened, without the file name: what error tests compare.
struct ErrorPlace: Equatable, CustomStringConvertible {
  var line: Int?
  var feature: Int?
  var field: String?
  var reason: InputError.Reason

  init(line: Int?, feature: Int?, field: String?, reason: InputError.Reason) {
    self.line = line
    self.feature = feature
    self.field = field
    self.reason = reason
  }

  init?(_ error: InputError?) {
    guard let error else { return nil }
    self.init(line: error.line, feature: error.feature, field: error.field, reason: error.reason)
  }

  var description: String {
    "line \(line.map(String.init) ?? "-"), feature \(feature.map(String.init) ?? "-"), "
      + "field \(field ?? "-"): \(reason)"
  }
}
