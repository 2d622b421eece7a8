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
    #expect(Help.screen(spec) == """
      OVERVIEW: A command for tests.

      USAGE: hotspot demo [--cell <size>] [--kernel <name>] [--category <value> ...]
             [--output <file>] [--quiet] <file> ...

      ARGUMENTS:
        <file>                  Files.

      OPTIONS:
        --cell <size>           Cell size. (default: 250m)
        --kernel <name>         Kernel. (values: quartic, gaussian)
        --category <value>      Category.
        -o, --output <file>     Output.
        --quiet                 Quiet.
        -h, --help              Show help information.

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
