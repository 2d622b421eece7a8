import Foundation

/// Where the CSV tests find their fixtures and write their scratch files.
enum CSVFixture {
  /// The path of `Fixtures/csv/<name>` in the test bundle (`Bundle.module`: on Linux the
  /// resources sit in a `<package>_GeoIOTests.resources` folder beside the test binary).
  static func path(_ name: String) -> String {
    guard let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
      return "Fixtures/csv/" + name
    }
    return folder.appendingPathComponent("csv").appendingPathComponent(name).path
  }

  /// A fresh empty folder under the temporary directory; the caller removes it.
  static func scratchFolder() -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("hotspot-csv-tests-" + UUID().uuidString)
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  /// Writes `bytes` to `name` in `folder` and returns its path.
  @discardableResult
  static func write(_ bytes: [UInt8], to name: String, in folder: URL) -> String {
    let url = folder.appendingPathComponent(name)
    _ = FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
    return url.path
  }

  /// Writes `text` as UTF-8 to `name` in `folder` and returns its path.
  @discardableResult
  static func write(_ text: String, to name: String, in folder: URL) -> String {
    write(Array(text.utf8), to: name, in: folder)
  }
}
