// libFuzzer target: the command line. The input is split at NUL bytes into arguments; the first
// byte picks the subcommand. Each argument list goes through `ArgumentParser.parse` over every
// command's spec, then through `Hotspot.run` with a capturing console, in a scratch folder that
// holds a tiny `areas.geojson` and `incidents.csv`, so whole runs stay small and in that folder.
// Arguments naming another folder (any `/`) are dropped. A usage or input error is a correct
// answer; a crash, a hang, a runaway allocation or an "internal error" is a finding.
@testable import hotspot

#if canImport(Glibc)
  import Glibc
#endif

let scratch: String = {
  let folder = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
  let path = folder + "/hotspot-fuzz-arguments-\(getpid())"
  mkdir(path, 0o700)
  precondition(chdir(path) == 0, "cannot enter \(path)")
  func put(_ name: String, _ text: String) {
    let descriptor = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    _ = text.utf8CString.withUnsafeBufferPointer { write(descriptor, $0.baseAddress, $0.count - 1) }
    close(descriptor)
  }
  // `pop` holds awkward populations (overflowing, tiny, negative, text) for --population-field.
  let populations = ["1e400", "1e-320", "-5", #""NaN""#]
  func square(_ index: Int, _ x: Int, _ y: Int) -> String {
    let ring = [(x, y), (x + 1000, y), (x + 1000, y + 1000), (x, y + 1000), (x, y)]
      .map { "[\($0.0),\($0.1)]" }.joined(separator: ",")
    return
      #"{"type":"Feature","properties":{"code":"E0\#(index)","name":"Area \#(index)","pop":\#(populations[index]),"group":"G\#(index % 2)"},"geometry":{"type":"Polygon","coordinates":[[\#(ring)]]}}"#
  }
  let features = (0..<4).map { square($0, 400_000 + 1000 * ($0 % 2), 500_000 + 1000 * ($0 / 2)) }
  put("areas.geojson", #"{"type":"FeatureCollection","features":["# + features.joined(separator: ",") + "]}")
  var csv = "easting,northing,category,month\n"
  for i in 0..<40 {
    csv +=
      "\(400_000 + (i * 137) % 2000),\(500_000 + (i * 71) % 2000),\(i % 3 == 0 ? "burglary" : "asb"),2024-0\(i % 9 + 1)\n"
  }
  put("incidents.csv", csv)
  return path
}()

let commandNames = ["count", "density", "gistar", "moran", "map", "inspect", "help", "--help", "--version"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  _ = scratch
  guard size > 0 else { return 0 }
  let rest = UnsafeBufferPointer(start: data + 1, count: size - 1)
  var arguments = rest.split(separator: 0, omittingEmptySubsequences: false)
    .prefix(24).map { String(decoding: $0, as: UTF8.self) }
  if rest.isEmpty { arguments = [] }
  let specs = Hotspot.commands.map { $0.spec }
  for spec in specs { _ = try? ArgumentParser.parse(arguments, spec: spec) }

  arguments.removeAll { $0.contains("/") }
  let command = commandNames[Int(data[0]) % commandNames.count]
  let capture = CapturingConsole()
  let status = Hotspot.run([command] + arguments, console: capture.console)
  if status == ExitStatus.internalError {
    fatalError("internal error for \([command] + arguments): \(capture.error)")
  }
  return 0
}
