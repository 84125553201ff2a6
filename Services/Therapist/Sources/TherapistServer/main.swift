import TherapistService

print(TherapistApp.name)
