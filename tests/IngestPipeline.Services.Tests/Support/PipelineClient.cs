using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IngestPipeline.Services.Tests.Support;

internal sealed record UploadResult(string FileName, Guid? DocumentId, bool Duplicate, string? Stage, string? Error, Guid BatchId);

internal sealed record BatchEntryView(string FileName, Guid? DocumentId, bool Duplicate, string? Error, string? Stage);

internal sealed record BatchView(Guid Id, string Kind, string CreatedBy, int Files, int InProgress, int InReview, int Done, int Failed, List<BatchEntryView> Entries);

internal sealed record PageView(int Number, string Status, int Attempts, string? FailureReason, double? RecognitionSeconds);

internal sealed record DocumentView(Guid Id, string FileName, string Sha256, string Stage, string? FailureReason, int PageCount, int FlagCount, IReadOnlyList<PageView> Pages);

internal sealed record DocumentSummary(Guid Id, string FileName, string Stage, string? FailureReason, int PageCount, DateTime CreatedAt, DateTime UpdatedAt);

internal sealed record DocumentList(int Total, IReadOnlyList<DocumentSummary> Items);

internal sealed record ReviewEntry(Guid Id, Guid DocumentId, string FileName);

internal sealed record ReviewQueuePage(int Total, int Skip, int Take, List<ReviewEntry> Items);

internal sealed record IngestionRunView(Guid Id, DateTime? FinishedAt, int FilesTaken, int Duplicates, int Failures, string Report);

/// <summary>The web host's REST API as the tests use it.</summary>
internal sealed class PipelineClient(Uri address) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private readonly HttpClient _http = new() { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2), DefaultRequestHeaders = { { "X-Api-Key", TestAccounts.ApiKey } } };

    public Uri Address => address;

    public async Task<IReadOnlyList<UploadResult>> UploadAsync(IEnumerable<string> files, string? collection = null)
    {
        using var form = new MultipartFormDataContent();
        foreach (var file in files) form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(file)), "files", Path.GetFileName(file));
        if (collection is not null) form.Add(new StringContent(collection), "collection");
        var response = await _http.PostAsync("api/documents", form);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<List<UploadResult>>(Json))!;
    }

    /// <summary>Uploads one file under exactly the name given, bytes and all (the multipart body is written by hand).</summary>
    public async Task<UploadResult> UploadRawAsync(byte[] fileName, byte[] content)
    {
        const string boundary = "----ingestpipeline-test-boundary";
        var body = new MemoryStream();
        body.Write(System.Text.Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\""));
        body.Write(fileName);
        body.Write(System.Text.Encoding.ASCII.GetBytes("\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
        body.Write(content);
        body.Write(System.Text.Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n"));
        var request = new ByteArrayContent(body.ToArray());
        request.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        var response = await _http.PostAsync("api/documents", request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<List<UploadResult>>(Json))!.Single();
    }

    public async Task<IReadOnlyList<BatchView>> BatchesAsync() => (await _http.GetFromJsonAsync<List<BatchView>>("api/batches", Json))!;

    public async Task<BatchView> BatchAsync(Guid id) => (await _http.GetFromJsonAsync<BatchView>($"api/batches/{id}", Json))!;

    public async Task<DocumentList> DocumentsAsync() => (await _http.GetFromJsonAsync<DocumentList>("api/documents?take=500", Json))!;

    /// <summary>Every document, page by page of the list (the API gives at most 500 at a time).</summary>
    public async Task<DocumentList> AllDocumentsAsync()
    {
        var items = new List<DocumentSummary>();
        DocumentList page;
        do
        {
            page = (await _http.GetFromJsonAsync<DocumentList>($"api/documents?take=500&skip={items.Count}", Json))!;
            items.AddRange(page.Items);
        }
        while (page.Items.Count > 0 && items.Count < page.Total);
        return new DocumentList(page.Total, items);
    }

    public async Task<DocumentView> DocumentAsync(Guid id) => (await _http.GetFromJsonAsync<DocumentView>($"api/documents/{id}", Json))!;

    /// <summary>Sends the file in place of a failed document (POST api/documents/{id}/replacement); the answer as it came.</summary>
    public async Task<HttpResponseMessage> ReplaceAsync(Guid id, string file)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(file)), "files", Path.GetFileName(file) } };
        return await _http.PostAsync($"api/documents/{id}/replacement", form);
    }

    public async Task<string> GetStringAsync(string path) => await _http.GetStringAsync(path);

    public async Task<string> TextAsync(Guid id) => await _http.GetStringAsync($"api/documents/{id}/text");

    /// <summary>The whole queue (the tests' queues are far shorter than one page of 500).</summary>
    public async Task<IReadOnlyList<ReviewEntry>> ReviewQueueAsync() => (await _http.GetFromJsonAsync<ReviewQueuePage>("api/review-queue?take=500", Json))!.Items;

    public async Task<IReadOnlyList<IngestionRunView>> IngestionRunsAsync() => (await _http.GetFromJsonAsync<List<IngestionRunView>>("api/ingestion-runs", Json))!;

    public async Task PostAsync(string path) => (await _http.PostAsync(path, null)).EnsureSuccessStatusCode();

    /// <summary>DELETE with the admin's key; the status it answered.</summary>
    public async Task<System.Net.HttpStatusCode> DeleteAsync(string path)
    {
        using var response = await _http.DeleteAsync(path);
        return response.StatusCode;
    }

    /// <summary>Polls the document list until every document has left the working stages, or the time is up.</summary>
    public async Task<DocumentList> WaitUntilSettledAsync(int expected, TimeSpan timeout, Func<string> diagnostics)
    {
        var deadline = DateTime.UtcNow + timeout;
        DocumentList list;
        do
        {
            list = await DocumentsAsync();
            if (list.Total >= expected && list.Items.All(d => d.Stage is "AwaitingReview" or "Failed" or "Approved" or "Published" or "Rejected")) return list;
            await Task.Delay(500);
        }
        while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"Not settled after {timeout}: {string.Join(", ", list.Items.Select(d => $"{d.FileName}={d.Stage}"))}\n{diagnostics()}");
    }

    public void Dispose() => _http.Dispose();
}
