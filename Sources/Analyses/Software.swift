/// The software that made a result, as provenance files and map footers name it.
public enum Software {
  /// The version of Hotspot (`hotspot --version`).
  public static let version = "0.1.0"
}
