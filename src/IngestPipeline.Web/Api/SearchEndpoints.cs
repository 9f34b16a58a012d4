using System.Text.RegularExpressions;
using IngestPipeline.Infrastructure.Search;
using IngestPipeline.Web.Security;

namespace IngestPipeline.Web.Api;

/// <summary>Search across documents: their text (the reviewed text where there is one, else the OCR's) and metadata.</summary>
public static partial class SearchEndpoints
{
    public static void MapSearchEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/search", async (IDocumentSearch search, string? q, string? collection, string? from, string? to,
            string? sender, string? recipient, string? classification, int? skip, int? take, CancellationToken cancellation) =>
        {
            if ((DateProblem(from, "from") ?? DateProblem(to, "to")) is { } problem) return problem;
            var query = new SearchQuery(q, collection, from, to, sender, recipient, classification, skip ?? 0, take ?? 20);
            return Results.Ok(await search.SearchAsync(query, cancellation));
        }).RequireAuthorization(Policies.View);
    }

    /// <summary>A date bound must be a year, a month or a day (yyyy, yyyy-mm, yyyy-mm-dd), as the cables' dates are kept.</summary>
    public static bool IsDateBound(string? value) => string.IsNullOrEmpty(value) || DateBound().IsMatch(value);

    private static IResult? DateProblem(string? value, string name) => IsDateBound(value)
        ? null
        : Results.Problem($"\"{name}\" must be a date as yyyy-mm-dd (or yyyy-mm, or yyyy), not \"{value}\".", statusCode: 400);

    [GeneratedRegex(@"^\d{4}(-\d{2}(-\d{2})?)?$")]
    private static partial Regex DateBound();
}
