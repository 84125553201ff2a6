import MatchingService

print(MatchingApp.name)
