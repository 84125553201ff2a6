import GeocodingService

print(GeocodingApp.name)
