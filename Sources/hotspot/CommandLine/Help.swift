/// Help screens in swift-argument-parser's layout: OVERVIEW, USAGE, ARGUMENTS, OPTIONS,
/// SUBCOMMANDS; labels in a 26-column gutter; text wrapped to 80 columns; `(default: …)` and
/// `(values: …)` after an option's help. A repeating option is shown as `--name <value> ...` in
/// the usage line and the option list, and the list ends with `repeatingRule` then.
enum Help {
  static let width = 80
  static let labelColumn = 26

  /// The usage line of a subcommand: `hotspot inspect [--format <format>] ... <file> ...`.
  static func usage(_ spec: CommandSpec, tool: String = "hotspot") -> String {
    var parts = [tool, spec.name]
    for option in spec.options {
      let body = option.isFlag ? "--\(option.name)" : "--\(option.name) <\(option.valueName ?? "")>"
      let repeated = option.repeating ? body + " ..." : body
      parts.append(option.isRequired ? repeated : "[\(repeated)]")
    }
    for argument in spec.arguments {
      var body = "<\(argument.name)>"
      if argument.repeating { body += " ..." }
      parts.append(argument.optional ? "[\(body)]" : body)
    }
    return wrapped(parts: parts, indent: 7, firstLineUsed: 7)
  }

  /// The whole help screen of a subcommand.
  static func screen(_ spec: CommandSpec, tool: String = "hotspot") -> String {
    var text = "OVERVIEW: " + wrapped(spec.abstract, indent: 0, firstLineUsed: 10) + "\n"
    if !spec.discussion.isEmpty {
      text +=
        "\n"
        + spec.discussion.split(separator: "\n", omittingEmptySubsequences: false)
        .map { wrapped(String($0), indent: 0, firstLineUsed: 0) }.joined(separator: "\n") + "\n"
    }
    text += "\nUSAGE: " + usage(spec, tool: tool) + "\n"
    if !spec.arguments.isEmpty {
      text += "\nARGUMENTS:\n"
      for argument in spec.arguments {
        text += row(label: "<\(argument.name)>", help: argument.help)
      }
    }
    text += "\nOPTIONS:\n"
    for option in spec.options {
      var label = option.shortName.map { "-\($0), " } ?? ""
      label += "--" + option.name
      if let valueName = option.valueName { label += " <\(valueName)>" + (option.repeating ? " ..." : "") }
      var help = option.help
      if let defaultValue = option.defaultValue { help += " (default: \(defaultValue))" }
      if let values = option.allowedValues { help += " (values: \(values.joined(separator: ", ")))" }
      text += row(label: label, help: help)
    }
    text += row(label: "-h, --help", help: "Show help information.")
    if spec.options.contains(where: { $0.repeating && !$0.isFlag }) {
      text += "\n  " + wrapped(repeatingRule(spec), indent: 2, firstLineUsed: 2) + "\n"
    }
    return text
  }

  /// How the parser reads an option shown with `...` (see `ArgumentParser`), said once under
  /// OPTIONS; with positional arguments, how to give them after such an option.
  static func repeatingRule(_ spec: CommandSpec) -> String {
    var rule =
      "An option shown with '...' takes one or more values: every argument after it up to"
      + " the next option (an argument starting with '--', or '-' and a letter; '-' and negative"
      + " numbers are values), and may be given again. '--name=value' gives one value."
    if let argument = spec.arguments.first {
      rule += " Put <\(argument.name)> before such an option, or after '--'."
    }
    return rule
  }

  /// The root help: the tool's overview and its subcommands.
  static func rootScreen(commands: [CommandSpec], overview: String, tool: String = "hotspot") -> String {
    var text = "OVERVIEW: " + wrapped(overview, indent: 0, firstLineUsed: 10) + "\n"
    text += "\nUSAGE: \(tool) <subcommand>\n"
    text += "\nOPTIONS:\n"
    text += row(label: "--version", help: "Show the version.")
    text += row(label: "-h, --help", help: "Show help information.")
    text += "\nSUBCOMMANDS:\n"
    for command in commands { text += row(label: command.name, help: command.abstract) }
    text += "\n  See '\(tool) help <subcommand>' for detailed help.\n"
    return text
  }

  /// "Error: …", the usage line and where to find help, as swift-argument-parser prints them.
  static func usageErrorScreen(_ message: String, spec: CommandSpec?, tool: String = "hotspot")
    -> String
  {
    var text = "Error: \(message)\n"
    if let spec {
      text += "Usage: " + usage(spec, tool: tool) + "\n"
      text += "  See '\(tool) \(spec.name) --help' for more information.\n"
    } else {
      text += "  See '\(tool) --help' for more information.\n"
    }
    return text
  }

  /// A label in the 26-column gutter, then its help wrapped beside it.
  private static func row(label: String, help: String) -> String {
    let labelText = "  " + label
    let helpText = wrapped(help, indent: labelColumn, firstLineUsed: labelColumn)
    if labelText.count < labelColumn - 1 {
      return labelText.padding(to: labelColumn) + helpText + "\n"
    }
    return labelText + "\n" + String(repeating: " ", count: labelColumn) + helpText + "\n"
  }

  /// Words wrapped to `width`; continuation lines indented by `indent`.
  static func wrapped(_ text: String, indent: Int, firstLineUsed: Int) -> String {
    wrapped(parts: text.split(separator: " ").map(String.init), indent: indent, firstLineUsed: firstLineUsed)
  }

  /// Parts (words, or whole options like `[--cell <size>]`) joined by spaces and wrapped to
  /// `width` between parts only; continuation lines indented by `indent`.
  static func wrapped(parts: [String], indent: Int, firstLineUsed: Int) -> String {
    var lines: [String] = []
    var line = ""
    var used = firstLineUsed
    for word in parts {
      if !line.isEmpty && used + line.count + 1 + word.count > width {
        lines.append(line)
        line = ""
        used = indent
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    lines.append(line)
    return lines.joined(separator: "\n" + String(repeating: " ", count: indent))
  }
}

extension String {
  /// The string padded with spaces on the right to `length` characters (unchanged if longer).
  func padding(to length: Int) -> String {
    count >= length ? self : self + String(repeating: " ", count: length - count)
  }
}
