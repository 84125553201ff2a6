import Shared
import PatientService

await ServiceMain.run(PatientApp.self)
