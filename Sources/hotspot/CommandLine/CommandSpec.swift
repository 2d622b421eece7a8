/// The declaration of one subcommand: the single table that drives parsing, validation and help,
/// so help text cannot drift from what the parser accepts.
struct CommandSpec: Sendable {
  /// The subcommand as typed (`inspect`, `count`).
  var name: String
  /// One line for the command list.
  var abstract: String
  /// Paragraphs shown under OVERVIEW after the abstract.
  var discussion: String = ""
  var arguments: [ArgumentSpec] = []
  var options: [OptionSpec] = []

  func option(named name: String) -> OptionSpec? { options.first { $0.name == name } }
}

/// A positional argument.
struct ArgumentSpec: Sendable {
  /// Shown as `<name>` in usage and help.
  var name: String
  var help: String
  /// Takes one or more values (`<file> ...`).
  var repeating: Bool = false
  var optional: Bool = false
}

/// A long option (`--name value` or `--name=value`), or a flag (`--name`).
struct OptionSpec: Sendable {
  /// Kebab-case, without the dashes.
  var name: String
  /// Shown as `<valueName>`; nil for a flag.
  var valueName: String?
  var help: String
  /// Shown as `(default: …)`; the parser does not fill it in, commands do.
  var defaultValue: String? = nil
  /// When set, any other value is a usage error; shown as `(values: a, b)`.
  var allowedValues: [String]? = nil
  /// May be given more than once (each value is kept, in order).
  var repeating: Bool = false
  /// A one-letter alias (`-o`), if any.
  var shortName: Character? = nil
  /// Must be given; the parser says so when it is missing.
  var isRequired: Bool = false

  var isFlag: Bool { valueName == nil }

  static func flag(_ name: String, help: String) -> OptionSpec {
    OptionSpec(name: name, valueName: nil, help: help)
  }
}

/// Option groups shared by several commands, declared once.
enum CommonOptions {
  static let quiet = OptionSpec.flag("quiet", help: "Print no progress on stderr.")

  /// `--repair`, for every command that reads areas: invalid polygons are repaired, not refused.
  static let repair = OptionSpec.flag(
    "repair",
    help:
      "Repair invalid area polygons (self-crossing, degenerate or unclosed rings) by the even-odd rule instead of refusing them."
  )

  /// `--overlapping`, for every command that counts incidents per area.
  static let overlapping = OptionSpec.flag(
    "overlapping", help: "The areas may overlap: count a point in every area containing it.")

  /// `--keep-outliers`, for every command that derives a grid or extent from the incidents.
  static let keepOutliers = OptionSpec.flag(
    "keep-outliers",
    help:
      "Keep locational outliers. Without --areas or --extent, incidents farther from the median centre than the median distance + 20 scaled MADs (Hampel identifier) and than twice the distance holding 95 % of them are left out of the grid, extent and bandwidth, and reported."
  )

  static let crs = OptionSpec(
    name: "crs", valueName: "crs",
    help: "Declare the CRS of the inputs, overriding their crs member and coordinate ranges.",
    allowedValues: ["EPSG:4326", "EPSG:27700", "planar"])

  /// `--format` for a command that writes only `formats` (its own list, the single source of
  /// what its help shows and what `OutputFormat.resolve` accepts).
  static func format(_ formats: [OutputFormat]) -> OptionSpec {
    OptionSpec(
      name: "format", valueName: "format",
      help: "Output format; by default taken from the --output extension, else text.",
      allowedValues: formats.map(\.rawValue))
  }

  static let output = OptionSpec(
    name: "output", valueName: "file",
    help: "Write the result to this file (atomically); a pipe or device (/dev/stdout, a FIFO) is written in place.",
    shortName: "o")

  static let incidents = OptionSpec(
    name: "incidents", valueName: "file",
    help: "Incident CSV: files, folders of CSV files or globs (a.csv b.csv, downloads/*.csv).",
    repeating: true,
    isRequired: true)

  /// `--id-field`, for commands that read areas: the property holding each area's id.
  static let idField = OptionSpec(
    name: "id-field", valueName: "name", help: "Area property holding the id (detected if absent).")

  /// `--name-field`, for commands that read areas: the property holding each area's name.
  static let nameField = OptionSpec(
    name: "name-field", valueName: "name", help: "Area property holding the name (detected if absent).")

  static let period = OptionSpec(
    name: "period", valueName: "period", help: "Keep incidents in this period (2024-01..2024-12).")

  static let category = OptionSpec(
    name: "category", valueName: "value", help: "Keep this category (repeatable).", repeating: true)

  /// How incident CSV columns are found when the file is not police.uk and the names are unusual.
  static let incidentColumns: [OptionSpec] = [
    OptionSpec(name: "x-column", valueName: "name", help: "Column of projected x (easting)."),
    OptionSpec(name: "y-column", valueName: "name", help: "Column of projected y (northing)."),
    OptionSpec(name: "lon-column", valueName: "name", help: "Column of longitude (WGS84)."),
    OptionSpec(name: "lat-column", valueName: "name", help: "Column of latitude (WGS84)."),
    OptionSpec(name: "category-column", valueName: "name", help: "Column of the category."),
    OptionSpec(name: "date-column", valueName: "name", help: "Column of the date or month."),
    OptionSpec(name: "weight-column", valueName: "name", help: "Column of a numeric weight."),
    OptionSpec(name: "id-column", valueName: "name", help: "Column of the incident id."),
    OptionSpec.flag("strict", help: "Stop at the first malformed row instead of skipping it."),
  ]
}
