// libFuzzer target: IncidentReader over arbitrary bytes written to a temporary file (the scanner
// reads a file descriptor in blocks; a small block size makes records cross block boundaries).
// The first byte chooses the options. Any thrown InputError is a correct answer.
@testable import GeoIO
import GeoCore

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
  let body = size > 0 ? UnsafeBufferPointer(start: data + 1, count: size - 1) : UnsafeBufferPointer(start: data, count: 0)
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
  let chunkRows = Int(selector >> 2) % 7 + 1
  _ = try? IncidentReader.stream(file: path, options: options, chunkRows: chunkRows) { chunk in
    _ = chunk.count
  }
  if let scanner = try? CSVScanner(file: path, blockSize: 16, maxRecordBytes: 4096) {
    var records = 0
    while records < 100_000, let record = try? scanner.next() {
      for field in 0..<record.count { _ = record.string(field) }
      records += 1
    }
  }
  return 0
}
