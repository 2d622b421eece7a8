#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns what a user wrote after `--incidents` into the list of files to read.
public enum IncidentSources {
  /// The files named by `specs`, sorted by path (byte order) with duplicates removed.
  ///
  /// Each spec is one of:
  /// - a file, taken as it is (whatever its extension);
  /// - a folder: every `*.csv` file directly inside it (extension in any case, hidden files
  ///   excluded, not recursive);
  /// - a glob (`glob(3)`: `*`, `?` and `[...]`, e.g. `data/2024-*-durham-street.csv`); matches that
  ///   are folders are left out, and hidden files match only a pattern that starts with `.`.
  ///
  /// Two spellings of one file (`./a.csv` and `a.csv`, or a symbolic link) count once: the first
  /// spelling in sorted order is kept.
  /// - Throws: `.fileNotFound` for a missing file or folder, `.noFilesMatched` for a glob or
  ///   folder that yields no file, `.notReadable` when a folder or glob cannot be read.
  /// - Complexity: O(m log m) for m files found, plus the file-system calls.
  /// - Parameters:
  ///   - specs: files, folders and globs, as the user gave them.
  ///   - extensions: the file endings a folder's files are taken by (lower case, no dot; `csv`
  ///     unless told).
  public static func expand(_ specs: [String], extensions: [String] = ["csv"]) throws(InputError) -> [String] {
    var found: [String] = []
    for spec in specs {
      if isGlob(spec) && !exists(spec) {
        found += try expandGlob(spec)
      } else if isDirectory(spec) {
        found += try files(in: spec, extensions: extensions)
      } else if exists(spec) {
        found.append(spec)
      } else {
        throw InputError(file: spec, reason: .fileNotFound)
      }
    }
    found.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    var seen = Set<String>()
    return found.filter { seen.insert(canonicalPath($0)).inserted }
  }

  private static func isGlob(_ spec: String) -> Bool {
    spec.contains { $0 == "*" || $0 == "?" || $0 == "[" }
  }

  private static func exists(_ path: String) -> Bool {
    var status = stat()
    return stat(path, &status) == 0
  }

  private static func isDirectory(_ path: String) -> Bool {
    var status = stat()
    return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
  }

  private static func expandGlob(_ pattern: String) throws(InputError) -> [String] {
    var result = glob_t()
    defer { globfree(&result) }
    let status = glob(pattern, 0, nil, &result)
    if status == GLOB_NOMATCH {
      throw InputError(file: pattern, reason: .noFilesMatched(pattern: pattern))
    }
    guard status == 0, let paths = result.gl_pathv else {
      throw InputError(file: pattern, reason: .notReadable("glob(3) failed with status \(status)"))
    }
    var files: [String] = []
    for index in 0..<Int(result.gl_pathc) {
      guard let path = paths[index] else { continue }
      let file = String(cString: path)
      if !isDirectory(file) { files.append(file) }
    }
    guard !files.isEmpty else {
      throw InputError(file: pattern, reason: .noFilesMatched(pattern: pattern))
    }
    return files
  }

  private static func files(in folder: String, extensions: [String]) throws(InputError) -> [String] {
    guard let directory = opendir(folder) else {
      throw InputError(file: folder, reason: .notReadable(String(cString: strerror(errno))))
    }
    defer { closedir(directory) }
    let prefix = folder.hasSuffix("/") ? folder : folder + "/"
    var files: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard !name.hasPrefix("."), extensions.contains(where: { name.lowercased().hasSuffix("." + $0) }) else {
        continue
      }
      let path = prefix + name
      if !isDirectory(path) { files.append(path) }
    }
    guard !files.isEmpty else {
      throw InputError(file: folder, reason: .noFilesMatched(pattern: prefix + "*." + (extensions.first ?? "csv")))
    }
    return files
  }

  /// The absolute path with symbolic links resolved, or `path` itself if that fails.
  private static func canonicalPath(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}
