// libFuzzer target: GeoJSONReader.read(bytes:name:declaredCRS:) over arbitrary bytes.
// Any thrown InputError is a correct answer; a crash, hang or runaway allocation is a finding.
import GeoCore
import GeoIO

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  var bytes = Array(UnsafeBufferPointer(start: data, count: size))
  // The first byte chooses the declared CRS, so both the detection and the override are fuzzed.
  let declared: CRS?
  switch bytes.first.map({ $0 % 4 }) {
  case 1: declared = .wgs84
  case 2: declared = .britishNationalGrid
  case 3: declared = .planar
  default: declared = nil
  }
  if !bytes.isEmpty && bytes[0] < 0x20 { bytes.removeFirst() }
  if let layer = try? GeoJSONReader.read(bytes: bytes, name: "fuzz.geojson", declaredCRS: declared) {
    _ = layer.collection.features.count
    _ = layer.problems.map(\.description)
  }
  return 0
}
