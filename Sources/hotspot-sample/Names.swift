/// Made-up names for the sample county. Any likeness to a real place is chance.
enum Names {
  /// The county, its police force, and the prefix of its LSOA names.
  static let county = "Sampleshire"
  static let force = "Sampleshire Constabulary"
  /// The district beyond the county's edge, for the LSOAs of incidents just outside it.
  static let neighbour = "Borderdale"

  /// Divisions away from the town centres, in the order divisions are numbered; `&` and `'`
  /// appear so that escaping gets exercised.
  static let villages = [
    "Aldwick Moor", "Barrowfield", "Bishop's Lea", "Blackhope", "Burnside & Fellgate",
    "Carrow Hill", "Castle Garth", "Copley Dene", "Cragside & Hollins", "Dalton Rise",
    "Deneholme", "Eastwick & Marsden Rows", "Elmridge", "Felton Heugh", "Fenwick & Low Moor",
    "Garrow Bank", "Greystead", "Hallgarth", "Harrowgate Fell", "Heatherlaw", "Hexley Green",
    "Holme & Stobbs", "Kelbrook", "Kirkhaugh Vale", "Langmere", "Low Ridding",
    "Marrick & Thorngate", "Millbrook", "Moorhouse", "Netherwood", "Norbeck", "Oakenshaw Park",
    "Pelham's Cross", "Quarry Hill", "Ravensby", "Rothwick", "St Hild's", "Sandholme",
    "Shawfield", "Skelbrook", "Thornby Dene", "Tinkler's Bank", "Ulverby", "Walbeck Fell",
    "Whinfield & Cotes", "Yarrow Heights", "Bracken Law", "Coalburn Row", "Edderby",
    "Fallowfield Rigg", "Mossgill", "Nab End", "Greenhow", "Lowfield",
  ]

  /// The enclave division in the middle of Wyncaster.
  static let enclave = "Old Market"

  /// Street names are a base and a suffix. `St Aidan'S` copies police.uk's capital after an
  /// apostrophe.
  static let streetBases = [
    "Albert", "Alexandra", "Beech", "Bede", "Birch", "Bridge", "Brook", "Chapel", "Church",
    "Colliery", "Coronation", "Cross", "Dale", "Dene", "East", "Elm", "Front", "George",
    "Gladstone", "Glebe", "Grange", "Hall", "High", "Hill", "Hope", "John", "King", "Laurel",
    "Lime", "Low", "Main", "Mill", "Moor", "Nelson", "North", "Oak", "Park", "Percy", "Poplar",
    "Primrose", "Queen", "Railway", "Ridley", "Rose", "St Aidan'S", "Station", "Stephenson",
    "Victoria", "West", "Willow",
  ]
  static let streetSuffixes = [
    "Street", "Road", "Terrace", "Lane", "Close", "Crescent", "Avenue", "Gardens", "Drive",
    "View", "Court", "Place",
  ]
  /// The non-street locations police.uk uses.
  static let places = [
    "Supermarket", "Parking Area", "Shopping Area", "Sports/Recreation Area", "Petrol Station",
    "Bus/Coach Station", "Nightclub", "Further/Higher Educational Building", "Hospital",
    "Police Station", "Pedestrian Subway", "Theatre/Concert Hall",
  ]

  /// `number` with leading zeros to `width` digits.
  static func padded(_ number: Int, width: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
