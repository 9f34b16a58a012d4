using IngestPipeline.Infrastructure.Configuration;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Pipeline.Intake;
using IngestPipeline.Web.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace IngestPipeline.Web.Api;

/// <summary><c>POST /api/documents</c>: one or many files as multipart form data, with optional batch details.</summary>
public static class UploadEndpoints
{
    /// <summary>One request may carry several files, each up to the upload limit.</summary>
    public static long MaxRequestBytes(PipelineOptions options) => 4 * options.Limits.MaxUploadBytes;

    public sealed record UploadResult(string FileName, Guid? DocumentId, bool Duplicate, string? Stage, string? Error, Guid BatchId);

    public static void MapUploadEndpoints(this IEndpointRouteBuilder app, PipelineOptions options)
    {
        long maxRequestBytes = MaxRequestBytes(options);
        // A batch the upload page opens before it sends its files one request each, so they are one batch.
        app.MapPost("/api/batches", async (HttpRequest request, BatchBook batches, CancellationToken cancellation) =>
        {
            string? collection = request.HasFormContentType ? (await request.ReadFormAsync(cancellation))["collection"].ToString() : request.Query["collection"].ToString();
            var batch = await batches.OpenAsync(BatchKind.Upload, request.HttpContext.User.Identity!.Name!, collection, cancellation);
            return Results.Created($"/api/batches/{batch.Id}", new { batch.Id });
        })
        .RequireAuthorization(Policies.Upload)
        .RequireAntiforgeryForCookies();

        app.MapPost("/api/documents", async (HttpRequest request, DocumentRegistrar registrar, BatchBook batches, CancellationToken cancellation) =>
        {
            var (form, problem) = await ReadFilesAsync(request, maxRequestBytes, cancellation);
            if (form is null) return problem!;
            if (form.Files.Count == 0) return Results.Problem("The request holds no file.", statusCode: 400);
            var details = new UploadDetails(form["collection"], form["sourceArchive"], form["recordId"]);
            // The files join the batch named, else this request is a batch of its own.
            Guid batchId;
            if (form["batch"].ToString() is { Length: > 0 } named)
            {
                if (!Guid.TryParse(named, out batchId) || !await batches.ExistsAsync(batchId, cancellation))
                    return Results.Problem($"There is no batch \"{named}\"; open one with POST /api/batches, or send no batch.", statusCode: 400);
            }
            else batchId = (await batches.OpenAsync(BatchKind.Upload, request.HttpContext.User.Identity!.Name!, details.Collection, cancellation)).Id;
            var results = new List<UploadResult>();
            foreach (var file in form.Files)
            {
                var name = DocumentRegistrar.DisplayName(file.FileName);
                try
                {
                    await using var content = file.OpenReadStream();
                    var registration = await registrar.RegisterAsync(content, file.FileName, details, cancellation);
                    await batches.RecordAsync(batchId, name, registration, null, cancellation);
                    results.Add(new UploadResult(name, registration.Document.Id, registration.Duplicate, registration.Document.Stage.ToString(), null, batchId));
                }
                catch (UploadRejectedException e)
                {
                    await batches.RecordAsync(batchId, name, null, e.Message, cancellation);
                    results.Add(new UploadResult(name, null, false, null, e.Message, batchId));
                }
            }
            return Results.Ok(results);
        })
        .WithMetadata(new RequestSizeLimitAttribute(maxRequestBytes))
        .RequireAuthorization(Policies.Upload)
        .DisableAntiforgery() // the form is read by hand: the filter below checks the token for cookie requests
        .RequireAntiforgeryForCookies();

        // A failed document replaced by the mended file, in its place in its batch (FailedDocumentRemover); 409 for any other.
        app.MapPost("/api/documents/{id:guid}/replacement", async (Guid id, HttpRequest request, FailedDocumentRemover remover, CancellationToken cancellation) =>
        {
            var (form, problem) = await ReadFilesAsync(request, maxRequestBytes, cancellation);
            if (form is null) return problem!;
            if (form.Files.Count != 1) return Results.Problem($"Send one file, the mended one; the request holds {form.Files.Count}.", statusCode: 400);
            await using var content = form.Files[0].OpenReadStream();
            var (outcome, message, registration) = await remover.ReplaceAsync(id, content, form.Files[0].FileName, cancellation);
            return outcome switch
            {
                FailedDocumentRemover.Outcome.Removed => Results.Ok(new { registration!.Document.Id, registration.Duplicate, Stage = registration.Document.Stage.ToString(), Message = message }),
                FailedDocumentRemover.Outcome.NotFound => Results.Problem(message, statusCode: 404),
                FailedDocumentRemover.Outcome.Refused => Results.Problem(message, statusCode: 400),
                _ => Results.Problem(message, statusCode: 409),
            };
        })
        .WithMetadata(new RequestSizeLimitAttribute(maxRequestBytes))
        .RequireAuthorization(Policies.Upload)
        .DisableAntiforgery()
        .RequireAntiforgeryForCookies();

        // A failed document, deleted so that the mended file can be uploaded (FailedDocumentRemover); 409 for any other.
        app.MapDelete("/api/documents/{id:guid}", async (Guid id, FailedDocumentRemover remover, CancellationToken cancellation) =>
        {
            var (outcome, message) = await remover.RemoveAsync(id, cancellation);
            return outcome switch
            {
                FailedDocumentRemover.Outcome.Removed => Results.NoContent(),
                FailedDocumentRemover.Outcome.NotFound => Results.Problem(message, statusCode: 404),
                _ => Results.Problem(message, statusCode: 409),
            };
        })
        .RequireAuthorization(Policies.Upload)
        .RequireAntiforgeryForCookies();
    }

    /// <summary>
    /// The multipart form of an endpoint that takes files, up to the whole request's limit (the default form options
    /// stop at 128 MB); or the answer for a request that is not one: 415, 413 past the limit, 400 when malformed.
    /// </summary>
    private static async Task<(IFormCollection? Form, IResult? Problem)> ReadFilesAsync(HttpRequest request, long maxRequestBytes, CancellationToken cancellation)
    {
        if (!request.HasFormContentType) return (null, Results.Problem("Send the files as multipart/form-data.", statusCode: 415));
        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = maxRequestBytes }));
        try
        {
            return (await request.ReadFormAsync(cancellation), null);
        }
        catch (InvalidDataException e)
        {
            // Only the body's length is a size problem; anything else is a malformed form.
            bool tooLong = e.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase);
            return (null, Results.Problem($"The upload could not be read as a form: {e.Message}",
                statusCode: tooLong ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest));
        }
    }
}
