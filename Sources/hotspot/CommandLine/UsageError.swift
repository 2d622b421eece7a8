/// A command line that does not fit the command's spec: exit status 64, with the usage line.
struct UsageError: Error, Equatable, CustomStringConvertible {
  var message: String
  var description: String { message }

  init(_ message: String) { self.message = message }
}
