import Analyses
import Rendering

extension MapResult {
  /// The map as a standalone SVG document: title, subtitle, layers, labels, legend, scale bar,
  /// north arrow, and the given attribution (else the recognised inputs' lines and data note).
  public func svg() -> String {
    let recognised = MapAttribution.lines(areas: areas, report: report)
    let document = MapDocument(
      title: title, subtitle: subtitle,
      layers: MapDrawing.layers(layers, areas: areas, palette: palette, classesDescription: classesDescription),
      labels: labels.map { (text: $0.text, at: $0.at) },
      attribution: attribution.isEmpty ? recognised.lines : attribution, dataNote: recognised.note,
      generator: "hotspot \(Software.version)")
    return document.svg()
  }
}
