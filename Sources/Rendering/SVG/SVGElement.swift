/// An SVG (or any XML) element as a value: name, attributes in a fixed order, children.
///
/// Maps build a tree of these and `SVGWriter` serialises it, escaping text and attribute values,
/// so the same tree always gives the same bytes.
public struct SVGElement: Hashable, Sendable {
  public var name: String
  /// Attributes in output order (never a dictionary, whose order Swift randomises per process).
  public var attributes: [Attribute]
  public var children: [Node]

  public struct Attribute: Hashable, Sendable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
      self.name = name
      self.value = value
    }
  }

  public indirect enum Node: Hashable, Sendable {
    case element(SVGElement)
    case text(String)
  }

  public init(_ name: String, _ attributes: [(String, String)] = [], children: [Node] = []) {
    self.name = name
    self.attributes = attributes.map { Attribute($0.0, $0.1) }
    self.children = children
  }

  /// An element holding only text (`<title>…</title>`).
  public init(_ name: String, _ attributes: [(String, String)] = [], text: String) {
    self.init(name, attributes, children: [.text(text)])
  }

  public mutating func append(_ child: SVGElement) { children.append(.element(child)) }
}
