// 2024 anti-social behaviour per division of the sample county: rates per 1,000 people from the
// divisions' `population` property, the ten highest as a table, and a choropleth map.
// Run from Examples/library: swift run asb-per-division [data folder] [output folder]
import Analyses
import GeoIO
import Rendering
import Reports
import SpatialAnalysis

let data = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "../../GeoData"
let output = CommandLine.arguments.count > 2 ? CommandLine.arguments[2] : "."
let divisions = data + "/divisions.geojson"
let asb2024 = IncidentSource(
  files: [data + "/incidents-police.csv"],
  filter: IncidentFilter(period: try Period(text: "2024"), categories: ["Anti-social behaviour"]))

let counts = try CountRequest(areasFile: divisions, incidents: asb2024, populationField: "population").run()
for warning in counts.warnings { print("warning: \(warning)") }
print(counts.summaryText)
if let top = counts.areaTable.sorted(by: "rate_per_1000", limit: 10) { print(TextTable.render(top)) }

let map = try MapRequest(
  areasFile: divisions, incidents: asb2024, layers: [.rate], populationField: "population",
  title: "Anti-social behaviour per 1,000 people, 2024"
).run()
try AtomicFile.write(map.svg(), to: output + "/asb-rate-2024.svg")
print("Wrote \(output)/asb-rate-2024.svg")
