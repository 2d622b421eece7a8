// Where anti-social behaviour concentrates in the sample county in the last quarter of 2024: a
// kernel density surface for GIS, and the fewest 150 m cells that hold a quarter of the incidents.
// Run from Examples/library: swift run density-and-patrol [data folder] [output folder]
import Analyses
import GeoIO
import Rendering
import Reports
import SpatialAnalysis

let data = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "../../GeoData"
let output = CommandLine.arguments.count > 2 ? CommandLine.arguments[2] : "."
let divisions = data + "/divisions.geojson"
let asb = IncidentSource(
  files: [data + "/incidents-police.csv"],
  filter: IncidentFilter(period: try Period(text: "2024-10..2024-12"), categories: ["Anti-social behaviour"]))

let density = try DensityRequest(incidents: asb, areasFile: divisions, bandwidth: 400, cell: 100).run()
print(density.summaryText)
try AtomicFile.write(density.asciiGrid, to: output + "/asb-density.asc")

let patrol = try PatrolRequest(incidents: asb, areasFile: divisions, rule: .coverage(0.25), zones: true).run()
print(patrol.summary)
print(TextTable.render(patrol.textTable))
try AtomicFile.write(
  PatrolMap.svg(patrol, title: "Where to patrol: a quarter of Q4 2024's ASB"), to: output + "/patrol.svg")
print("Wrote \(output)/asb-density.asc and \(output)/patrol.svg")
