/// What the parser found on the command line, checked against the command's spec.
struct ParsedArguments: Sendable {
  /// Values of options that take one, in the order given, by option name.
  private(set) var optionValues: [String: [String]] = [:]
  /// Flags that were given.
  private(set) var flags: Set<String> = []
  /// Positional arguments in order.
  private(set) var positionals: [String] = []
  /// The command's arguments exactly as given (for provenance files).
  var original: [String] = []

  /// The last value given for `name` (a later `--x 2` overrides an earlier `--x 1`).
  func value(_ name: String) -> String? { optionValues[name]?.last }
  /// Every value given for a repeating option, in order.
  func values(_ name: String) -> [String] { optionValues[name] ?? [] }
  func flag(_ name: String) -> Bool { flags.contains(name) }

  mutating func add(option name: String, value: String) { optionValues[name, default: []].append(value) }
  mutating func add(flag name: String) { flags.insert(name) }
  mutating func add(positional value: String) { positionals.append(value) }

  /// The same arguments without the named options: for a command that runs another's core
  /// (`report` runs `count` without its output options).
  func removing(_ names: Set<String>) -> ParsedArguments {
    var copy = self
    for name in names {
      copy.optionValues[name] = nil
      copy.flags.remove(name)
    }
    return copy
  }
}
