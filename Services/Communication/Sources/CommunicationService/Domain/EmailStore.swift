/// Where emails live (implemented by `PostgresEmailStore`).
protocol EmailStore: Sendable {
    func insert(_ email: NewEmail) async throws -> EmailRecord
    func record(_ id: Int) async throws -> EmailRecord?
    func page(_ query: EmailListQuery) async throws -> (records: [EmailRecord], total: Int)
    /// The previous status, the patient (if any) and the new record; nil when there is no such email.
    func update(_ id: Int, _ changes: EmailChanges) async throws -> (previous: Emailstatus?, patientID: Int?, record: EmailRecord)?
    /// Whether a row was deleted.
    func delete(_ id: Int) async throws -> Bool
}
