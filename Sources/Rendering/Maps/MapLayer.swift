import GeoCore

/// One layer of a map, drawn in the order given. Coordinates are in a projected CRS (metres).
public enum MapLayer: Sendable {
  /// Areas filled by class.
  case choropleth(Choropleth)
  /// Outlines drawn on top (licensing zones, CAT areas, patrol cells), with a legend name.
  case outlines(name: String, geometries: [Geometry], colour: String)
  /// Thin area boundaries over a surface (no fill, no legend entry).
  case boundaries([Geometry])
  /// Incidents as dots; positions repeated `count` times are one dot sized by the count. `unit`
  /// follows a count above one in the legend (`12 at one place`, `12 in one cell`). With
  /// `largestRadius` every dot is scaled alike so the largest has that radius (a few chosen
  /// places); without, one incident is 1.2 units across and only very large stacks are scaled down.
  case points(
    name: String, positions: [(point: Point, count: Int)], colour: String, unit: String = "at one place",
    largestRadius: Double? = nil)

  /// Areas (or density bands) with a class each.
  public struct Choropleth: Sendable {
    /// One area of a choropleth: its outline, class and value.
    public struct Area: Sendable {
      /// The area's identifier, written as `data-id` (and in the tooltip when it has no name).
      public var id: String
      /// The area's name, written as `data-name` and in the tooltip ("" when none).
      public var name: String
      /// The outline, in the map's projected CRS (metres).
      public var geometry: Geometry
      /// The class (index into `classes`), or nil for no data / suppressed.
      public var classIndex: Int?
      /// The value shown in the tooltip and data attribute ("" when none).
      public var valueText: String

      /// An area from its parts, stored as given.
      public init(id: String, name: String, geometry: Geometry, classIndex: Int?, valueText: String) {
        self.id = id
        self.name = name
        self.geometry = geometry
        self.classIndex = classIndex
        self.valueText = valueText
      }
    }

    /// The areas, drawn in this order.
    public var areas: [Area]
    /// Legend heading ("Incidents", "Gi* hot spots").
    public var heading: String
    /// Legend note under the heading ("natural breaks (Fisher-Jenks)").
    public var note: String
    /// Class labels and fills, lowest first.
    public var classes: [(label: String, fill: String)]
    /// Legend label for areas without a class ("no data", "fewer than 5").
    public var missingLabel: String
    /// Whether boundaries are stroked and counted in the legend (areas yes, density bands no).
    public var stroked: Bool

    /// A choropleth from its parts; areas without a class are labelled `no data` and boundaries stroked
    /// unless told otherwise.
    public init(
      areas: [Area], heading: String, note: String, classes: [(label: String, fill: String)],
      missingLabel: String = "no data", stroked: Bool = true
    ) {
      self.areas = areas
      self.heading = heading
      self.note = note
      self.classes = classes
      self.missingLabel = missingLabel
      self.stroked = stroked
    }

    /// Areas per class (and the count without a class, last).
    public var counts: [Int] {
      var counts = [Int](repeating: 0, count: classes.count + 1)
      for area in areas { counts[area.classIndex ?? classes.count] += 1 }
      return counts
    }
  }

  /// Whether the layer has areas without a class (no data, suppressed), drawn hatched.
  var hasUnclassedAreas: Bool {
    if case .choropleth(let layer) = self { return layer.areas.contains { $0.classIndex == nil } }
    return false
  }

  var boundingBox: BoundingBox {
    switch self {
    case .choropleth(let layer): layer.areas.reduce(.empty) { $0.union($1.geometry.boundingBox) }
    case .outlines(_, let geometries, _), .boundaries(let geometries):
      geometries.reduce(.empty) { $0.union($1.boundingBox) }
    case .points(_, let positions, _, _, _): BoundingBox(points: positions.map(\.point))
    }
  }
}

extension MapLayer.Choropleth {
  /// A choropleth of values classed by `breaks` (upper bounds) with `colours`; values below
  /// `suppressBelow` are drawn unshaded and shown as `<N`. An area whose `withheld` text is not
  /// nil is drawn unshaded and shown with that text instead of its value (`<5`, `[c]`), and the
  /// legend's entry for unshaded areas reads `withheldLabel`.
  public static func classed(
    ids: [String], names: [String], geometries: [Geometry], values: [Double?], breaks: [Double],
    colours: [String], heading: String, note: String, digits: Int, suppressBelow: Double? = nil,
    withheld: [String?]? = nil, withheldLabel: String? = nil
  ) -> MapLayer.Choropleth {
    let areas = ids.indices.map { i -> Area in
      // A non-finite value (an overflowing rate, an infinite field) is no data.
      let value = values[i].flatMap { $0.isFinite ? $0 : nil }
      let hiddenText = withheld.flatMap { $0.indices.contains(i) ? $0[i] : nil }
      let suppressed = hiddenText != nil || (value.map { v in suppressBelow.map { v < $0 } ?? false } ?? false)
      let text: String
      if let hiddenText {
        text = hiddenText
      } else if suppressed, let limit = suppressBelow {
        text = "<" + NumberText.shortest(limit)
      } else {
        text = value.map { NumberText.fixed($0, digits: Swift.max(digits, 0)) } ?? ""
      }
      let classIndex = suppressed || breaks.isEmpty ? nil : value.map { ClassBreaks.classIndex(of: $0, breaks: breaks) }
      return Area(id: ids[i], name: names[i], geometry: geometries[i], classIndex: classIndex, valueText: text)
    }
    // With suppression the lowest class starts at the threshold: "5 – 12", never "≤ 12" beside
    // "fewer than 5 (suppressed)".
    let labels = breaks.indices.map {
      ClassBreaks.label(class: $0, breaks: breaks, digits: digits, lowest: suppressBelow)
    }
    return MapLayer.Choropleth(
      areas: areas, heading: heading, note: note,
      classes: zip(labels, colours).map { ($0, $1) },
      missingLabel: withheldLabel ?? suppressBelow.map { "fewer than \(NumberText.shortest($0)) (suppressed)" }
        ?? "no data")
  }
}

extension ClassBreaks {
  /// A legend label for class `c`: `≤ 105`, `106 – 238` for whole numbers (digits 0), else
  /// `> 105.1 – 238.4`. With `lowest` (the smallest value shown, as when smaller counts are
  /// suppressed) the first class reads `lowest – upper` (`5 – 105`, or `5` alone) instead of `≤ upper`.
  public static func label(class c: Int, breaks: [Double], digits: Int, lowest: Double? = nil) -> String {
    let upper = NumberText.fixed(breaks[c], digits: digits)
    guard c > 0 else {
      guard let lowest, lowest <= breaks[0] else { return "≤ " + upper }
      let lower = NumberText.fixed(lowest, digits: digits)
      return lower == upper ? upper : lower + " – " + upper
    }
    let wholeNumbers = digits == 0 && breaks[c - 1].rounded() == breaks[c - 1]
    let lower = NumberText.fixed(wholeNumbers ? breaks[c - 1] + 1 : breaks[c - 1], digits: digits)
    if lower == upper { return upper }
    return (wholeNumbers ? "" : "> ") + lower + " – " + upper
  }
}
