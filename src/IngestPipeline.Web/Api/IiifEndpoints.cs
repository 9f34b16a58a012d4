using System.Text.Json.Nodes;
using IngestPipeline.Domain.Export;
using IngestPipeline.Domain.Transcripts;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Infrastructure.Storage;
using IngestPipeline.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Web.Api;

/// <summary>
/// IIIF for every document (<see cref="IiifPresentation"/>): its manifest, its page images behind a level-0 Image API
/// service, and its text as annotations: the current transcript, which once published is the approved one.
/// </summary>
public static class IiifEndpoints
{
    private const string PresentationJson = "application/ld+json;profile=\"" + IiifPresentation.PresentationContext + "\"";
    private const string ImageJson = "application/ld+json;profile=\"" + IiifPresentation.ImageContext + "\"";

    public static void MapIiifEndpoints(this IEndpointRouteBuilder routes)
    {
        var iiif = routes.MapGroup("/iiif/{id:guid}").RequireAuthorization(Policies.View);

        iiif.MapGet("/manifest", async (Guid id, HttpContext http, PipelineDbContext db, CancellationToken cancellation) =>
        {
            var d = await db.Documents.AsNoTracking().Where(x => x.Id == id)
                .Select(x => new { x.TranscriptJson, x.FileName, x.Subject, x.Dated, x.Sender, x.Recipients, x.Classification, x.Collection, x.Stage })
                .SingleOrDefaultAsync(cancellation);
            if (d is null) return DocumentEndpoints.NotFound(id);
            if (d.TranscriptJson is null) return DocumentEndpoints.NotReady(id);
            var facts = new (string Label, string? Value)[]
                {
                    ("Dated", d.Dated), ("From", d.Sender), ("To", d.Recipients), ("Classification", d.Classification),
                    ("Collection", d.Collection), ("Status", d.Stage.ToString()),
                }
                .Where(f => !string.IsNullOrWhiteSpace(f.Value)).Select(f => new IiifPresentation.Fact(f.Label, f.Value!)).ToList();
            var site = Site(http);
            var renderings = await db.Publications.AnyAsync(p => p.DocumentId == id, cancellation)
                ? new List<IiifPresentation.Rendering>
                {
                    new($"{site}/api/documents/{id}/published/pdf", "Searchable PDF", "application/pdf"),
                    new($"{site}/api/documents/{id}/published/alto", "ALTO XML", "application/xml"),
                    new($"{site}/api/documents/{id}/published/txt", "Text", "text/plain"),
                }
                : [];
            var manifest = IiifPresentation.Manifest(JsonExporter.Read(d.TranscriptJson), Root(http, id), d.FileName, d.Subject, facts, renderings,
                page => $"{site}/api/documents/{id}/pages/{page}/thumbnail");
            return Json(manifest, PresentationJson);
        });

        iiif.MapGet("/pages/{number:int}/annotations", async (Guid id, int number, HttpContext http, PipelineDbContext db, CancellationToken cancellation) =>
            await PageAsync(db, id, number, cancellation) switch
            {
                ({ } page, _) => Json(IiifPresentation.Annotations(page, Root(http, id)), PresentationJson),
                (_, var problem) => problem!,
            });

        // The service's own address leads to its description, as the Image API asks (303 See Other).
        iiif.MapGet("/pages/{number:int}/image", (Guid id, int number, HttpContext http) =>
        {
            http.Response.Headers.Location = $"{IiifPresentation.ImageService(Root(http, id), number)}/info.json";
            return Results.StatusCode(StatusCodes.Status303SeeOther);
        });

        iiif.MapGet("/pages/{number:int}/image/info.json", async (Guid id, int number, HttpContext http, PipelineDbContext db, CancellationToken cancellation) =>
            await PageAsync(db, id, number, cancellation) switch
            {
                ({ } page, _) => Json(IiifPresentation.ImageInfo(page, Root(http, id)), ImageJson),
                (_, var problem) => problem!,
            });

        iiif.MapGet("/pages/{number:int}/image/{region}/{size}/{rotation}/{file}", async (Guid id, int number, string region, string size, string rotation, string file,
            HttpContext http, PipelineDbContext db, IBlobStore blobs, CancellationToken cancellation) =>
        {
            var (page, problem) = await PageAsync(db, id, number, cancellation);
            if (page is null) return problem!;
            return IiifPresentation.IsServedRequest(page, region, size, rotation, file)
                ? await DocumentEndpoints.PageImageAsync(id, number, http, db, blobs, cancellation)
                : Results.Problem($"This image service is IIIF level 0: it serves full/max/0/default.jpg (or full/{page.Width},{page.Height}/0/default.jpg), not {region}/{size}/{rotation}/{file}.", statusCode: 400);
        });
    }

    /// <summary>The document's IIIF address, absolute, as every IIIF id must be.</summary>
    private static string Root(HttpContext http, Guid id) => $"{Site(http)}/iiif/{id}";

    private static string Site(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    /// <summary>The page of the current transcript, or the answer that says why there is none.</summary>
    private static async Task<(Page? Page, IResult? Problem)> PageAsync(PipelineDbContext db, Guid id, int number, CancellationToken cancellation)
    {
        var json = await db.Documents.Where(d => d.Id == id).Select(d => new { d.TranscriptJson }).SingleOrDefaultAsync(cancellation);
        if (json is null) return (null, DocumentEndpoints.NotFound(id));
        if (json.TranscriptJson is null) return (null, DocumentEndpoints.NotReady(id));
        var page = JsonExporter.Read(json.TranscriptJson).Pages.SingleOrDefault(p => p.Number == number);
        return page is null ? (null, Results.Problem($"Document {id} has no page {number}.", statusCode: 404)) : (page, null);
    }

    private static IResult Json(JsonObject json, string contentType) => Results.Text(json.ToJsonString(), contentType);
}
