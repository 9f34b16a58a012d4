using System.Text.Json;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Pipeline.Learning;
using IngestPipeline.Pipeline.Review;
using IngestPipeline.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Web.Api;

/// <summary>What a collection's reviews have taught: its reviewer decisions as labelled examples, the quality they measure, and its lexicon.</summary>
public static class CollectionEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void MapCollectionEndpoints(this IEndpointRouteBuilder routes)
    {
        // JSON lines, one example a line, streamed: a collection of thousands of cables has hundreds of thousands.
        routes.MapGet("/api/collections/{name}/examples", async (string name, HttpContext http, PipelineDbContext db, CancellationToken cancellation) =>
        {
            if (await MissingAsync(db, name, cancellation) is { } missing)
            {
                await missing.ExecuteAsync(http);
                return;
            }
            http.Response.ContentType = "application/x-ndjson; charset=utf-8";
            var examples = db.ReviewExamples.AsNoTracking().Where(e => e.Collection == name)
                .Join(db.Documents, e => e.DocumentId, d => d.Id, (e, d) => new { Example = e, d.FileName })
                .OrderBy(x => x.Example.DocumentId).ThenBy(x => x.Example.Page).ThenBy(x => x.Example.Line).ThenBy(x => x.Example.Word)
                .AsAsyncEnumerable();
            await foreach (var (e, file) in examples.Select(x => (x.Example, x.FileName)).WithCancellation(cancellation))
            {
                var line = JsonSerializer.SerializeToUtf8Bytes(new
                {
                    Document = e.DocumentId, File = file, e.Collection, e.Version, e.RecognizedVersion, e.Kind, e.Flag, e.Page, e.Line, e.Word,
                    Box = new[] { e.Left, e.Top, e.Right, e.Bottom }, e.Recognized, e.Reviewed, e.MatchesGuess, e.Confidence, e.Probability, e.Model,
                    Evidence = JsonDocument.Parse(e.EvidenceJson).RootElement, e.Reviewer, e.DecidedAt,
                }, Json);
                await http.Response.Body.WriteAsync(line, cancellation);
                await http.Response.Body.WriteAsync("\n"u8.ToArray(), cancellation);
            }
        })
        .RequireAuthorization(Policies.Review);

        routes.MapGet("/api/collections/{name}/quality", async (string name, PipelineDbContext db, CancellationToken cancellation) =>
            await MissingAsync(db, name, cancellation) ?? Results.Ok(await QualityReport.OfAsync(db, name, cancellation)))
            .RequireAuthorization(Policies.Review);

        routes.MapGet("/api/collections/{name}/lexicon", async (string name, PipelineDbContext db, CancellationToken cancellation) =>
            await MissingAsync(db, name, cancellation) ?? Results.Ok(await CollectionLexicon.EntriesAsync(db, name, cancellation)))
            .RequireAuthorization(Policies.Review);

        routes.MapDelete("/api/collections/{name}/lexicon/{word}", async (string name, string word, HttpContext http, PipelineDbContext db, CancellationToken cancellation) =>
            await CollectionLexicon.RemoveAsync(db, name, word, http.User.Identity!.Name!, cancellation)
                ? Results.NoContent()
                : Results.Problem($"The lexicon of \"{name}\" has no word \"{word}\".", statusCode: 404))
            .RequireAuthorization(Policies.Admin)
            .RequireAntiforgeryForCookies();
    }

    /// <summary>A 404 naming the collection when no document is in it; null when there is one.</summary>
    private static async Task<IResult?> MissingAsync(PipelineDbContext db, string name, CancellationToken cancellation) =>
        await db.Documents.AnyAsync(d => d.Collection == name, cancellation) ? null : Results.Problem($"There is no collection \"{name}\".", statusCode: 404);
}
