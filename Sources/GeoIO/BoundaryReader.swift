import GeoCore

/// Reads a boundary file of either format into a `BoundaryLayer`, so that every command takes
/// GeoJSON and Shapefiles alike.
///
/// The extension decides: `.shp` (any case) is read by `ShapefileReader` with its companions,
/// anything else by `GeoJSONReader`.
///
/// ## Example
///
///     let layer = try BoundaryReader.read(file: "divisions.shp", declaredCRS: nil)
///     print(layer.format.name, layer.collection.features.count)
///     // Prints "Shapefile 63"
public enum BoundaryReader {
  /// Reads the boundary file at `path`.
  /// - Parameters:
  ///   - path: a GeoJSON file, or a Shapefile's `.shp` (its companions beside it).
  ///   - declaredCRS: the user's `--crs`, which overrides what the file says.
  /// - Throws: `InputError`, as the reader for the format throws it.
  public static func read(file path: String, declaredCRS: CRS? = nil) throws(InputError)
    -> BoundaryLayer
  {
    if isShapefile(path) {
      return try ShapefileReader.read(file: path, declaredCRS: declaredCRS)
    }
    return try GeoJSONReader.read(file: path, declaredCRS: declaredCRS)
  }

  /// True for files read as boundaries: `.geojson`, `.json` and `.shp`, or any file whose first
  /// non-blank byte is `{`. Everything else is read as incident CSV.
  public static func isBoundaryFile(_ path: String) -> Bool {
    let lower = path.lowercased()
    if lower.hasSuffix(".geojson") || lower.hasSuffix(".json") || lower.hasSuffix(".shp") { return true }
    if lower.hasSuffix(".csv") || lower.hasSuffix(".txt") { return false }
    return FileSniffer.firstNonBlankByte(path) == UInt8(ascii: "{")
  }

  /// True for a path ending in `.shp`, in any case.
  public static func isShapefile(_ path: String) -> Bool {
    path.lowercased().hasSuffix(".shp")
  }
}
