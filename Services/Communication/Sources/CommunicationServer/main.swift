import Shared
import CommunicationService

await ServiceMain.run(CommunicationApp.self)
