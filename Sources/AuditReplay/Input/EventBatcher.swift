/// Splits one input file's bytes into batches of event records.
protocol EventBatcher: AnyObject {
    /// The next batch with at least one record or skipped line, or `nil` when the file is done.
    func nextBatch() throws(InputError) -> EventBatch?
}
