// libFuzzer target: ShapefileReader.read(shp:shx:dbf:prj:cpg:name:declaredCRS:) from memory.
// The input is split into the companions at each "@@@@" marker, in the order .shp, .shx, .dbf,
// .prj, .cpg; a missing part is an absent companion. Any thrown InputError is a correct answer.
import GeoCore
import GeoIO

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: data, count: size)
  var parts: [[UInt8]] = []
  var partStart = 0
  var index = 0
  let marker = Array("@@@@".utf8)
  while index + marker.count <= bytes.count && parts.count < 4 {
    if bytes[index] == marker[0] && bytes[index + 1] == marker[1] && bytes[index + 2] == marker[2]
      && bytes[index + 3] == marker[3]
    {
      parts.append(Array(bytes[partStart..<index]))
      index += marker.count
      partStart = index
    } else {
      index += 1
    }
  }
  parts.append(Array(bytes[partStart...]))
  func part(_ i: Int) -> [UInt8]? { i < parts.count ? parts[i] : nil }
  if let layer = try? ShapefileReader.read(
    shp: parts[0], shx: part(1), dbf: part(2), prj: part(3), cpg: part(4), name: "fuzz.shp")
  {
    _ = layer.collection.features.count
    _ = layer.problems.map(\.description)
  }
  return 0
}
