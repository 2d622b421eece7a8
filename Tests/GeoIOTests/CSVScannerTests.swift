import Foundation
import SpatialAnalysis
import Testing

@testable import GeoIO

/// Every record of `path` as (line, fields).
private func scanAll(
  _ path: String, blockSize: Int = CSVScanner.defaultBlockSize,
  maxRecordBytes: Int = CSVScanner.defaultMaxRecordBytes
) throws(InputError) -> [ScannedRecord] {
  let scanner = try CSVScanner(file: path, blockSize: blockSize, maxRecordBytes: maxRecordBytes)
  var records: [ScannedRecord] = []
  while let record = try scanner.next() {
    records.append(
      ScannedRecord(line: record.line, fields: (0..<record.count).map { record.string($0) }))
  }
  return records
}

private struct ScannedRecord: Equatable, CustomStringConvertible {
  var line: Int
  var fields: [String]
  var description: String { "\(line): \(fields)" }
}

/// Scans `text` written to a scratch file.
private func scanText(
  _ text: String, blockSize: Int = CSVScanner.defaultBlockSize,
  maxRecordBytes: Int = CSVScanner.defaultMaxRecordBytes
) throws(InputError) -> [ScannedRecord] {
  let folder = CSVFixture.scratchFolder()
  defer { try? FileManager.default.removeItem(at: folder) }
  let path = CSVFixture.write(text, to: "input.csv", in: folder)
  return try scanAll(path, blockSize: blockSize, maxRecordBytes: maxRecordBytes)
}

@Suite("CSV scanner (RFC 4180)")
struct CSVScannerTests {
  @Test("quoted fields keep commas, doubled quotes and embedded newlines; lines count physically")
  func quotedFields() throws {
    let records = try scanAll(CSVFixture.path("quoted-fields-embedded-newline.csv"))
    #expect(records.count == 4)
    #expect(
      records[1]
        == ScannedRecord(
          line: 2,
          fields: ["1", "424000", "539000", "Nuisance", "On or near \"The Square\", Durham"]))
    #expect(
      records[2]
        == ScannedRecord(
          line: 3, fields: ["2", "424100", "539100", "Personal", "Flat 2\nHigh Street"]))
    #expect(
      records[3]
        == ScannedRecord(line: 5, fields: ["3", "424200", "539200", "Environmental", "Park"]))
  }

  @Test("a byte-order mark is skipped, CRLF ends records, blank lines are skipped")
  func byteOrderMarkAndCRLF() throws {
    let records = try scanAll(CSVFixture.path("crlf-bom.csv"))
    #expect(
      records == [
        ScannedRecord(line: 1, fields: ["id", "lon", "lat", "month", "category", "context"]),
        ScannedRecord(line: 2, fields: ["1", "-1.5", "54.7", "2024-01", "Nuisance", ""]),
        ScannedRecord(line: 4, fields: ["2", "-1.6", "54.8", "2024-02", "Personal", ""]),
      ])
  }

  @Test("an unterminated quote is an error naming the line where the field began")
  func unterminatedQuote() {
    #expect(
      throws: InputError(
        file: CSVFixture.path("unterminated-quote.csv"), line: 3, reason: .unterminatedQuote)
    ) {
      try scanAll(CSVFixture.path("unterminated-quote.csv"))
    }
  }

  @Test("a trailing comma gives a trailing empty field, also at the end of the file")
  func trailingEmptyField() throws {
    #expect(
      try scanText("a,b,\nc,d,") == [
        ScannedRecord(line: 1, fields: ["a", "b", ""]),
        ScannedRecord(line: 2, fields: ["c", "d", ""]),
      ])
  }

  @Test("the last record needs no line end")
  func lastRecordWithoutLineEnd() throws {
    #expect(
      try scanText("a,b\n1,2") == [
        ScannedRecord(line: 1, fields: ["a", "b"]), ScannedRecord(line: 2, fields: ["1", "2"]),
      ])
  }

  @Test("a lone CR inside unquoted data is data; a CR at the very end ends the record")
  func loneCarriageReturn() throws {
    #expect(
      try scanText("a\rb,c\r\nd,e\r") == [
        ScannedRecord(line: 1, fields: ["a\rb", "c"]), ScannedRecord(line: 2, fields: ["d", "e"]),
      ])
  }

  @Test("a quote inside an unquoted field is data; text after a closing quote is kept")
  func strayQuotes() throws {
    #expect(
      try scanText("5 \"High\" St,\"a\"b,\"\"\n") == [
        ScannedRecord(line: 1, fields: ["5 \"High\" St", "ab", ""])
      ])
  }

  @Test("an empty file, or one of blank lines only, has no records")
  func emptyFile() throws {
    #expect(try scanText("").isEmpty)
    #expect(try scanText("\n\r\n\n").isEmpty)
  }

  @Test(
    "records that cross block boundaries are carried over whole", arguments: [4, 5, 7, 8, 13, 64])
  func smallBlocks(blockSize: Int) throws {
    let text =
      "id,name,note\r\n1,\"a, \"\"quoted\"\"\r\nname\",x\r\n\r\n22,plain,\"\"\n333,\"\",last,\n4,\"tail\"end,\r"
    let expected = [
      ScannedRecord(line: 1, fields: ["id", "name", "note"]),
      ScannedRecord(line: 2, fields: ["1", "a, \"quoted\"\r\nname", "x"]),
      ScannedRecord(line: 5, fields: ["22", "plain", ""]),
      ScannedRecord(line: 6, fields: ["333", "", "last", ""]),
      ScannedRecord(line: 7, fields: ["4", "tailend", ""]),
    ]
    #expect(try scanText(text) == expected)
    #expect(try scanText(text, blockSize: blockSize) == expected)
  }

  @Test("every fixture scans the same with tiny blocks as with the default block")
  func fixturesWithTinyBlocks() throws {
    for name in [
      "quoted-fields-embedded-newline.csv", "crlf-bom.csv", "police-uk-2024-01.csv", "bad-date.csv",
    ] {
      let path = CSVFixture.path(name)
      #expect(try scanAll(path, blockSize: 5) == scanAll(path), "\(name)")
    }
  }

  @Test("a line far longer than a block is read whole")
  func longLine() throws {
    let long = String(repeating: "x", count: 3_000_000)
    let records = try scanText("a,b\n1,\(long)\n2,y\n")
    #expect(records.count == 3)
    #expect(records[1].fields[1].utf8.count == 3_000_000)
    #expect(records[2] == ScannedRecord(line: 3, fields: ["2", "y"]))
  }

  @Test("a record over the size limit is an error naming its line")
  func recordTooLong() throws {
    let text = "a,b\n1," + String(repeating: "x", count: 200) + "\n"
    #expect(try scanText(text, blockSize: 16, maxRecordBytes: 300).count == 2)
    let error = #expect(throws: InputError.self) {
      try scanText(text, blockSize: 16, maxRecordBytes: 100)
    }
    #expect(error?.line == 2)
    let unbroken = #expect(throws: InputError.self) {
      try scanText(String(repeating: "y", count: 1_000), blockSize: 16, maxRecordBytes: 100)
    }
    #expect(unbroken?.line == 1)
  }

  @Test("a missing file, or a folder, cannot be scanned")
  func notAFile() {
    #expect(throws: InputError(file: "/no/such/file.csv", reason: .fileNotFound)) {
      try CSVScanner(file: "/no/such/file.csv")
    }
    #expect(throws: InputError(file: "/tmp", reason: .isDirectory)) {
      try CSVScanner(file: "/tmp")
    }
  }

  @Test("a record knows the byte offset of its fields in the file")
  func fieldOffsets() throws {
    let folder = CSVFixture.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = CSVFixture.write(
      [0xEF, 0xBB, 0xBF] + Array("ab,\"cd\"\n".utf8), to: "offsets.csv", in: folder)
    let scanner = try CSVScanner(file: path)
    let record = try #require(try scanner.next())
    #expect(record.fileOffset(ofField: 0) == 3)
    #expect(record.fileOffset(ofField: 1) == 7)
  }

  @Test("random bytes scan as a byte-at-a-time reference parser reads them, at every block size", arguments: 0..<8)
  func matchesReference(seed: UInt64) throws {
    let folder = CSVFixture.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var rng = SplitMix64(seed: seed)
    // Runs of plain bytes (to cross 8-byte words) between the bytes that matter.
    let pieces: [[UInt8]] = [
      Array("abcdefghij".utf8), Array("424144.99".utf8), Array("-1.5".utf8), [0x2C], [0x2C], [0x22],
      [0x22, 0x22], [0x0A], [0x0D, 0x0A], [0x0D], Array(" x ".utf8), [0xC3, 0xA9], [0xFF], Array("!#".utf8),
      Array("\"q,\n\"\"r\"".utf8), Array("2024-01".utf8), [0x0A], [0x2C], Array("Nuisance".utf8),
    ]
    for round in 0..<250 {
      var bytes: [UInt8] = round % 5 == 0 ? [0xEF, 0xBB, 0xBF] : []
      for _ in 0..<Int(rng.next() % 60) {
        bytes += pieces[Int(rng.next() % UInt64(pieces.count))]
      }
      let path = CSVFixture.write(bytes, to: "random-\(round).csv", in: folder)
      let expected = referenceScan(bytes)
      for blockSize in [4, 9, 64, 1 << 20] {
        var found: [ScannedRecord] = []
        var failure: InputError?
        do {
          found = try scanAll(path, blockSize: blockSize)
        } catch {
          failure = error
        }
        if let quoteLine = expected.unterminatedQuoteLine {
          #expect(failure?.reason == .unterminatedQuote && failure?.line == quoteLine, "seed \(seed) round \(round)")
        } else {
          #expect(
            failure == nil && found == expected.records, "seed \(seed) round \(round) block \(blockSize): \(bytes)")
        }
      }
    }
  }
}

/// The grammar of `CSVRecordScanner`, written as plainly as possible, one byte at a time over the
/// whole file: the oracle for the scanner's fast paths. Returns the records read before an
/// unterminated quote, and that quote's line.
private func referenceScan(_ input: [UInt8]) -> (records: [ScannedRecord], unterminatedQuoteLine: Int?) {
  let lf = UInt8(ascii: "\n")
  let cr = UInt8(ascii: "\r")
  let comma = UInt8(ascii: ",")
  let quote = UInt8(ascii: "\"")
  var b = input
  if b.starts(with: [0xEF, 0xBB, 0xBF]) { b.removeFirst(3) }
  let n = b.count
  var i = 0
  var line = 1
  var records: [ScannedRecord] = []
  /// True at a CR that ends a line: followed by LF, or the last byte.
  func endsLine(_ k: Int) -> Bool { b[k] == cr && (k + 1 == n || b[k + 1] == lf) }
  while true {
    while i < n {
      if b[i] == lf {
        i += 1
        line += 1
      } else if b[i] == cr && i + 1 < n && b[i + 1] == lf {
        i += 2
        line += 1
      } else if b[i] == cr && i + 1 == n {
        i += 1
      } else {
        break
      }
    }
    if i >= n { return (records, nil) }
    let recordLine = line
    var fields: [String] = []
    while true {
      var value: [UInt8] = []
      if i < n && b[i] == quote {
        let quoteLine = line
        i += 1
        while true {
          guard i < n else { return (records, quoteLine) }
          if b[i] == quote {
            if i + 1 < n && b[i + 1] == quote {
              value.append(quote)
              i += 2
              continue
            }
            i += 1
            break
          }
          if b[i] == lf { line += 1 }
          value.append(b[i])
          i += 1
        }
      }
      while i < n && b[i] != comma && b[i] != lf && !endsLine(i) {
        value.append(b[i])
        i += 1
      }
      fields.append(String(decoding: value, as: UTF8.self))
      if i >= n { break }
      let c = b[i]
      i += 1
      if c == comma {
        if i >= n {
          fields.append("")
          break
        }
        continue
      }
      if c == cr && i < n && b[i] == lf { i += 1 }
      line += 1
      break
    }
    records.append(ScannedRecord(line: recordLine, fields: fields))
  }
}
