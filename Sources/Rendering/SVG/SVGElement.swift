/// An SVG (or any XML) element as a value: name, attributes in a fixed order, children.
///
/// Maps build a tree of these and `SVGWriter` serialises it, escaping text and attribute values,
/// so the same tree always gives the same bytes.
public struct SVGElement: Hashable, Sendable {
  /// The element name (`svg`, `path`, `g`…).
  public var name: String
  /// Attributes in output order (never a dictionary, whose order Swift randomises per process).
  public var attributes: [Attribute]
  /// The children, in output order.
  public var children: [Node]

  /// One attribute: a name and its unescaped value (`SVGWriter` escapes it).
  public struct Attribute: Hashable, Sendable {
    /// The attribute name, written as given.
    public var name: String
    /// The value, unescaped.
    public var value: String
    /// An attribute `name="value"`.
    public init(_ name: String, _ value: String) {
      self.name = name
      self.value = value
    }
  }

  /// A child: an element, or unescaped text.
  public indirect enum Node: Hashable, Sendable {
    case element(SVGElement)
    case text(String)
  }

  /// An element with its attributes in the order given and its children.
  public init(_ name: String, _ attributes: [(String, String)] = [], children: [Node] = []) {
    self.name = name
    self.attributes = attributes.map { Attribute($0.0, $0.1) }
    self.children = children
  }

  /// An element holding only text (`<title>…</title>`).
  public init(_ name: String, _ attributes: [(String, String)] = [], text: String) {
    self.init(name, attributes, children: [.text(text)])
  }

  /// Adds `child` after the existing children.
  public mutating func append(_ child: SVGElement) { children.append(.element(child)) }
}
