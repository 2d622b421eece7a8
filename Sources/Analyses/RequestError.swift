/// A request whose values cannot be analysed as given (a grid of too many cells, a budget of no
/// cells, two options that exclude each other): nothing was computed. The command line reports it
/// as a usage error (exit status 64) with the command's usage line.
public struct RequestError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong, and what to give instead, in one or two sentences.
  public var message: String
  /// The message.
  public var description: String { message }

  /// An error saying `message`.
  public init(_ message: String) { self.message = message }
}
