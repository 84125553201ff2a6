import Shared
import MatchingService

await ServiceMain.run(MatchingApp.self)
