import Foundation
import GeoIO

// `swift run hotspot-sample [--output-dir GeoData]`: writes the synthetic sample county.
// Exit status: 0 written, 64 usage, 73 a file or folder could not be written.

let usage = "Usage: hotspot-sample [--output-dir <folder>]   (default: GeoData)\n"
var outputFolder = "GeoData"
var arguments = Array(CommandLine.arguments.dropFirst())
while !arguments.isEmpty {
  let argument = arguments.removeFirst()
  if argument == "-h" || argument == "--help" {
    print(
      "Writes the synthetic sample county (the same bytes on every run).\n\n" + usage,
      terminator: "")
    exit(0)
  } else if argument == "--output-dir", !arguments.isEmpty {
    outputFolder = arguments.removeFirst()
  } else if argument.hasPrefix("--output-dir=") {
    outputFolder = String(argument.dropFirst("--output-dir=".count))
  } else {
    FileHandle.standardError.write(
      Data(("Error: unexpected argument '\(argument)'.\n" + usage).utf8))
    exit(64)
  }
}
do {
  let names = try SampleCounty.write(to: outputFolder)
  print("Wrote the sample county to \(outputFolder)/: " + names.joined(separator: ", "))
} catch {
  FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
  exit(73)
}
