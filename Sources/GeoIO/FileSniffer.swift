import Foundation

/// Looks at the start of a file to tell formats apart when the extension does not.
public enum FileSniffer {
  /// The first byte that is not a space, tab, newline or UTF-8 byte-order mark among the first
  /// 4 KiB, or nil if there is none or the file cannot be read.
  public static func firstNonBlankByte(_ path: String) -> UInt8? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    guard let data = try? handle.read(upToCount: 4096) else { return nil }
    let skipped: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF]
    return data.first { !skipped.contains($0) }
  }
}
