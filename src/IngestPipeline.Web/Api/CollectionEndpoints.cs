using System.Text.Json;
using Hangfire;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Pipeline.Learning;
using IngestPipeline.Pipeline.Review;
using IngestPipeline.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Web.Api;

/// <summary>
/// What a collection's reviews have taught: its reviewer decisions as labelled examples, the quality they measure, its
/// lexicon, and its [ILLEGIBLE] decision (models retrained from its reviews, the one in force, the target precision).
/// </summary>
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

        routes.MapGet("/api/collections/{name}/confusions", async (string name, PipelineDbContext db, CancellationToken cancellation) =>
            await MissingAsync(db, name, cancellation) ?? Results.Ok(await CollectionConfusions.OfAsync(db, name, cancellation)))
            .RequireAuthorization(Policies.Review);

        // A fault as the confusions list names it: confusion:FROM→TO (an empty FROM: a letter lost) or word:READ.
        routes.MapDelete("/api/collections/{name}/confusions/{fault}", async (string name, string fault, HttpContext http, PipelineDbContext db, CancellationToken cancellation) =>
            await CollectionConfusions.RemoveAsync(db, name, fault, http.User.Identity!.Name!, cancellation)
                ? Results.NoContent()
                : Results.Problem($"The collection \"{name}\" has not learned \"{fault}\".", statusCode: 404))
            .RequireAuthorization(Policies.Admin)
            .RequireAntiforgeryForCookies();

        routes.MapDelete("/api/collections/{name}/lexicon/{word}", async (string name, string word, HttpContext http, PipelineDbContext db, CancellationToken cancellation) =>
            await CollectionLexicon.RemoveAsync(db, name, word, http.User.Identity!.Name!, cancellation)
                ? Results.NoContent()
                : Results.Problem($"The lexicon of \"{name}\" has no word \"{word}\".", statusCode: 404))
            .RequireAuthorization(Policies.Admin)
            .RequireAntiforgeryForCookies();

        routes.MapGet("/api/collections/{name}/decision", async (string name, PipelineDbContext db, CollectionDecisions decisions, CancellationToken cancellation) =>
            await MissingAsync(db, name, cancellation) ?? Results.Ok(await DecisionAsync(decisions, name, cancellation)))
            .RequireAuthorization(Policies.Review);

        // A model's file, to read pages with offline (clean --illegibility-model FILE) and measure it (eval).
        routes.MapGet("/api/collections/{name}/models/{number:int}", async (string name, int number, CollectionDecisions decisions, CancellationToken cancellation) =>
            await decisions.ModelFileAsync(name, number, cancellation) is { } file
                ? Results.File(System.Text.Encoding.UTF8.GetBytes(file), "application/json", $"{name}-model-{number}.json")
                : Results.Problem($"Collection \"{name}\" has no model {number}.", statusCode: 404))
            .RequireAuthorization(Policies.Review);

        var admin = routes.MapGroup("/api/collections/{name}").RequireAuthorization(Policies.Admin).RequireAntiforgeryForCookies();
        // Retraining runs on a worker (it has the lexicon and the model files); the job's state is at /api/admin/jobs/{id}.
        admin.MapPost("/models", async (string name, RetrainRequest? request, HttpContext http, PipelineDbContext db, IBackgroundJobClient jobs, CancellationToken cancellation) =>
        {
            if (await MissingAsync(db, name, cancellation) is { } missing) return missing;
            string by = http.User.Identity!.Name!;
            bool activate = request?.ActivateIfBetter ?? false;
            return Results.Accepted(value: new { JobId = jobs.Enqueue<CollectionRetrainingJob>(j => j.RetrainAsync(name, by, activate, CancellationToken.None)) });
        });
        // Model 0 is the pipeline's own decision.
        admin.MapPost("/models/{number:int}/activate", async (string name, int number, HttpContext http, PipelineDbContext db, CollectionDecisions decisions,
            CancellationToken cancellation) =>
        {
            if (await MissingAsync(db, name, cancellation) is { } missing) return missing;
            try
            {
                await decisions.ActivateAsync(name, number == 0 ? null : number, http.User.Identity!.Name!, cancellation);
            }
            catch (KeyNotFoundException e)
            {
                return Results.Problem($"The {e.Message}.", statusCode: 404);
            }
            return Results.Ok(await DecisionAsync(decisions, name, cancellation));
        });
        admin.MapPut("/decision/target-precision", async (string name, TargetPrecisionRequest request, HttpContext http, PipelineDbContext db,
            CollectionDecisions decisions, CancellationToken cancellation) =>
        {
            if (await MissingAsync(db, name, cancellation) is { } missing) return missing;
            try
            {
                await decisions.SetTargetPrecisionAsync(name, request.TargetPrecision, http.User.Identity!.Name!, cancellation);
            }
            catch (ArgumentOutOfRangeException)
            {
                return Results.Problem($"A target precision is between 0.5 and 0.999, not {request.TargetPrecision}.", statusCode: 400);
            }
            return Results.Ok(await DecisionAsync(decisions, name, cancellation));
        });
        admin.MapPost("/decision/rollback", async (string name, HttpContext http, PipelineDbContext db, CollectionDecisions decisions, CancellationToken cancellation) =>
        {
            if (await MissingAsync(db, name, cancellation) is { } missing) return missing;
            return await decisions.RollbackAsync(name, http.User.Identity!.Name!, cancellation) is null
                ? Results.Problem($"The decision of \"{name}\" is the pipeline's own: there is nothing to roll back.", statusCode: 409)
                : Results.Ok(await DecisionAsync(decisions, name, cancellation));
        });
    }

    /// <summary>The collection's decision: the change in force (null: the pipeline's own), its models newest first, every change newest first.</summary>
    private static async Task<object> DecisionAsync(CollectionDecisions decisions, string name, CancellationToken cancellation)
    {
        var view = await decisions.ViewAsync(name, cancellation);
        return new { Model = view.InForce?.Model, view.InForce?.Threshold, view.TargetPrecision, view.Models, view.History };
    }

    public sealed record RetrainRequest(bool ActivateIfBetter);

    public sealed record TargetPrecisionRequest(double TargetPrecision);

    /// <summary>A 404 naming the collection when no document is in it; null when there is one.</summary>
    private static async Task<IResult?> MissingAsync(PipelineDbContext db, string name, CancellationToken cancellation) =>
        await db.Documents.AnyAsync(d => d.Collection == name, cancellation) ? null : Results.Problem($"There is no collection \"{name}\".", statusCode: 404);
}
