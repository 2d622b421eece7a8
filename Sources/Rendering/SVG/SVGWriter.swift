/// Serialises an `SVGElement` tree as a standalone SVG document: an XML declaration, then the
/// elements with two-space indentation; text and attribute values escaped (`&`, `<`, `>`, `"`,
/// `'`); one element per line except those holding only text.
public enum SVGWriter {
  /// The tree under `root` as an SVG document: the XML declaration, then the elements as described above.
  public static func document(_ root: SVGElement) -> String {
    var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    write(root, indent: 0, to: &text)
    return text
  }

  private static func write(_ element: SVGElement, indent: Int, to text: inout String) {
    let pad = String(repeating: "  ", count: indent)
    text += pad + "<" + element.name
    for attribute in element.attributes { text += " \(attribute.name)=\"\(escape(attribute.value))\"" }
    if element.children.isEmpty {
      text += "/>\n"
      return
    }
    if element.children.allSatisfy({ if case .text = $0 { true } else { false } }) {
      text += ">"
      for case .text(let content) in element.children { text += escape(content) }
      text += "</\(element.name)>\n"
      return
    }
    text += ">\n"
    for child in element.children {
      switch child {
      case .element(let inner): write(inner, indent: indent + 1, to: &text)
      case .text(let content): text += pad + "  " + escape(content) + "\n"
      }
    }
    text += pad + "</\(element.name)>\n"
  }

  /// XML-escaped text: the five predefined entities; control characters other than tab and
  /// newline (not allowed in XML 1.0) become a space.
  public static func escape(_ value: String) -> String {
    var result = ""
    result.reserveCapacity(value.utf8.count)
    for scalar in value.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&apos;"
      case "\t", "\n": result.unicodeScalars.append(scalar)
      case _ where scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value): result += " "
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
