import Foundation

/// Compares `text` with the golden file `Snapshots/<name>` beside the calling test file.
///
/// `RECORD_SNAPSHOTS=1 swift test` rewrites the golden files. A missing golden file is written
/// and reported as a failure when `CI` is set (so CI never passes on a snapshot it did not check),
/// and written silently otherwise. Returns nil when the text matches, else a description of the
/// first differing line.
public func snapshotMismatch(_ text: String, named name: String, testFile: String = #filePath) -> String? {
  let folder = URL(fileURLWithPath: testFile).deletingLastPathComponent().appendingPathComponent("Snapshots")
  let file = folder.appendingPathComponent(name)
  let environment = ProcessInfo.processInfo.environment
  let exists = FileManager.default.fileExists(atPath: file.path)
  if environment["RECORD_SNAPSHOTS"] != nil || !exists {
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try? text.write(to: file, atomically: true, encoding: .utf8)
    return exists || environment["CI"] == nil ? nil : "the snapshot \(name) was missing and has been recorded"
  }
  guard let expected = try? String(contentsOf: file, encoding: .utf8) else { return "cannot read \(file.path)" }
  if expected == text { return nil }
  let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let b = text.split(separator: "\n", omittingEmptySubsequences: false)
  for index in 0..<max(a.count, b.count) {
    let left = index < a.count ? String(a[index]) : "<end>"
    let right = index < b.count ? String(b[index]) : "<end>"
    if left != right { return "\(name), line \(index + 1):\n  expected: \(left)\n  actual:   \(right)" }
  }
  return "\(name) differs"
}

/// The path of `xmllint` when installed (Debian's libxml2-utils), for validity checks.
public let xmllintPath: String? = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first {
  FileManager.default.isExecutableFile(atPath: $0)
}

/// Runs `xmllint --noout` on the text; nil when valid, else its complaint.
public func xmlProblems(_ text: String) throws -> String? {
  guard let xmllintPath else { return nil }
  let folder = try TemporaryFolder("xmllint")
  let file = try folder.file("document.xml", text)
  let process = Process()
  process.executableURL = URL(fileURLWithPath: xmllintPath)
  process.arguments = ["--noout", file]
  let errors = Pipe()
  process.standardError = errors
  try process.run()
  let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  process.waitUntilExit()
  return process.terminationStatus == 0 ? nil : message
}
