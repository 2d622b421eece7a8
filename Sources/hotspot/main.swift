print("hotspot")
