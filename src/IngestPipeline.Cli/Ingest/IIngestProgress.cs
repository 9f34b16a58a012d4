namespace IngestPipeline.Cli.Ingest;

/// <summary>Receives progress from a batch; called from worker threads.</summary>
public interface IIngestProgress
{
    void Start(int totalPages, int totalFiles);
    void PageDone(string document, int page);
    void DocumentDone(DocumentResult result);
}
