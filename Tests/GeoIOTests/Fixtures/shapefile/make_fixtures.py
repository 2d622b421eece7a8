#!/usr/bin/env python3
"""Writes the Shapefile fixtures of GeoIOTests (ShapefileReaderTests, CountShapefileTests).

Standard library only (struct); run from anywhere:

    python3 Tests/GeoIOTests/Fixtures/shapefile/make_fixtures.py [path/to/shared]

`shared` defaults to the `shared/` folder beside the package checkout. The output is
deterministic (fixed dBASE dates, no timestamps), so running it again gives the same bytes.

Fixtures written beside this script:

- durham-divisions-wgs84.{shp,shx,dbf,prj,cpg}: the 63 County Durham electoral divisions of
  shared/realdata/county-durham-boundaries/wards2013_E06000047_county_durham.geojson
  (ONS / martinjc UK-GeoJSON, OGL), shape type Polygon (5), coordinates as in the GeoJSON
  (lon/lat), `.prj` ESRI `GCS_WGS_1984`, `.cpg` `UTF-8`, language driver 0x00. Fields
  WD13CD, WD13CDO, WD13NM, WD13NMW (C; WD13NMW is null in the source, so blank) and SEQ
  (N 4.0, the feature's 1-based position in the GeoJSON).
- durham-divisions-bng.{shp,shx,dbf,prj}: the same divisions projected to British National
  Grid (EPSG:27700) here: WGS84 -> OSGB36 by the inverse of the EPSG:1314 Helmert (transposed
  rotation, as PROJ and GeoCore do), then the Ordnance Survey's transverse Mercator formulas
  (OS, "A guide to coordinate systems in Great Britain", Annex C). Shape type Polygon, `.prj`
  ESRI `British_National_Grid`, no `.cpg`, language driver 0x57 (Windows ANSI).
- welsh-names-latin1.{shp,shx,dbf,prj,cpg}: four made-up areas on Anglesey in British
  National Grid, shape type PolygonZ (15) with Z and M values (which the reader drops); `.prj`
  in OGC WKT naming `OSGB 1936 / British National Grid`; `.cpg` `ISO-8859-1`, names in Latin-1
  ("Ynys Môn"). Record 1 is two islands (a MultiPolygon), record 2 has a hole (counter-clockwise
  ring), record 3 is marked deleted, record 4 has blank values. Fields NAME (C), POP (N 8.0),
  DENSITY (F 12.4), URBAN (L), UPDATED (D) and NOTES (M, memo: kept as text and reported).

Orientation follows the Shapefile rule: outer rings clockwise, holes counter-clockwise.
"""

import json
import math
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


# MARK: - Writers


def signed_area(ring):
    """Shoelace area, positive counter-clockwise."""
    total = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        total += x1 * y2 - x2 * y1
    return total / 2


def oriented(ring, clockwise):
    if ring[0] != ring[-1]:
        ring = ring + [ring[0]]
    is_clockwise = signed_area(ring) < 0
    return ring if is_clockwise == clockwise else list(reversed(ring))


def polygon_parts(geometry):
    """The rings of a GeoJSON Polygon or MultiPolygon, outers clockwise and holes counter-clockwise."""
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    parts = []
    for polygon in polygons:
        parts.append(oriented([tuple(p[:2]) for p in polygon[0]], clockwise=True))
        for hole in polygon[1:]:
            parts.append(oriented([tuple(p[:2]) for p in hole], clockwise=False))
    return parts


def box(points):
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def polygon_content(parts, shape_type):
    """Record content of a Polygon (5), PolygonZ (15) or PolygonM (25)."""
    points = [p for part in parts for p in part]
    starts, index = [], 0
    for part in parts:
        starts.append(index)
        index += len(part)
    content = struct.pack("<i4d2i", shape_type, *box(points), len(parts), len(points))
    content += struct.pack(f"<{len(parts)}i", *starts)
    content += b"".join(struct.pack("<2d", x, y) for x, y in points)
    if shape_type == 15:
        z = [float(i % 7) for i in range(len(points))]  # any heights: the reader drops them
        content += struct.pack("<2d", min(z), max(z)) + struct.pack(f"<{len(z)}d", *z)
    if shape_type in (15, 25):
        m = [float(i) for i in range(len(points))]
        content += struct.pack("<2d", min(m), max(m)) + struct.pack(f"<{len(m)}d", *m)
    return content


def write_shp_shx(base, shape_type, contents, all_points):
    """Main file and index: 100-byte headers, then records (big-endian header, little-endian content)."""
    records, index = b"", b""
    offset = 100
    for number, content in enumerate(contents, start=1):
        index += struct.pack(">2i", offset // 2, len(content) // 2)
        records += struct.pack(">2i", number, len(content) // 2) + content
        offset += 8 + len(content)

    def header(length):
        return (
            struct.pack(">7i", 9994, 0, 0, 0, 0, 0, length // 2)
            + struct.pack("<2i", 1000, shape_type)
            + struct.pack("<4d", *box(all_points))
            + struct.pack("<4d", 0, 0, 0, 0)
        )

    with open(base + ".shp", "wb") as f:
        f.write(header(100 + len(records)) + records)
    with open(base + ".shx", "wb") as f:
        f.write(header(100 + len(index)) + index)


def write_dbf(base, fields, rows, encoding, language_driver, deleted=()):
    """dBASE III: fields are (name, type, length, decimals); rows are lists of already formatted text."""
    header_length = 32 + 32 * len(fields) + 1
    record_length = 1 + sum(f[2] for f in fields)
    out = struct.pack("<B3BIHH", 0x03, 113, 1, 1, len(rows), header_length, record_length)
    out += bytes(17) + bytes([language_driver]) + bytes(2)
    for name, kind, length, decimals in fields:
        out += name.encode("ascii").ljust(11, b"\0") + kind.encode("ascii") + bytes(4)
        out += bytes([length, decimals]) + bytes(14)
    out += b"\r"
    for number, row in enumerate(rows, start=1):
        out += b"*" if number in deleted else b" "
        for (name, kind, length, decimals), value in zip(fields, row):
            data = value.encode(encoding)
            assert len(data) <= length, (name, value)
            out += data.rjust(length) if kind in "NF" else data.ljust(length)
    out += b"\x1a"
    with open(base + ".dbf", "wb") as f:
        f.write(out)


def write_text(path, text):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


WGS84_PRJ = (
    'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],'
    'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]'
)
BNG_PRJ_ESRI = (
    'PROJCS["British_National_Grid",GEOGCS["GCS_OSGB_1936",DATUM["D_OSGB_1936",'
    'SPHEROID["Airy_1830",6377563.396,299.3249646]],PRIMEM["Greenwich",0.0],'
    'UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],'
    'PARAMETER["False_Easting",400000.0],PARAMETER["False_Northing",-100000.0],'
    'PARAMETER["Central_Meridian",-2.0],PARAMETER["Scale_Factor",0.9996012717],'
    'PARAMETER["Latitude_Of_Origin",49.0],UNIT["Meter",1.0]]'
)
BNG_PRJ_OGC = (
    'PROJCS["OSGB 1936 / British National Grid",GEOGCS["OSGB 1936",DATUM["OSGB_1936",'
    'SPHEROID["Airy 1830",6377563.396,299.3249646,AUTHORITY["EPSG","7001"]],'
    'AUTHORITY["EPSG","6277"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],'
    'UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4277"]],'
    'PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",49],'
    'PARAMETER["central_meridian",-2],PARAMETER["scale_factor",0.9996012717],'
    'PARAMETER["false_easting",400000],PARAMETER["false_northing",-100000],'
    'UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],AXIS["Northing",NORTH],'
    'AUTHORITY["EPSG","27700"]]'
)


# MARK: - WGS84 -> British National Grid


def to_bng(lon, lat):
    # WGS84 geodetic -> geocentric (height 0).
    a, f = 6378137.0, 1 / 298.257223563
    e2 = f * (2 - f)
    phi, lam = math.radians(lat), math.radians(lon)
    nu = a / math.sqrt(1 - e2 * math.sin(phi) ** 2)
    x, y, z = nu * math.cos(phi) * math.cos(lam), nu * math.cos(phi) * math.sin(lam), nu * (1 - e2) * math.sin(phi)
    # EPSG:1314 (OSGB36 -> WGS84, position vector), inverted with the transposed rotation.
    arcsec = math.pi / (180 * 3600)
    tx, ty, tz = 446.448, -125.157, 542.060
    rx, ry, rz = 0.150 * arcsec, 0.247 * arcsec, 0.842 * arcsec
    s = 1 + (-20.489) * 1e-6
    u, v, w = (x - tx) / s, (y - ty) / s, (z - tz) / s
    x, y, z = u + rz * v - ry * w, -rz * u + v + rx * w, ry * u - rx * v + w
    # Geocentric -> OSGB36 geodetic on Airy 1830.
    a, b = 6377563.396, 6356256.909
    e2 = 1 - (b * b) / (a * a)
    p = math.hypot(x, y)
    phi = math.atan2(z, p * (1 - e2))
    for _ in range(20):
        nu = a / math.sqrt(1 - e2 * math.sin(phi) ** 2)
        phi = math.atan2(z + e2 * nu * math.sin(phi), p)
    lam = math.atan2(y, x)
    # Transverse Mercator (OS guide, Annex C).
    f0, phi0, lam0, e0, n0 = 0.9996012717, math.radians(49), math.radians(-2), 400000.0, -100000.0
    n = (a - b) / (a + b)
    nu = a * f0 / math.sqrt(1 - e2 * math.sin(phi) ** 2)
    rho = a * f0 * (1 - e2) / (1 - e2 * math.sin(phi) ** 2) ** 1.5
    eta2 = nu / rho - 1
    dphi, sphi = phi - phi0, phi + phi0
    m = b * f0 * (
        (1 + n + 5 / 4 * n**2 + 5 / 4 * n**3) * dphi
        - (3 * n + 3 * n**2 + 21 / 8 * n**3) * math.sin(dphi) * math.cos(sphi)
        + (15 / 8 * n**2 + 15 / 8 * n**3) * math.sin(2 * dphi) * math.cos(2 * sphi)
        - 35 / 24 * n**3 * math.sin(3 * dphi) * math.cos(3 * sphi)
    )
    sin, cos, tan = math.sin(phi), math.cos(phi), math.tan(phi)
    i = m + n0
    ii = nu / 2 * sin * cos
    iii = nu / 24 * sin * cos**3 * (5 - tan**2 + 9 * eta2)
    iiia = nu / 720 * sin * cos**5 * (61 - 58 * tan**2 + tan**4)
    iv = nu * cos
    v = nu / 6 * cos**3 * (nu / rho - tan**2)
    vi = nu / 120 * cos**5 * (5 - 18 * tan**2 + tan**4 + 14 * eta2 - 58 * tan**2 * eta2)
    d = lam - lam0
    northing = i + ii * d**2 + iii * d**4 + iiia * d**6
    easting = e0 + iv * d + v * d**3 + vi * d**5
    return easting, northing


# MARK: - Fixtures


def durham(shared):
    source = os.path.join(shared, "realdata", "county-durham-boundaries", "wards2013_E06000047_county_durham.geojson")
    with open(source, encoding="utf-8") as f:
        features = json.load(f)["features"]
    fields = [("WD13CD", "C", 9, 0), ("WD13CDO", "C", 6, 0), ("WD13NM", "C", 60, 0), ("WD13NMW", "C", 60, 0), ("SEQ", "N", 4, 0)]
    rows = []
    for seq, feature in enumerate(features, start=1):
        p = feature["properties"]
        rows.append([p["WD13CD"] or "", p["WD13CDO"] or "", p["WD13NM"] or "", p["WD13NMW"] or "", str(seq)])
    lonlat_parts = [polygon_parts(feature["geometry"]) for feature in features]

    base = os.path.join(HERE, "durham-divisions-wgs84")
    points = [p for parts in lonlat_parts for part in parts for p in part]
    write_shp_shx(base, 5, [polygon_content(parts, 5) for parts in lonlat_parts], points)
    write_dbf(base, fields, rows, "utf-8", 0x00)
    write_text(base + ".prj", WGS84_PRJ)
    write_text(base + ".cpg", "UTF-8")

    base = os.path.join(HERE, "durham-divisions-bng")
    grid_parts = []
    for parts in lonlat_parts:
        # Projecting keeps each ring's orientation (the projection is conformal and preserves handedness).
        grid_parts.append([[to_bng(lon, lat) for lon, lat in part] for part in parts])
    points = [p for parts in grid_parts for part in parts for p in part]
    write_shp_shx(base, 5, [polygon_content(parts, 5) for parts in grid_parts], points)
    write_dbf(base, fields, rows, "cp1252", 0x57)
    write_text(base + ".prj", BNG_PRJ_ESRI)
    for stale in (base + ".cpg",):
        if os.path.exists(stale):
            os.remove(stale)


def square(x, y, size, clockwise=True):
    ring = [(x, y), (x, y + size), (x + size, y + size), (x + size, y), (x, y)]
    return ring if clockwise else list(reversed(ring))


def welsh():
    base = os.path.join(HERE, "welsh-names-latin1")
    records = [
        # Ynys Môn: two islands.
        [square(240000, 370000, 10000), square(255000, 380000, 2000)],
        # Conwy: a square with a square hole.
        [square(270000, 360000, 10000), square(273000, 363000, 2000, clockwise=False)],
        # A deleted record.
        [square(280000, 350000, 1000)],
        # Gwynedd: blank values.
        [square(250000, 340000, 10000)],
    ]
    contents = [polygon_content(parts, 15) for parts in records]
    points = [p for parts in records for part in parts for p in part]
    write_shp_shx(base, 15, contents, points)
    fields = [("NAME", "C", 30, 0), ("POP", "N", 8, 0), ("DENSITY", "F", 12, 4), ("URBAN", "L", 1, 0), ("UPDATED", "D", 8, 0), ("NOTES", "M", 10, 0)]
    rows = [
        ["Ynys Môn", "69961", "97.2400", "F", "20130401", "1"],
        ["Conwy", "117181", "1.0E+2", "t", "19991231", ""],
        ["Wedi'i dileu", "1", "1.0000", "Y", "20200101", ""],
        ["Gwynedd", "", "", "?", "", ""],
    ]
    write_dbf(base, fields, rows, "latin-1", 0x00, deleted={3})
    write_text(base + ".prj", BNG_PRJ_OGC)
    write_text(base + ".cpg", "ISO-8859-1\n")


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "..", "..", "..", "shared")
    durham(os.path.abspath(shared))
    welsh()


if __name__ == "__main__":
    main()
