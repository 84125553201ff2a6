import Shared
import TherapistService

await ServiceMain.run(TherapistApp.self)
