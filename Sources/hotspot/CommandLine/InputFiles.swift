import Analyses
import GeoIO

extension ParsedArguments {
  /// The input files this command line names: the values of its `<file>` options other than
  /// `--output`, folders and globs expanded as for `--incidents`.
  func inputFiles(spec: CommandSpec) -> [String] {
    var files: [String] = []
    for option in spec.options where option.valueName == "file" && option.name != "output" {
      let values = values(option.name)
      guard !values.isEmpty else { continue }
      files += (try? IncidentSources.expand(values)) ?? values
    }
    return files
  }
}
