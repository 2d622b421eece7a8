import Analyses

/// Parses a subcommand's arguments against its `CommandSpec`.
///
/// ## Accepted forms
/// - `--key value` and `--key=value` for options that take a value; `-o value` for a short alias.
///   The value after `--key` or `-o` is taken whatever it looks like (`--shift -5`, `--file -`).
/// - A repeating option (usage `--key <value> ...`) given as `--key a b c` takes every argument
///   after it up to the next one that looks like an option: `--` (which ends the options), a token
///   starting with `--`, or `-` and anything but a digit or `.` (a short option, known or not). A
///   lone `-` and negative numbers are values. `--key=a` takes one value. So a positional argument
///   after a repeating option's values needs `--` before it (or goes before the option).
/// - `--flag` for flags; `--flag=value` is an error.
/// - `--` ends the options: everything after it is positional.
/// - A lone `-` is positional (standard input where a command supports it).
/// - An unknown option is an error, with "Did you mean '--…'?" when an option is within edit
///   distance 3 (swift-argument-parser's rule).
/// - A value outside an option's `allowedValues` is an error listing the allowed ones.
/// - A non-repeating option given twice keeps the last value (as swift-argument-parser does).
/// - A required option that is missing is an error naming it.
enum ArgumentParser {
  static func parse(_ arguments: [String], spec: CommandSpec) throws(UsageError) -> ParsedArguments {
    var parsed = ParsedArguments()
    parsed.original = arguments
    var index = 0
    var optionsEnded = false
    /// The last repeating option that took more than one argument, for a hint when positionals
    /// are then missing.
    var greedyOption: String?
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
        parsed.add(positional: argument)
        continue
      }
      if argument == "--" {
        optionsEnded = true
        continue
      }
      let (name, inlineValue) = try split(argument, spec: spec)
      guard let option = spec.option(named: name) else {
        throw UsageError(unknownOptionMessage(argument: "--" + name, spec: spec))
      }
      if option.isFlag {
        if inlineValue != nil { throw UsageError("The flag '--\(name)' takes no value.") }
        parsed.add(flag: name)
        continue
      }
      let value: String
      if let inlineValue {
        value = inlineValue
      } else if index < arguments.count {
        value = arguments[index]
        index += 1
      } else {
        throw UsageError("Missing value for '--\(name) <\(option.valueName ?? "value")>'.")
      }
      try check(value, for: option)
      parsed.add(option: name, value: value)
      guard option.repeating && inlineValue == nil else { continue }
      while index < arguments.count && !looksLikeOption(arguments[index]) {
        try check(arguments[index], for: option)
        parsed.add(option: name, value: arguments[index])
        index += 1
        greedyOption = name
      }
    }
    try checkPositionals(parsed.positionals, spec: spec, greedyOption: greedyOption)
    for option in spec.options where option.isRequired && parsed.values(option.name).isEmpty {
      throw UsageError("Missing '--\(option.name) <\(option.valueName ?? "value")>'.")
    }
    return parsed
  }

  /// Throws when `option` has `allowedValues` and `value` is none of them (case aside).
  private static func check(_ value: String, for option: OptionSpec) throws(UsageError) {
    if let allowed = option.allowedValues,
      !allowed.contains(where: { $0.lowercased() == value.lowercased() })
    {
      throw UsageError(
        "The value '\(value)' is invalid for '--\(option.name)'. Use one of: \(allowed.joined(separator: ", ")).")
    }
  }

  /// Whether `argument` ends a repeating option's values: `--`, `--anything`, or `-` followed by
  /// anything but a digit or `.`. A lone `-` and negative numbers (`-5`, `-.5`) are values.
  static func looksLikeOption(_ argument: String) -> Bool {
    guard argument.hasPrefix("-"), argument != "-" else { return false }
    if argument.hasPrefix("--") { return true }
    let second = argument.dropFirst().first
    return !(second == "." || (second?.isASCII == true && second?.isNumber == true))
  }

  /// The option name and any `=value`, resolving a one-letter alias.
  private static func split(_ argument: String, spec: CommandSpec) throws(UsageError) -> (
    String, String?
  ) {
    if argument.hasPrefix("--") {
      let body = argument.dropFirst(2)
      if let equals = body.firstIndex(of: "=") {
        return (String(body[..<equals]), String(body[body.index(after: equals)...]))
      }
      return (String(body), nil)
    }
    // A short option: `-o` or `-o=value`; negative numbers are not options here.
    let body = argument.dropFirst()
    let letter = body.first
    guard let option = spec.options.first(where: { $0.shortName != nil && $0.shortName == letter })
    else {
      throw UsageError(unknownOptionMessage(argument: argument, spec: spec))
    }
    let rest = body.dropFirst()
    if rest.isEmpty { return (option.name, nil) }
    return (option.name, String(rest.hasPrefix("=") ? rest.dropFirst() : rest))
  }

  /// Throws when a required positional argument is missing (with a hint when `greedyOption`, a
  /// repeating option, took several arguments and so perhaps the positional too) or when there
  /// are more than the spec takes.
  private static func checkPositionals(_ positionals: [String], spec: CommandSpec, greedyOption: String?)
    throws(UsageError)
  {
    let required = spec.arguments.filter { !$0.optional }.count
    let repeating = spec.arguments.contains { $0.repeating }
    if positionals.count < required, let missing = spec.arguments.dropFirst(positionals.count).first {
      var message = "Missing expected argument '<\(missing.name)>'."
      if let greedyOption {
        message +=
          " '--\(greedyOption)' takes the arguments after it up to the next option:"
          + " put <\(missing.name)> before it, or after '--'."
      }
      throw UsageError(message)
    }
    if !repeating && positionals.count > spec.arguments.count {
      throw UsageError("Unexpected argument '\(positionals[spec.arguments.count])'.")
    }
  }

  static func unknownOptionMessage(argument: String, spec: CommandSpec) -> String {
    var message = "Unknown option '\(argument)'."
    let typed = argument.drop { $0 == "-" }.split(separator: "=").first.map(String.init) ?? ""
    let best = spec.options
      .map { (option: $0, distance: editDistance(typed, $0.name)) }
      .filter { $0.distance < 4 }
      .min { $0.distance < $1.distance }
    if let best { message += " Did you mean '--\(best.option.name)'?" }
    return message
  }

  /// Levenshtein distance between two strings, by characters. O(mn).
  static func editDistance(_ a: String, _ b: String) -> Int { EditDistance.levenshtein(a, b) }
}
