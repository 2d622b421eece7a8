import Analyses
import GeoIO

/// The attribution lines and data note for the inputs a map was made from, when recognised.
public enum MapAttribution {
  /// ONS-coded boundaries get the OS/ONS Crown copyright line, others their file name;
  /// police.uk incidents the Open Government Licence line and a note that locations are
  /// approximate, others their file names.
  public static func lines(areas: AreaLayer?, report: IncidentReadReport?) -> (lines: [String], note: String?) {
    var lines: [String] = []
    if let areas, BoundaryFields.isONS(areas.idField, suffix: "cd") {
      lines.append(
        "Boundaries: contains OS data © Crown copyright and database right; contains ONS data © Crown copyright (Open Government Licence v3.0)."
      )
    } else if let areas {
      lines.append("Boundaries: \(areas.file.split(separator: "/").last.map(String.init) ?? areas.file).")
    }
    var note: String?
    if let report {
      if report.format == .policeUK {
        lines.append(
          "Incidents: data.police.uk, contains public sector information licensed under the Open Government Licence v3.0."
        )
        note =
          "Locations are approximate: police.uk moves each incident to one of about 750,000 anonymous points, so points stack."
      } else {
        lines.append(
          "Incidents: "
            + report.files.map { $0.split(separator: "/").last.map(String.init) ?? $0 }.joined(separator: ", ") + ".")
      }
    }
    return (lines, note)
  }
}
