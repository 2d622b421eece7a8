import Foundation

/// Features of SVG that LibreOffice (Writer, Impress, Draw, and its PDF export) or Microsoft Word
/// drop or draw differently from browsers, so a map using them loses meaning when pasted into a
/// committee paper. Maps must use plain presentation attributes instead.
///
/// - `paint-order`: ignored, so a text stroked white for a halo comes out white on white.
/// - `<style>` sheets, `style="…"` attributes and `@font-face`: CSS is partly or wholly dropped
///   (a `class` attribute alone, styled by nothing, is harmless).
/// - `mix-blend-mode`, `filter`, `mask`, `textPath`, `foreignObject`: not drawn (or drawn plain).
/// - `dominant-baseline`, `alignment-baseline`: ignored, so text sits on a different line.
/// - `patternTransform`, `vector-effect`: ignored, so hatching or line widths change.
/// - `<symbol>`, `<marker>`: not drawn by every version.
public let officeUnsafeSVGFeatures = [
  "paint-order", "<style", " style=", "@font-face", "mix-blend-mode", " filter=", "<filter", " mask=", "<mask",
  "<textPath", "<foreignObject", "dominant-baseline", "alignment-baseline", "patternTransform", "vector-effect",
  "<symbol", "<marker",
]

/// The generic font families an office suite falls back to when it has none of the named fonts.
public let genericFontFamilies = ["sans-serif", "serif", "monospace"]

/// What in `svg` an office suite would drop: each feature of `officeUnsafeSVGFeatures` it uses,
/// and each `font-family` whose last family is not generic (`Helvetica, Arial, sans-serif` passes,
/// `Helvetica` alone does not). Empty when the SVG is safe to paste into LibreOffice or Word.
public func officeSuiteProblems(_ svg: String) -> [String] {
  var problems = officeUnsafeSVGFeatures.filter { svg.contains($0) }.map { "uses \($0)" }
  var rest = Substring(svg)
  while let start = rest.range(of: "font-family=\"") {
    rest = rest[start.upperBound...]
    guard let end = rest.firstIndex(of: "\"") else { break }
    let families = rest[..<end].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    if let last = families.last, !genericFontFamilies.contains(last) {
      problems.append("font-family \"\(rest[..<end])\" has no generic fallback")
    }
    rest = rest[end...]
  }
  return problems
}
