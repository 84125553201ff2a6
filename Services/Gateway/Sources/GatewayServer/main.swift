import Shared
import GatewayService

await ServiceMain.run(GatewayApp.self)
