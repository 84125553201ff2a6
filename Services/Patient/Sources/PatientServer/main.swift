import PatientService

print(PatientApp.name)
