import Dispatch
import GeoCore

/// ESRI ASCII grid (`.asc`) text, which QGIS, ArcGIS and GDAL open in place, and the `.prj` that
/// tells them its CRS.
///
/// The header gives `ncols`, `nrows`, `xllcorner`, `yllcorner` (the south-west corner of the grid),
/// `cellsize` and `NODATA_value`; rows follow north row first, as the format requires. Rows are
/// formatted on all cores; the text is the same whatever their number.
public enum ASCIIGridWriter {
  /// The value written for cells without data.
  public static let noData = "-9999"

  /// - Parameters:
  ///   - values: one per cell, row-major from the south-west (index = row · columns + column);
  ///     nil for no data.
  ///   - columns: cells per row (`ncols`).
  ///   - rows: rows of cells (`nrows`).
  ///   - minX: the x of the grid's west edge (`xllcorner`), in the grid's CRS units.
  ///   - minY: the y of the grid's south edge (`yllcorner`), in the grid's CRS units.
  ///   - cellSize: the side of a square cell (`cellsize`), in the grid's CRS units.
  ///   - digits: decimals written (trailing zeros trimmed); nil, the default, writes every value in
  ///     full as `NumberText.shortest` (`4.1e-8`, not `0`), which GDAL, QGIS and ArcGIS read.
  public static func write(
    values: [Double?], columns: Int, rows: Int, minX: Double, minY: Double, cellSize: Double, digits: Int? = nil
  ) -> String {
    precondition(values.count == columns * rows)
    var text = "ncols \(columns)\nnrows \(rows)\n"
    text += "xllcorner \(NumberText.shortest(minX))\nyllcorner \(NumberText.shortest(minY))\n"
    text += "cellsize \(NumberText.shortest(cellSize))\nNODATA_value \(noData)\n"
    var bytes = Array(text.utf8)
    // Rows are formatted in parallel, in contiguous bands of rows each into its own bytes, and
    // joined in order: the same bytes as one pass, whatever the thread count.
    let noDataBytes = Array(noData.utf8)
    let bandCount = Parallel.chunkCount(count: rows, minimumChunk: 64)
    let bands = UnsafeMutablePointer<[UInt8]>.allocate(capacity: bandCount)
    bands.initialize(repeating: [], count: bandCount)
    defer {
      bands.deinitialize(count: bandCount)
      bands.deallocate()
    }
    let out = DisjointWrites(bands)
    DispatchQueue.concurrentPerform(iterations: bandCount) { band in
      // Band b holds output lines [b·rows/B, (b+1)·rows/B): rows from the north.
      let first = band * rows / bandCount
      let last = (band + 1) * rows / bandCount
      var text: [UInt8] = []
      text.reserveCapacity((last - first) * columns * 10)
      for line in first..<last {
        let row = rows - 1 - line
        for column in 0..<columns {
          if column > 0 { text.append(UInt8(ascii: " ")) }
          if let value = values[row * columns + column], value.isFinite {
            if let digits {
              NumberText.appendFixed(value, digits: digits, to: &text)
            } else {
              NumberText.appendShortest(value, to: &text)
            }
          } else {
            text += noDataBytes
          }
        }
        text.append(UInt8(ascii: "\n"))
      }
      out[band] = text
    }
    bytes.reserveCapacity(bytes.count + (0..<bandCount).reduce(0) { $0 + bands[$1].count })
    for band in 0..<bandCount { bytes += bands[band] }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The ESRI WKT for a `.prj` beside the grid; nil for planar data (no CRS to name).
  public static func projectionText(_ crs: CRS) -> String? {
    switch crs {
    case .britishNationalGrid:
      return "PROJCS[\"British_National_Grid\",GEOGCS[\"GCS_OSGB_1936\",DATUM[\"D_OSGB_1936\","
        + "SPHEROID[\"Airy_1830\",6377563.396,299.3249646]],PRIMEM[\"Greenwich\",0.0],"
        + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],"
        + "PARAMETER[\"False_Easting\",400000.0],PARAMETER[\"False_Northing\",-100000.0],"
        + "PARAMETER[\"Central_Meridian\",-2.0],PARAMETER[\"Scale_Factor\",0.9996012717],"
        + "PARAMETER[\"Latitude_Of_Origin\",49.0],UNIT[\"Meter\",1.0]]"
    case .localTransverseMercator(let lon0, let lat0):
      return "PROJCS[\"Local_Transverse_Mercator\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\","
        + "SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],"
        + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],"
        + "PARAMETER[\"False_Easting\",0.0],PARAMETER[\"False_Northing\",0.0],"
        + "PARAMETER[\"Central_Meridian\",\(NumberText.shortest(lon0))],PARAMETER[\"Scale_Factor\",1.0],"
        + "PARAMETER[\"Latitude_Of_Origin\",\(NumberText.shortest(lat0))],UNIT[\"Meter\",1.0]]"
    case .wgs84:
      return "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],"
        + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]"
    case .planar:
      return nil
    }
  }
}
