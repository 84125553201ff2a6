import CommunicationService

print(CommunicationApp.name)
