import Analyses
import GeoCore
import Rendering
import SpatialAnalysis

extension EmergingResult {
  /// One row per location: its keys (`area_id, area_name`, or the cell centre `x, y`), category,
  /// hot and cold steps, the trend's tau and p, and z and p at the final step.
  public var table: Table {
    var columns = features.keyColumns
    columns.append(.init("category"))
    columns += ["hot_steps", "cold_steps", "trend_tau", "trend_p", "last_z", "last_p"].map {
      Table.Column($0, alignment: .right)
    }
    let rows = (0..<locationCount).map { i -> [Table.Cell] in
      let trend = trend(i)
      return features.keys(i) + [
        .text(category(i).rawValue), .integer(statistics.hotSteps(i)), .integer(statistics.coldSteps(i)),
        .number(trend.tau, digits: 6), .significant(trend.p, digits: 4), .number(lastZ(i), digits: 6),
        .significant(lastP(i), digits: 4),
      ]
    }
    return Table(columns: columns, rows: rows)
  }

  /// The location's name in the series table: an area's id, or a cell's centre `x y` to the metre.
  public func locationKey(_ i: Int) -> String {
    switch features.units {
    case .areas(let layer): return layer.ids[i]
    case .cells, .points:
      let centre = features.units.centre(of: i)
      return NumberText.fixed(centre.x, digits: 0) + " " + NumberText.fixed(centre.y, digits: 0)
    }
  }

  /// The location as a reader knows it: an area's name (with its id), or a cell's centre (with its
  /// Ordnance Survey grid reference under British National Grid).
  public func locationName(_ i: Int) -> String {
    switch features.units {
    case .areas(let layer):
      return layer.names[i].isEmpty || layer.names[i] == layer.ids[i]
        ? layer.ids[i] : "\(layer.names[i]) (\(layer.ids[i]))"
    case .cells, .points:
      let centre = features.units.centre(of: i)
      let xy = NumberText.fixed(centre.x, digits: 0) + ", " + NumberText.fixed(centre.y, digits: 0)
      if features.working == .britishNationalGrid, let reference = OSGridReference.format(centre, digits: 8) {
        return "\(reference) (\(xy))"
      }
      return xy
    }
  }

  /// The long table `location, step, count, z, p`: one row per location and step, locations in
  /// order, steps oldest first (p is the pseudo p with permutations).
  public var seriesTable: Table {
    let columns =
      [Table.Column("location"), Table.Column("step")]
      + ["count", "z", "p"].map { Table.Column($0, alignment: .right) }
    var rows: [[Table.Cell]] = []
    rows.reserveCapacity(locationCount * cube.stepCount)
    for i in 0..<locationCount {
      let key = locationKey(i)
      for t in 0..<cube.stepCount {
        rows.append([
          .text(key), .text(cube.stepLabels[t]), .value(cube[i, t]), .number(statistics.z(i, t), digits: 6),
          .significant(statistics.p(i, t), digits: 4),
        ])
      }
    }
    return Table(columns: columns, rows: rows)
  }

  /// The locations of one category, strongest first: hot by final z descending, cold ascending,
  /// ties by location order.
  public func locations(in category: EmergingHotSpotClass) -> [Int] {
    let sign = Double(category.sign == 0 ? 1 : category.sign)
    return (0..<locationCount).filter { self.category($0) == category }
      .sorted { (sign * lastZ($0), -$0) > (sign * lastZ($1), -$1) }
  }

  /// The summary: the cube, then each category with locations, how many, and the first `top`
  /// named (strongest final z first); the conventions last.
  public func text(top: Int = 3) -> String {
    let kind: String
    switch features.units {
    case .areas: kind = "areas"
    case .cells(let layout):
      if case .hexagon = layout.shape {
        kind = "\(NumberText.shortest(layout.cellSize)) m hexagons"
      } else {
        kind = "\(NumberText.shortest(layout.cellSize)) m cells"
      }
    case .points: kind = "points"
    }
    let first = cube.stepLabels.first ?? ""
    let last = cube.stepLabels.last ?? ""
    var lines = [
      "emerging hot spots: \(locationCount) \(kind) × \(cube.stepCount) steps (\(step), \(first)..\(last)), \(Format.count(Int(cube.values.reduce(0, +)))) incidents",
      "",
    ]
    let counts = categoryCounts.filter { $0.count > 0 }
    let width = max(counts.map(\.category.rawValue.count).max() ?? 0, "category".count) + 2
    lines.append("category".padded(to: width) + "locations  strongest (final-step z)")
    for (category, count) in counts {
      var line = category.rawValue.padded(to: width) + String(count).leftPadded(9) + "  "
      if category != .noPattern {
        let named = locations(in: category).prefix(top).map {
          "\(locationName($0)) \(NumberText.fixed(lastZ($0), digits: 2))"
        }
        line += named.joined(separator: "; ") + (count > top ? "; …" : "")
      }
      lines.append(line.trimmingTrailingSpaces)
    }
    lines.append("")
    let pKind = statistics.permutation ? "pseudo p from permutations within each step" : "analytic two-sided p"
    lines.append(
      "space-time Gi*, \(statistics.statistic.timeLags) time lag(s), \(pKind), threshold \(NumberText.shortest(statistics.threshold))"
    )
    for (key, value) in choices where key == "weights" {
      if case .string(let s) = value { lines.append("neighbours: \(s)") }
    }
    lines.append("categories: sfdep classify_hotspot / ArcGIS Pro Emerging Hot Spot Analysis")
    return lines.joined(separator: "\n") + "\n"
  }

  /// `{"summary": choices, "steps": [...], "locations": [...]}`.
  public var json: JSONValue {
    .object([
      ("summary", .object(choices)), ("steps", .array(cube.stepLabels.map(JSONValue.string))),
      ("locations", JSONTable.value(table)),
    ])
  }

  /// The locations in WGS84 with their rows (category, trend, …) as properties.
  public func geoJSON() throws -> String { try features.geoJSON(table) }
}

extension String {
  /// The string padded with spaces on the left to `length` characters (unchanged if longer).
  fileprivate func leftPadded(_ length: Int) -> String {
    count >= length ? self : String(repeating: " ", count: length - count) + self
  }

  /// The string without trailing spaces.
  fileprivate var trimmingTrailingSpaces: String {
    var s = self
    while s.last == " " { s.removeLast() }
    return s
  }
}
