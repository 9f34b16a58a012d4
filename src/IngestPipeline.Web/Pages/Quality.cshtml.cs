using IngestPipeline.Infrastructure.State;
using IngestPipeline.Pipeline.Review;
using IngestPipeline.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IngestPipeline.Web.Pages;

/// <summary>How good a collection's flags and readings are, measured from its approved documents, overall and week by week.</summary>
[Authorize(Policy = Policies.Review)]
public sealed class QualityModel(PipelineDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Collection { get; set; }
    public IReadOnlyList<string> Collections { get; private set; } = [];
    public CollectionQuality? Quality { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        Collections = await CollectionNames.ListAsync(db, cancellation);
        if (string.IsNullOrEmpty(Collection) || !Collections.Contains(Collection)) Collection = Collections.FirstOrDefault();
        if (Collection is not null) Quality = await QualityReport.OfAsync(db, Collection, cancellation);
    }

    /// <summary>A share as a percentage with one decimal, or a dash where nothing was counted.</summary>
    public static string Percent(double? share) => share is { } s ? (100 * s).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " %" : "–";
}
