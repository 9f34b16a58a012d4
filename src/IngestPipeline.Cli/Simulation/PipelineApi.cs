using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IngestPipeline.Domain.Export;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Cli.Simulation;

/// <summary>The running app's HTTP API, as a script uses it with an API key: upload, wait, read, review.</summary>
public sealed class PipelineApi(Uri address, string apiKey) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5), DefaultRequestHeaders = { { "X-Api-Key", apiKey } } };

    /// <summary>Uploads the files into the collection; the document of each file, by file name.</summary>
    public async Task<Dictionary<string, Guid>> UploadAsync(IEnumerable<string> files, string collection, CancellationToken cancellation)
    {
        using var form = new MultipartFormDataContent { { new StringContent(collection), "collection" } };
        foreach (var file in files)
        {
            var content = new ByteArrayContent(await File.ReadAllBytesAsync(file, cancellation));
            content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(content, "files", Path.GetFileName(file));
        }
        using var response = await _http.PostAsync("api/documents", form, cancellation);
        using var json = JsonDocument.Parse(await Read(response, cancellation));
        var documents = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var result in json.RootElement.EnumerateArray())
        {
            var name = result.GetProperty("fileName").GetString()!;
            if (result.GetProperty("documentId").ValueKind == JsonValueKind.Null)
                throw new InvalidDataException($"{name} was refused: {result.GetProperty("error").GetString()}");
            documents[name] = result.GetProperty("documentId").GetGuid();
        }
        return documents;
    }

    /// <summary>Waits until every document is at one of the stages (or failed), polling; the stage of each.</summary>
    public async Task<Dictionary<Guid, string>> WaitForAsync(IReadOnlyCollection<Guid> documents, string[] stages, TimeSpan timeout, CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var ids = string.Join('&', documents.Select(d => $"id={d}"));
            using var json = JsonDocument.Parse(await Read(await _http.GetAsync($"api/documents/stages?{ids}", cancellation), cancellation));
            var stage = json.RootElement.EnumerateArray().ToDictionary(d => d.GetProperty("id").GetGuid(), d => d.GetProperty("stage").GetString()!);
            if (stage.Count == documents.Count && stage.Values.All(s => s == "Failed" || stages.Contains(s))) return stage;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{stage.Values.Count(s => !stages.Contains(s) && s != "Failed")} of {documents.Count} documents did not reach {string.Join(" or ", stages)} within {timeout.TotalMinutes:0} minutes");
            await Task.Delay(1000, cancellation);
        }
    }

    public async Task<Transcript> TranscriptAsync(Guid document, CancellationToken cancellation) =>
        JsonExporter.Read(await Read(await _http.GetAsync($"api/documents/{document}/transcript", cancellation), cancellation));

    public async Task<int> RevisionAsync(Guid document, CancellationToken cancellation)
    {
        using var json = JsonDocument.Parse(await Read(await _http.GetAsync($"api/documents/{document}/review", cancellation), cancellation));
        return json.RootElement.GetProperty("revision").GetInt32();
    }

    /// <summary>Approves the document with these lines' texts (page, line, text).</summary>
    public async Task ApproveAsync(Guid document, int revision, IEnumerable<(int Page, int Line, string Text)> lines, CancellationToken cancellation)
    {
        var body = new { revision, decision = "approve", lines = lines.Select(l => new { page = l.Page, line = l.Line, text = l.Text }).ToList() };
        await Read(await _http.PostAsJsonAsync($"api/documents/{document}/review", body, cancellation), cancellation);
    }

    public async Task<JsonDocument> GetJsonAsync(string path, CancellationToken cancellation) =>
        JsonDocument.Parse(await Read(await _http.GetAsync(path, cancellation), cancellation));

    public async Task<JsonDocument> SendJsonAsync(HttpMethod method, string path, object? body, CancellationToken cancellation) =>
        JsonDocument.Parse(await Read(await _http.SendAsync(new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) }, cancellation), cancellation));

    /// <summary>Asks for the collection's [ILLEGIBLE] decision to be retrained on a worker, and waits for it; the number of the model it recorded.</summary>
    /// <exception cref="InvalidOperationException">The retraining failed (too few approved documents, ...): its reason.</exception>
    public async Task<int> RetrainAsync(string collection, bool activateIfBetter, TimeSpan timeout, CancellationToken cancellation)
    {
        using var queued = await SendJsonAsync(HttpMethod.Post, $"api/collections/{Uri.EscapeDataString(collection)}/models", new { activateIfBetter }, cancellation);
        var job = queued.RootElement.GetProperty("jobId").GetString()!;
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var state = await GetJsonAsync($"api/admin/jobs/{Uri.EscapeDataString(job)}", cancellation);
            switch (state.RootElement.GetProperty("state").GetString())
            {
                case "Succeeded":
                    using (var decision = await GetJsonAsync($"api/collections/{Uri.EscapeDataString(collection)}/decision", cancellation))
                        return decision.RootElement.GetProperty("models")[0].GetProperty("number").GetInt32();
                case "Failed" or "Deleted":
                    throw new InvalidOperationException($"retraining {collection} failed: {state.RootElement.GetProperty("error").GetString() ?? state.RootElement.GetProperty("reason").GetString()}");
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"retraining {collection} did not finish within {timeout.TotalMinutes:0} minutes (job {job})");
            await Task.Delay(1000, cancellation);
        }
    }

    private static async Task<string> Read(HttpResponseMessage response, CancellationToken cancellation)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellation);
            if (!response.IsSuccessStatusCode)
                throw new HttpRequestException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
            return body;
        }
    }

    public void Dispose() => _http.Dispose();
}
