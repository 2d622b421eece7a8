/// What an `InspectRequest` found: one description per file, in the order given.
public struct InspectResult: Sendable {
  /// One description per file.
  public let descriptions: [FileDescription]
  /// The files described, for provenance.
  public let inputs: [String]
}
