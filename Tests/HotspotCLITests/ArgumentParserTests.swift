import Testing

@testable import hotspot

@Suite("Argument parsing")
struct ArgumentParserTests {
  let spec = CommandSpec(
    name: "demo", abstract: "A command for tests.",
    arguments: [ArgumentSpec(name: "file", help: "Files.", repeating: true)],
    options: [
      OptionSpec(name: "cell", valueName: "size", help: "Cell size.", defaultValue: "250m"),
      OptionSpec(name: "kernel", valueName: "name", help: "Kernel.", allowedValues: ["quartic", "gaussian"]),
      OptionSpec(name: "category", valueName: "value", help: "Category.", repeating: true),
      OptionSpec(name: "output", valueName: "file", help: "Output.", shortName: "o"),
      .flag("quiet", help: "Quiet."),
    ])

  @Test("--key value, --key=value, -o value, flags and positionals")
  func acceptedForms() throws {
    let parsed = try ArgumentParser.parse(
      ["a.csv", "--cell", "400m", "--kernel=gaussian", "-o", "out.svg", "--quiet", "b.csv"], spec: spec)
    #expect(parsed.value("cell") == "400m")
    #expect(parsed.value("kernel") == "gaussian")
    #expect(parsed.value("output") == "out.svg")
    #expect(parsed.flag("quiet"))
    #expect(parsed.positionals == ["a.csv", "b.csv"])
  }

  @Test("repeated options keep every value in order; -- ends options")
  func repeatsAndDoubleDash() throws {
    let parsed = try ArgumentParser.parse(
      ["--category", "Personal", "--category=Nuisance", "x", "--", "--cell"], spec: spec)
    #expect(parsed.values("category") == ["Personal", "Nuisance"])
    #expect(parsed.positionals == ["x", "--cell"])
  }

  @Test("an unknown option is rejected with a suggestion")
  func unknownOption() {
    #expect(throws: UsageError("Unknown option '--kernal'. Did you mean '--kernel'?")) {
      try ArgumentParser.parse(["--kernal", "quartic", "f"], spec: spec)
    }
    #expect(throws: UsageError("Unknown option '--zzzzzzzz'.")) {
      try ArgumentParser.parse(["--zzzzzzzz", "f"], spec: spec)
    }
  }

  @Test("values outside the allowed list, missing values and missing arguments are usage errors")
  func invalidValues() {
    #expect(throws: UsageError("The value 'box' is invalid for '--kernel'. Use one of: quartic, gaussian.")) {
      try ArgumentParser.parse(["--kernel", "box", "f"], spec: spec)
    }
    #expect(throws: UsageError("Missing value for '--cell <size>'.")) {
      try ArgumentParser.parse(["f", "--cell"], spec: spec)
    }
    #expect(throws: UsageError("Missing expected argument '<file>'.")) {
      try ArgumentParser.parse(["--quiet"], spec: spec)
    }
    #expect(throws: UsageError("The flag '--quiet' takes no value.")) {
      try ArgumentParser.parse(["f", "--quiet=yes"], spec: spec)
    }
  }

  @Test("edit distance")
  func editDistance() {
    #expect(ArgumentParser.editDistance("kitten", "sitting") == 3)
    #expect(ArgumentParser.editDistance("", "abc") == 3)
    #expect(ArgumentParser.editDistance("same", "same") == 0)
  }

  @Test("help lists arguments and options with defaults and allowed values in a 26-column gutter")
  func helpScreen() {
    #expect(
      Help.screen(spec) == """
        OVERVIEW: A command for tests.

        USAGE: hotspot demo [--cell <size>] [--kernel <name>] [--category <value> ...]
               [--output <file>] [--quiet] <file> ...

        ARGUMENTS:
          <file>                  Files.

        OPTIONS:
          --cell <size>           Cell size. (default: 250m)
          --kernel <name>         Kernel. (values: quartic, gaussian)
          --category <value> ...  Category.
          -o, --output <file>     Output.
          --quiet                 Quiet.
          -h, --help              Show help information.

          An option shown with '...' takes one or more values: every argument after it
          up to the next option (an argument starting with '--', or '-' and a letter;
          '-' and negative numbers are values), and may be given again. '--name=value'
          gives one value. Put <file> before such an option, or after '--'.

        """)
  }
}

@Suite("Required options")
struct RequiredOptionTests {
  let spec = CommandSpec(
    name: "demo", abstract: "A command for tests.",
    options: [
      OptionSpec(name: "areas", valueName: "file", help: "Areas.", isRequired: true),
      OptionSpec(name: "cell", valueName: "size", help: "Cell size."),
    ])

  @Test("a missing required option is a usage error; usage shows it without brackets")
  func required() throws {
    #expect(throws: UsageError("Missing '--areas <file>'.")) { try ArgumentParser.parse(["--cell", "5m"], spec: spec) }
    #expect(try ArgumentParser.parse(["--areas", "a.geojson"], spec: spec).value("areas") == "a.geojson")
    #expect(Help.usage(spec) == "hotspot demo --areas <file> [--cell <size>]")
  }
}

@Suite("Argument parsing: several values after a repeating option")
struct RepeatingValuesTests {
  let spec = ArgumentParserTests().spec

  @Test("--incidents a.csv b.csv c.csv takes the three, and the next option still parses")
  func incidentsTakeEveryFile() throws {
    let parsed = try ArgumentParser.parse(
      ["--incidents", "a.csv", "b.csv", "c.csv", "--areas", "x.geojson", "-o", "out.csv", "--quiet"],
      spec: CountCommand.spec)
    #expect(parsed.values("incidents") == ["a.csv", "b.csv", "c.csv"])
    #expect(parsed.value("areas") == "x.geojson")
    #expect(parsed.value("output") == "out.csv")
    #expect(parsed.flag("quiet"))
    let again = try ArgumentParser.parse(
      ["--areas", "x.geojson", "--incidents", "a.csv", "b.csv", "--incidents", "c.csv"], spec: CountCommand.spec)
    #expect(again.values("incidents") == ["a.csv", "b.csv", "c.csv"])
  }

  @Test("every repeating option of every command takes several values")
  func everyRepeatingOption() throws {
    for command in Hotspot.commands {
      for option in command.spec.options where option.repeating && !option.isFlag {
        let values = option.allowedValues.map { Array($0.prefix(2)) } ?? ["first", "second"]
        var arguments = ["--" + option.name] + values
        // Required options, so that the parse gets that far.
        for required in command.spec.options where required.isRequired && required.name != option.name {
          arguments += ["--" + required.name, "x"]
        }
        arguments += command.spec.arguments.isEmpty ? [] : ["--", "file"]
        let parsed = try ArgumentParser.parse(arguments, spec: command.spec)
        #expect(parsed.values(option.name) == values, "\(command.spec.name) --\(option.name)")
      }
    }
  }

  @Test("a lone '-' and negative numbers are values; short options, known or not, end the list")
  func dashes() throws {
    let parsed = try ArgumentParser.parse(
      ["f.csv", "--category", "A", "-", "-5", "-.5", "-o", "out.svg"], spec: spec)
    #expect(parsed.values("category") == ["A", "-", "-5", "-.5"])
    #expect(parsed.value("output") == "out.svg")
    #expect(parsed.positionals == ["f.csv"])
    // The first value is taken whatever it looks like, as for any option.
    #expect(try ArgumentParser.parse(["f.csv", "--category", "-x"], spec: spec).values("category") == ["-x"])
    #expect(throws: UsageError("Unknown option '-x'.")) {
      try ArgumentParser.parse(["f.csv", "--category", "A", "-x"], spec: spec)
    }
  }

  @Test("--name=value takes one value; '--' ends the values; positionals before stay positional")
  func positionals() throws {
    let inline = try ArgumentParser.parse(["--category=A", "f.csv", "g.csv"], spec: spec)
    #expect(inline.values("category") == ["A"])
    #expect(inline.positionals == ["f.csv", "g.csv"])
    let ended = try ArgumentParser.parse(["--category", "A", "B", "--", "f.csv"], spec: spec)
    #expect(ended.values("category") == ["A", "B"])
    #expect(ended.positionals == ["f.csv"])
    let before = try ArgumentParser.parse(["f.csv", "--category", "A", "B"], spec: spec)
    #expect(before.values("category") == ["A", "B"])
    #expect(before.positionals == ["f.csv"])
    // A non-repeating option still takes one value: what follows is positional.
    let single = try ArgumentParser.parse(["--cell", "400m", "f.csv"], spec: spec)
    #expect(single.positionals == ["f.csv"])
  }

  @Test("a positional taken by a repeating option gives a usage error that says how to write it")
  func swallowedPositional() {
    #expect(
      throws: UsageError(
        "Missing expected argument '<file>'. '--category' takes the arguments after it up to the next"
          + " option: put <file> before it, or after '--'.")
    ) {
      try ArgumentParser.parse(["--category", "A", "f.csv"], spec: spec)
    }
  }

  @Test("values after the first are checked against the allowed values")
  func allowedValues() {
    let spec = CommandSpec(
      name: "demo", abstract: "A command for tests.",
      options: [
        OptionSpec(name: "layer", valueName: "name", help: "Layers.", allowedValues: ["a", "b"], repeating: true)
      ])
    #expect(throws: UsageError("The value 'c' is invalid for '--layer'. Use one of: a, b.")) {
      try ArgumentParser.parse(["--layer", "a", "c"], spec: spec)
    }
  }

  @Test("usage and help show '...' and say how the values are read")
  func help() {
    #expect(Help.usage(CountCommand.spec).contains("--incidents <file> ..."))
    let screen = Help.screen(CountCommand.spec)
    #expect(screen.contains("  --incidents <file> ..."))
    #expect(screen.contains("takes one or more values"))
    #expect(!Help.screen(InspectCommand.spec).contains("takes one or more values"))
  }
}
