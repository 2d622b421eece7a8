import Foundation

/// A folder under the system's temporary directory, removed when the value is discarded.
public final class TemporaryFolder {
  public let url: URL

  public init(_ name: String = "hotspot-test") throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(name)-\(getpid())-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// Writes `text` to `name` inside the folder and returns its path.
  @discardableResult
  public func file(_ name: String, _ text: String) throws -> String {
    let file = url.appendingPathComponent(name)
    try text.write(to: file, atomically: true, encoding: .utf8)
    return file.path
  }

  /// The path of `name` inside the folder (the file need not exist).
  public func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}
