import GeoCore

// libFuzzer target: IncidentReader over arbitrary bytes written to a temporary file (the scanner
// reads a file descriptor in blocks; a small block size makes records cross block boundaries).
// The first byte chooses the options. Any thrown InputError is a correct answer.
@testable import GeoIO

#if canImport(Glibc)
  import Glibc
#endif

let path: String = {
  let folder = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
  return folder + "/hotspot-fuzz-incidents-\(getpid()).csv"
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let selector = size > 0 ? data[0] : 0
  let body =
    size > 0 ? UnsafeBufferPointer(start: data + 1, count: size - 1) : UnsafeBufferPointer(start: data, count: 0)
  let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  precondition(descriptor >= 0, "cannot create \(path)")
  if let base = body.baseAddress, body.count > 0 { _ = write(descriptor, base, body.count) }
  close(descriptor)

  var options = IncidentColumnOptions()
  switch selector % 4 {
  case 1: options.declaredCRS = .wgs84
  case 2: options.declaredCRS = .britishNationalGrid
  case 3: options.strict = true
  default: break
  }
  // Small blocks and chunks: records cross block boundaries and chunks are handed over often.
  // The parallel reading, with blocks of a few bytes, must give exactly what one thread gives.
  let chunkRows = Int(selector >> 2) % 7 + 1
  let sequential = outcome(
    options: options, chunkRows: chunkRows, plan: IncidentReadPlan(threads: 1, blockBytes: 1 << 20))
  let parallel = outcome(
    options: options, chunkRows: chunkRows,
    plan: IncidentReadPlan(threads: 2, blockBytes: Int(selector % 13) + 1, blocksPerThread: 3))
  precondition(sequential == parallel, "parallel reading differs:\n\(sequential)\n\(parallel)")
  if let scanner = try? CSVScanner(file: path, blockSize: 16, maxRecordBytes: 4096) {
    var records = 0
    while records < 100_000, let record = try? scanner.next() {
      for field in 0..<record.count { _ = record.string(field) }
      records += 1
    }
  }
  return 0
}

/// Everything one read hands over, as text: each chunk's columns (coordinates by bit pattern)
/// and the report, or the error.
func outcome(options: IncidentColumnOptions, chunkRows: Int, plan: IncidentReadPlan) -> String {
  var text = ""
  do {
    let report = try IncidentReader.stream(file: path, options: options, chunkRows: chunkRows, plan: plan) { chunk in
      text += "chunk \(chunk.crs) \(chunk.x.map(\.bitPattern)) \(chunk.y.map(\.bitPattern))"
      text += " \(chunk.date?.map(\.packed) ?? []) \(chunk.category.map { "\($0.values) \($0.codes)" } ?? "")\n"
    }
    text += "rows \(report.dataRows) \(report.rowsWithLocation) \(report.rowsWithoutLocation) \(report.skippedRows)\n"
    text +=
      "skipped \(report.skipped.map(\.description))\nreasons \(report.skippedByReason.map { "\($0.count) \($0.reason)" })\n"
    text += "crs \(report.crsDecision.crs) months \(report.months.map { "\($0.monthIndex):\($0.count)" })\n"
  } catch {
    text += "error \(error)"
  }
  return text
}
