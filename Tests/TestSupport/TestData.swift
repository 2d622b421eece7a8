import Foundation

/// Where tests find their data: the package's own fixtures, `../shared/` beside the checkout, and
/// the generated conformance data (`HOTSPOT_CONFORMANCE_DATA`, by default `/tmp/hotspot-data`).
///
/// Tests that need data which is absent skip with a message through `.enabled(if:_:)`.
public enum TestData {
  /// The package root (the folder holding `Package.swift`).
  public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `../shared` beside the package, or `HOTSPOT_SHARED` if set; nil when absent.
  public static let shared: URL? = {
    let env = ProcessInfo.processInfo.environment["HOTSPOT_SHARED"]
    let url =
      env.map { URL(fileURLWithPath: $0) }
      ?? packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    return directoryExists(url) ? url : nil
  }()

  /// `shared/realdata/<name>` when present.
  public static func realData(_ name: String) -> URL? {
    guard let url = shared?.appendingPathComponent("realdata").appendingPathComponent(name),
      FileManager.default.fileExists(atPath: url.path)
    else { return nil }
    return url
  }

  /// `shared/conformance/<name>` (the reference results) when present.
  public static func conformanceReference(_ name: String) -> URL? {
    guard let url = shared?.appendingPathComponent("conformance").appendingPathComponent(name),
      FileManager.default.fileExists(atPath: url.path)
    else { return nil }
    return url
  }

  /// The generated conformance inputs (`wards.geojson`, `points_*.csv`): `HOTSPOT_CONFORMANCE_DATA`
  /// or `/tmp/hotspot-data`, when the named file exists there.
  public static func generated(_ name: String) -> URL? {
    let folder = ProcessInfo.processInfo.environment["HOTSPOT_CONFORMANCE_DATA"] ?? "/tmp/hotspot-data"
    let url = URL(fileURLWithPath: folder).appendingPathComponent(name)
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }

  /// A file under `GeoData/` in the package.
  public static func geoData(_ name: String) -> URL {
    packageRoot.appendingPathComponent("GeoData").appendingPathComponent(name)
  }

  private static func directoryExists(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }
}

/// True when `a` and `b` differ by at most `tolerance` (absolute). Never use `==` on computed doubles.
public func isClose(_ a: Double, _ b: Double, tolerance: Double) -> Bool {
  abs(a - b) <= tolerance
}
