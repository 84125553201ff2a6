public import Shared

extension CentroidIndex {
    /// `geocoding import-plz FILE`: imports a centroid file (GeoNames `DE.txt` or the JSON list
    /// format) with the service's configuration and database, prints the counts as one JSON
    /// line (`{"format":…,"read":…,"imported":…,"updated":…,"skipped":…}`) and exits 0; 1 when
    /// the import failed (nothing changed), 2 without exactly one FILE argument. `index` picks
    /// the app's index.
    public static func importPLZCommand<App: ServiceApplication>(
        _ index: @escaping @Sendable (App) -> CentroidIndex
    ) -> ServiceCommand<App> {
        ServiceCommand("import-plz", arguments: "FILE") { app, context in
            guard context.arguments.count == 1, let file = context.arguments.first, !file.isEmpty else {
                context.logger.error("usage: geocoding import-plz FILE")
                return 2
            }
            do {
                let summary = try await index(app).importFile(file)
                context.print(summary.json)
                return 0
            } catch {
                context.logger.error("PLZ import failed: \(error)", ["file": file])
                return 1
            }
        }
    }
}
