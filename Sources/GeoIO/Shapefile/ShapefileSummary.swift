/// What a Shapefile's files said beyond its features: the shape type, the companions found, the
/// code page and how it was decided, and the `.dbf` fields, for `inspect`.
public struct ShapefileSummary: Hashable, Sendable {
  /// The shape type in the `.shp` header.
  public var shapeType: ShapeType
  /// Records in the `.shp` (deleted ones included).
  public var recordCount: Int
  /// Records skipped because the `.dbf` marks them deleted.
  public var deletedRecordCount: Int
  /// The companion files found beside the `.shp`, by name, in the order `.shx`, `.dbf`, `.prj`,
  /// `.cpg`.
  public var companions: [String]
  /// The code page the `.dbf` text was read in, and the rule that chose it.
  public var codePage: CodePageDecision
  /// The `.dbf` fields in order.
  public var fields: [DBaseField]

  /// A summary from its parts, stored as given (nothing is checked against the files).
  public init(
    shapeType: ShapeType, recordCount: Int, deletedRecordCount: Int, companions: [String],
    codePage: CodePageDecision, fields: [DBaseField]
  ) {
    self.shapeType = shapeType
    self.recordCount = recordCount
    self.deletedRecordCount = deletedRecordCount
    self.companions = companions
    self.codePage = codePage
    self.fields = fields
  }
}
