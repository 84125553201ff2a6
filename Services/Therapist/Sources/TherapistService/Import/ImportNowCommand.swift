public import Shared

extension TherapistImporter {
    /// `therapist import-now`: runs one cycle with the service's configuration and database
    /// (no HTTP server), prints the summary as one line of JSON and exits 0 when nothing failed,
    /// 1 otherwise. `importer` picks the app's importer.
    public static func importNowCommand<App: ServiceApplication>(
        _ importer: @escaping @Sendable (App) -> TherapistImporter
    ) -> ServiceCommand<App> {
        ServiceCommand("import-now") { app, context in
            let summary = await importer(app).runCycle()
            context.print(summary.json)
            return summary.succeeded ? 0 : 1
        }
    }
}
