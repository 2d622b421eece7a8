/// Process exit statuses (BSD sysexits, as DESIGN.md fixes them).
enum ExitStatus {
  static let success: Int32 = 0
  /// Anything that is a bug rather than a user's mistake.
  static let internalError: Int32 = 1
  /// EX_USAGE: the command line is wrong.
  static let usage: Int32 = 64
  /// EX_DATAERR: an input file is malformed.
  static let badData: Int32 = 65
  /// EX_NOINPUT: an input file does not exist or cannot be opened.
  static let missingInput: Int32 = 66
  /// EX_CANTCREAT: an output file cannot be created.
  static let cannotWrite: Int32 = 73
  /// EX_IOERR: reading or writing failed part way.
  static let ioError: Int32 = 74
}
