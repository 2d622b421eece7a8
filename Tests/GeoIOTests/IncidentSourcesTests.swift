import Foundation
import GeoIO
import Testing

/// A scratch folder holding police.uk-style monthly files, a sub-folder and files to ignore.
private struct SourcesFolder {
  let root: URL
  var path: String { root.path }

  init() {
    root = CSVFixture.scratchFolder()
    for name in [
      "2024-02-durham-street.csv", "2024-01-durham-street.csv", "2024-10-durham-street.csv",
      "2024-01-durham-outcomes.csv", "notes.txt", "UPPER.CSV", ".hidden.csv",
    ] {
      CSVFixture.write("a,b\n", to: name, in: root)
    }
    let sub = root.appendingPathComponent("older")
    try? FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
    CSVFixture.write("a,b\n", to: "2023-12-durham-street.csv", in: sub)
  }

  func file(_ name: String) -> String { path + "/" + name }

  func remove() { try? FileManager.default.removeItem(at: root) }
}

@Suite("Incident sources: files, folders and globs")
struct IncidentSourcesTests {
  @Test("a folder gives its CSV files sorted by name, not recursively")
  func folder() throws {
    let folder = SourcesFolder()
    defer { folder.remove() }
    #expect(
      try IncidentSources.expand([folder.path]) == [
        folder.file("2024-01-durham-outcomes.csv"), folder.file("2024-01-durham-street.csv"),
        folder.file("2024-02-durham-street.csv"), folder.file("2024-10-durham-street.csv"),
        folder.file("UPPER.CSV"),
      ])
    #expect(try IncidentSources.expand([folder.path + "/"]).count == 5)
  }

  @Test("a glob matches *, ? and [...] in the last component")
  func globs() throws {
    let folder = SourcesFolder()
    defer { folder.remove() }
    #expect(
      try IncidentSources.expand([folder.file("2024-*-durham-street.csv")]) == [
        folder.file("2024-01-durham-street.csv"), folder.file("2024-02-durham-street.csv"),
        folder.file("2024-10-durham-street.csv"),
      ])
    #expect(try IncidentSources.expand([folder.file("2024-0?-durham-street.csv")]).count == 2)
    #expect(
      try IncidentSources.expand([folder.file("2024-[01]1-durham-*.csv")]) == [
        folder.file("2024-01-durham-outcomes.csv"), folder.file("2024-01-durham-street.csv"),
      ])
  }

  @Test("a glob that matches nothing is an error naming the pattern")
  func globWithoutMatches() {
    let folder = SourcesFolder()
    defer { folder.remove() }
    let pattern = folder.file("2025-*.csv")
    #expect(throws: InputError(file: pattern, reason: .noFilesMatched(pattern: pattern))) {
      try IncidentSources.expand([pattern])
    }
  }

  @Test("a folder without CSV files matches nothing")
  func emptyFolder() {
    let folder = SourcesFolder()
    defer { folder.remove() }
    let empty = folder.file("empty")
    try? FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
    #expect(throws: InputError(file: empty, reason: .noFilesMatched(pattern: empty + "/*.csv"))) {
      try IncidentSources.expand([empty])
    }
  }

  @Test("a missing file is not found")
  func missingFile() {
    let folder = SourcesFolder()
    defer { folder.remove() }
    let missing = folder.file("2024-03-durham-street.csv")
    #expect(throws: InputError(file: missing, reason: .fileNotFound)) {
      try IncidentSources.expand([folder.file("2024-01-durham-street.csv"), missing])
    }
  }

  @Test("files, folders and globs together come out sorted, each file once")
  func mixed() throws {
    let folder = SourcesFolder()
    defer { folder.remove() }
    let result = try IncidentSources.expand([
      folder.file("notes.txt"), folder.file("2024-1*-durham-street.csv"), folder.path,
      folder.file("older/2023-12-durham-street.csv"), folder.file("2024-01-durham-street.csv"),
      folder.path + "/./2024-02-durham-street.csv",
    ])
    // Byte order puts "./2024-02…" first, so that spelling of the file is the one kept.
    #expect(
      result == [
        folder.path + "/./2024-02-durham-street.csv", folder.file("2024-01-durham-outcomes.csv"),
        folder.file("2024-01-durham-street.csv"), folder.file("2024-10-durham-street.csv"),
        folder.file("UPPER.CSV"), folder.file("notes.txt"),
        folder.file("older/2023-12-durham-street.csv"),
      ])
  }

  @Test("no specs give no files")
  func nothing() throws {
    #expect(try IncidentSources.expand([]).isEmpty)
  }
}
