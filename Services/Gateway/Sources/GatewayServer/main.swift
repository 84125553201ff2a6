import GatewayService

print(GatewayApp.name)
