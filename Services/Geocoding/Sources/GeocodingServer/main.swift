import Shared
import GeocodingService

await ServiceMain.run(GeocodingApp.self)
