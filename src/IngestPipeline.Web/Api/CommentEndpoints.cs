using IngestPipeline.Infrastructure.State;
using IngestPipeline.Pipeline.Review;
using IngestPipeline.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Web.Api;

/// <summary>Reviewers' comments on a document, its lines and flags; an @name tells that user on their queue.</summary>
public static class CommentEndpoints
{
    /// <param name="Page">With <paramref name="Line"/>, the line it is about (line from 0); both null for the whole document.</param>
    public sealed record NewComment(int? Page, int? Line, int? Word, string Text);

    public static void MapCommentEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/documents/{id:guid}/comments", async (Guid id, CommentBook comments, CancellationToken cancellation) =>
            Results.Ok(await comments.OfDocumentAsync(id, cancellation)))
            .RequireAuthorization(Policies.View);

        routes.MapPost("/api/documents/{id:guid}/comments", async (Guid id, NewComment comment, HttpContext http, PipelineDbContext db,
            CommentBook comments, UserManager<IdentityUser> users, CancellationToken cancellation) =>
        {
            if (!await db.Documents.AnyAsync(d => d.Id == id, cancellation)) return Results.Problem($"There is no document {id}.", statusCode: 404);
            if ((comment.Page is null) != (comment.Line is null)) return Results.Problem("A comment on a line names its page and its line; one on the whole document names neither.", statusCode: 400);
            try
            {
                var names = await users.Users.Select(u => u.UserName!).ToListAsync(cancellation);
                var added = await comments.AddAsync(id, comment.Page, comment.Line, comment.Word, http.User.Identity!.Name!, comment.Text, names, cancellation);
                return Results.Created($"/api/documents/{id}/comments", added);
            }
            catch (ArgumentException e)
            {
                return Results.Problem(e.Message.Split(" (Parameter")[0], statusCode: 400);
            }
        })
        .RequireAuthorization(Policies.Review)
        .RequireAntiforgeryForCookies();
    }
}
