/// Colour schemes for maps, from ColorBrewer (Brewer, Hatchard & Harrower 2003; colorbrewer2.org),
/// chosen among those marked safe for colour-blind readers.
public enum Palette {
  /// Sequential orange–red (ColorBrewer OrRd), light to dark, for counts, rates and density.
  public static func sequential(_ classes: Int) -> [String] {
    let schemes: [Int: [String]] = [
      1: ["#e34a33"],
      2: ["#fdbb84", "#e34a33"],
      3: ["#fee8c8", "#fdbb84", "#e34a33"],
      4: ["#fef0d9", "#fdcc8a", "#fc8d59", "#d7301f"],
      5: ["#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"],
      6: ["#fef0d9", "#fdd49e", "#fdbb84", "#fc8d59", "#e34a33", "#b30000"],
      7: ["#fef0d9", "#fdd49e", "#fdbb84", "#fc8d59", "#ef6548", "#d7301f", "#990000"],
      8: ["#fff7ec", "#fee8c8", "#fdd49e", "#fdbb84", "#fc8d59", "#ef6548", "#d7301f", "#990000"],
      9: ["#fff7ec", "#fee8c8", "#fdd49e", "#fdbb84", "#fc8d59", "#ef6548", "#d7301f", "#b30000", "#7f0000"],
    ]
    precondition(classes >= 1 && classes <= 9, "1 to 9 classes")
    return schemes[classes] ?? []
  }

  /// The Gi* classes from cold spot at 99 % to hot spot at 99 % (ColorBrewer RdBu, 7 classes, with
  /// a neutral grey for not significant): index 0 is class −3, index 6 class +3.
  public static let hotCold = ["#2166ac", "#67a9cf", "#d1e5f0", "#eeeeee", "#fddbc7", "#ef8a62", "#b2182b"]

  /// Fill for areas without data.
  public static let noData = "#ffffff"
  /// Boundary lines.
  public static let outline = "#636363"
}
