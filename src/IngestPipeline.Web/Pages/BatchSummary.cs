using IngestPipeline.Infrastructure.State;
using IngestPipeline.Pipeline.Intake;

namespace IngestPipeline.Web.Pages;

/// <summary>How the batch page says where a batch and each of its files stand.</summary>
public static class BatchSummary
{
    public static string Of(BatchBook.BatchView batch) =>
        $"{Count(batch.Files, "file")}: {batch.InProgress} in progress, {batch.InReview} in review, {batch.Done} published, {batch.Failed} failed or refused.";

    /// <summary>How far the file has got: its pages read while it is read, all of it once past that, nothing if it failed.</summary>
    public static int Percent(BatchBook.EntryView entry) => entry.Stage switch
    {
        null or DocumentStage.Failed => 0,
        DocumentStage.Registered or DocumentStage.Splitting => 0,
        DocumentStage.Recognizing => entry.PageCount == 0 ? 0 : 100 * entry.PagesRecognized / entry.PageCount,
        DocumentStage.Cleaning => 99,
        _ => 100,
    };

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
