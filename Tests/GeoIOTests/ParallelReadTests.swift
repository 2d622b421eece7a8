import Foundation
import GeoCore
import SpatialAnalysis
import TestSupport
import Testing

@testable import GeoIO

/// Everything a read produces, in a form compared exactly: each chunk handed over (coordinates by
/// bit pattern), the whole report, or the error that stopped the read.
private struct ReadOutcome: Equatable, CustomStringConvertible {
  var chunks: [String] = []
  var report: [String] = []
  var error: InputError?

  var description: String {
    if let error { return "error: \(error) after \(chunks.count) chunks" }
    return (report + chunks.prefix(3)).joined(separator: "\n")
  }
}

private func describe(_ chunk: IncidentTable) -> String {
  var parts = ["crs \(chunk.crs) rows \(chunk.count)"]
  parts.append("x " + chunk.x.map { String($0.bitPattern, radix: 16) }.joined(separator: ","))
  parts.append("y " + chunk.y.map { String($0.bitPattern, radix: 16) }.joined(separator: ","))
  if let date = chunk.date { parts.append("date " + date.map { String($0.packed) }.joined(separator: ",")) }
  if let weight = chunk.weight {
    parts.append("weight " + weight.map { String($0.bitPattern, radix: 16) }.joined(separator: ","))
  }
  for (name, column) in [("category", chunk.category), ("location", chunk.location), ("id", chunk.id)] {
    if let column { parts.append("\(name) \(column.values) \(column.codes)") }
  }
  return parts.joined(separator: "\n")
}

private func describe(_ report: IncidentReadReport) -> [String] {
  [
    "files \(report.files)", "format \(report.format)", "crs \(report.crsDecision)",
    "rows \(report.dataRows) kept \(report.rowsWithLocation) without \(report.rowsWithoutLocation) skipped \(report.skippedRows)",
    "skipped \(report.skipped.map(\.description))",
    "by reason \(report.skippedByReason.map { "\($0.count) \($0.reason)" })",
    "problems \(report.problems.map(\.description))",
    "months \(report.months.map { "\($0.monthIndex):\($0.count)" })",
    "categories \(report.categoryCounts.map { "\($0.category):\($0.count)" })",
    "box \(report.boundingBox.minX.bitPattern) \(report.boundingBox.minY.bitPattern) \(report.boundingBox.maxX.bitPattern) \(report.boundingBox.maxY.bitPattern)",
  ]
}

/// Streams `files` with `plan` in chunks of `chunkRows`.
private func read(
  _ files: [String], options: IncidentColumnOptions = IncidentColumnOptions(),
  plan: IncidentReadPlan, chunkRows: Int = 7
) -> ReadOutcome {
  var outcome = ReadOutcome()
  do {
    let report = try IncidentReader.stream(
      files: files, options: options, chunkRows: chunkRows, plan: plan
    ) { chunk in
      outcome.chunks.append(describe(chunk))
    }
    outcome.report = describe(report)
  } catch {
    outcome.error = error
  }
  return outcome
}

/// The sequential reader: one thread, the whole file in one window.
private let sequential = IncidentReadPlan(threads: 1, blockBytes: 64 << 20)

/// Parallel plans with blocks from one byte up, so block boundaries fall everywhere: inside
/// quoted fields, between CR and LF, inside a BOM's row, on bad rows.
private let parallelPlans: [IncidentReadPlan] = [
  IncidentReadPlan(threads: 2, blockBytes: 1, blocksPerThread: 1),
  IncidentReadPlan(threads: 2, blockBytes: 3, blocksPerThread: 3),
  IncidentReadPlan(threads: 3, blockBytes: 7, blocksPerThread: 2),
  IncidentReadPlan(threads: 2, blockBytes: 16, blocksPerThread: 4),
  IncidentReadPlan(threads: 4, blockBytes: 61, blocksPerThread: 1),
  IncidentReadPlan(threads: 2, blockBytes: 500, blocksPerThread: 4),
  IncidentReadPlan(threads: 1, blockBytes: 5),
]

/// A random incident file: good rows mixed with every kind of trouble the reader knows, in
/// random line ends, with quoted fields holding commas, quotes and line ends.
private func randomFile(seed: UInt64, rows: Int, header: String = "id,easting,northing,month,category,note")
  -> [UInt8]
{
  var rng = SplitMix64(seed: seed)
  var bytes: [UInt8] = []
  if rng.next() % 2 == 0 { bytes += [0xEF, 0xBB, 0xBF] }
  func end() -> String { rng.next() % 3 == 0 ? "\r\n" : "\n" }
  bytes += Array((header + end()).utf8)
  let categories = ["Nuisance", "Personal", "\"Anti-social, behaviour\"", "\"say \"\"hi\"\"\"", "Enviro"]
  for row in 0..<rows {
    let x = String(format: "%.2f", 400_000 + Double(rng.next() % 6_000_000) / 100)
    let y = String(format: "%.2f", 500_000 + Double(rng.next() % 6_000_000) / 100)
    let month = "2024-\(String(format: "%02d", Int(rng.next() % 12) + 1))"
    let category = categories[Int(rng.next() % UInt64(categories.count))]
    var note = "plain"
    switch rng.next() % 6 {
    case 0: note = "\"line one\(end())line two, with a comma\""
    case 1: note = "\"\"\"quoted\"\"\(end())\(end())\""
    case 2: note = "\"tail\"after"
    default: break
    }
    var fields = ["\(row)", x, y, month, category, note]
    switch rng.next() % 24 {
    case 0: fields[1] = "x\(row)"
    case 1: fields[2] = "1e400"
    case 2: fields[3] = "2024-13"
    case 3: fields.append("extra")
    case 4: fields.removeLast()
    case 5:
      fields[1] = ""
      fields[2] = ""
    case 6: fields[2] = ""
    case 7: fields[1] = "-5"
    case 8: fields[2] = " \(y)\t"
    case 9: fields[1] = "\"\(x)\""
    default: break
    }
    var line = Array(fields.joined(separator: ",").utf8)
    if rng.next() % 40 == 0 { line.insert(0xFF, at: line.count / 2) }
    bytes += line
    switch rng.next() % 30 {
    case 0: bytes += Array("\n\n".utf8)
    case 1: bytes += Array("\r\n\r\n".utf8)
    case 2: if row < rows - 1 { bytes += Array("\r".utf8) } else { bytes += Array("\n".utf8) }
    default: bytes += Array(end().utf8)
    }
  }
  if rng.next() % 2 == 0, bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
  return bytes
}

@Suite("Parallel reading equals sequential reading")
struct ParallelReadTests {
  /// Reads `files` sequentially and with every parallel plan, and expects the same outcome.
  private func expectSameAsSequential(
    _ files: [String], options: IncidentColumnOptions = IncidentColumnOptions(),
    chunkRows: Int = 7, plans: [IncidentReadPlan] = parallelPlans,
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> ReadOutcome {
    let expected = read(files, options: options, plan: sequential, chunkRows: chunkRows)
    for plan in plans {
      let outcome = read(files, options: options, plan: plan, chunkRows: chunkRows)
      #expect(
        outcome == expected, "threads \(plan.threads), \(plan.blockBytes)-byte blocks",
        sourceLocation: sourceLocation)
    }
    return expected
  }

  @Test("quoted fields with line ends, CRLF, a BOM, blank lines and bad rows, at every block size")
  func handMadeFile() throws {
    let folder = CSVFixture.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let text =
      "\u{FEFF}id,easting,northing,month,category,note\r\n"
      + "1,424000.5,539000.25,2024-01,Nuisance,\"a\r\nb, \"\"c\"\"\"\r\n"
      + "\r\n"
      + "2,x,539000,2024-01,Nuisance,\n"
      + "3,424001,539001,2024-02,\"Personal\"tail,\"\n\n\n\"\n"
      + "4,,,2024-02,Nuisance,\n"
      + "5,424002,,2024-02,Nuisance,\n"
      + "6,424003,539003,2024-13,Nuisance,\n"
      + "7,424004,539004,2024-03\n"
      + "8,424005,539005,2024-03,Nuisance,x,extra\n"
      + "9,-1,539006,2024-03,Nuisance,\n"
      + "10, 424007 ,\t539007,2024-03,\"Anti-social, behaviour\",\"\"\r\n"
      + "11,424008,539008,2024-04,Nuisance,last\r"
    let path = CSVFixture.write(text, to: "hand.csv", in: folder)
    let outcome = expectSameAsSequential([path])
    #expect(outcome.error == nil)
    #expect(outcome.report.contains("rows 11 kept 4 without 1 skipped 6"), "\(outcome.report)")
    #expect(outcome.report.contains { $0.hasPrefix("skipped") && $0.contains("line 5") })
  }

  @Test("random files with every kind of bad row, at every block size", arguments: 0..<16)
  func randomFiles(seed: UInt64) throws {
    let folder = CSVFixture.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = CSVFixture.write(randomFile(seed: seed, rows: 300), to: "random.csv", in: folder)
    let outcome = expectSameAsSequential([path], options: IncidentColumnOptions(locationColumn: "note"))
    #expect(outcome.error == nil)
    #expect(!outcome.chunks.isEmpty)
  }

  @Test("the automatic plan shrinks its blocks for smaller files, down to 256 KiB; given plans stay as given")
  func planForFileSize() {
    var automatic = IncidentReadPlan.automatic
    automatic.threads = 2
    let window = automatic.blocks
    #expect(automatic.forFile(bytes: 650 << 20).blockBytes == 1 << 20)
    #expect(automatic.forFile(bytes: 32 * window << 20).blockBytes == 1 << 20)
    #expect(automatic.forFile(bytes: 32 * window << 20 - 1).blockBytes == 512 << 10)
    #expect(automatic.forFile(bytes: 64 << 20).blockBytes == 256 << 10)
    #expect(automatic.forFile(bytes: 1_000).blockBytes == 256 << 10)
    let given = IncidentReadPlan(threads: 2, blockBytes: 1 << 20)
    #expect(given.forFile(bytes: 1_000) == given)
    automatic.threads = 1
    #expect(automatic.forFile(bytes: 1_000).blockBytes == 1 << 20)
  }

  @Test("without labels: the same rows, coordinates, dates and skipped rows, and no label columns", arguments: 0..<6)
  func withoutLabels(seed: UInt64) throws {
    let folder = CSVFixture.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = CSVFixture.write(randomFile(seed: 300 + seed, rows: 300), to: "labels.csv", in: folder)
    var options = IncidentColumnOptions(locationColumn: "note")
    let labelled = read([path], options: options, plan: sequential)
    options.keepsLabels = false
    let unlabelled = expectSameAsSequential([path], options: options)
    #expect(unlabelled.error == nil && labelled.error == nil)
    // Chunk by chunk, the same lines but those of the label columns.
    let withoutLabelLines = labelled.chunks.map { chunk in
      chunk.split(separator: "\n").filter { line in
        !["category ", "location "].contains { line.hasPrefix($0) }
      }.joined(separator: "\n")
    }
    #expect(unlabelled.chunks == withoutLabelLines)
    #expect(unlabelled.chunks.allSatisfy { !$0.contains("category ") && !$0.contains("location ") })
    // The report differs only in the category counts (none are read).
    let categoryLine = { (line: String) in line.hasPrefix("categories ") }
    #expect(unlabelled.report.filter { !categoryLine($0) } == labelled.report.filter { !categoryLine($0) })
    #expect(unlabelled.report.contains("categories []"))
    #expect(!labelled.report.contains("categories []"))
    let report = try IncidentReader.read(files: [path], options: options).report
    #expect(report.mapping.category?.name == "category", "the mapping still names the column")
  }

  @Test("strict mode stops at the same row, and an unterminated quote at the same line", arguments: 0..<6)
  func firstErrorIsTheSame(seed: UInt64) throws {
    let folder = CSVFixture.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = CSVFixture.write(randomFile(seed: 100 + seed, rows: 200), to: "strict.csv", in: folder)
    let strict = expectSameAsSequential([path], options: IncidentColumnOptions(strict: true))
    #expect(strict.error != nil)
    let open = CSVFixture.write(
      randomFile(seed: 200 + seed, rows: 150) + Array("\n9,1,2,2024-01,N,\"open\nstill open".utf8),
      to: "open.csv", in: folder)
    let unterminated = expectSameAsSequential([open])
    #expect(unterminated.error?.reason == .unterminatedQuote)
  }

  @Test("several files, with a month in two of them, read alike in one run")
  func severalFiles() throws {
    let folder = CSVFixture.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let header = "id,easting,northing,month,category,note"
    let files = (0..<3).map { index in
      CSVFixture.write(
        randomFile(seed: UInt64(300 + index), rows: 120, header: header), to: "part-\(index).csv",
        in: folder)
    }
    let outcome = expectSameAsSequential(files)
    #expect(outcome.report.contains { $0.hasPrefix("problems") && $0.contains("2024-") })
  }

  @Test("x/y columns: the CRS is decided after 65,536 rows, and later rows are range-checked alike")
  func crsDecidedMidFile() throws {
    let folder = CSVFixture.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var text = "x,y,category\n"
    var rng = SplitMix64(seed: 9)
    for row in 0..<70_000 {
      let x = 400_000 + Int(rng.next() % 50_000)
      let y = 500_000 + Int(rng.next() % 50_000)
      // Out of range for British National Grid, after the 65,536 rows that decide it.
      text += row > 66_000 && row % 97 == 0 ? "-\(x),\(y),C\(row % 3)\n" : "\(x),\(y),C\(row % 3)\n"
    }
    let path = CSVFixture.write(text, to: "xy.csv", in: folder)
    let plans = [
      IncidentReadPlan(threads: 2, blockBytes: 4_096, blocksPerThread: 2),
      IncidentReadPlan(threads: 3, blockBytes: 777),
    ]
    let outcome = expectSameAsSequential([path], chunkRows: 10_000, plans: plans)
    #expect(
      outcome.report.contains { $0.hasPrefix("crs") && $0.contains("British National Grid") }, "\(outcome.report)")
    #expect(outcome.report.contains { $0.hasPrefix("by reason") && $0.contains("out of range") })
  }

  @Test("records over the size limit fail alike, wherever the blocks fall")
  func recordLimit() throws {
    let folder = CSVFixture.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let long = String(repeating: "z", count: 300)
    let path = CSVFixture.write(
      "easting,northing,note\n1,2,a\n3,4,\"\(long)\n\"\n5,6,b\n", to: "long.csv", in: folder)
    let limits = [100, 301, 320, 400]
    for limit in limits {
      let plans = [
        IncidentReadPlan(threads: 1, blockBytes: 64 << 20, maxRecordBytes: limit),
        IncidentReadPlan(threads: 2, blockBytes: 5, blocksPerThread: 2, maxRecordBytes: limit),
        IncidentReadPlan(threads: 3, blockBytes: 64, maxRecordBytes: limit),
        IncidentReadPlan(threads: 1, blockBytes: 1, maxRecordBytes: limit),
      ]
      let outcomes = plans.map { read([path], options: .init(declaredCRS: .planar), plan: $0) }
      #expect(outcomes.allSatisfy { $0 == outcomes[0] }, "limit \(limit)")
      #expect((outcomes[0].error != nil) == (limit < 308), "limit \(limit): \(outcomes[0])")
      if limit < 308 { #expect(outcomes[0].error?.line == 3) }
    }
  }

  @Test(
    "the generated 10,000-point file reads the same with 1 to 4 threads",
    .enabled(if: TestData.generated("points_10k.csv") != nil, "needs the generated points_10k.csv"))
  func generatedFile() throws {
    let generated = try #require(TestData.generated("points_10k.csv"))
    let plans = [1, 2, 3, 4].map { IncidentReadPlan(threads: $0, blockBytes: 4_096) }
    _ = expectSameAsSequential([generated.path], chunkRows: 65_536, plans: plans)
  }
}
