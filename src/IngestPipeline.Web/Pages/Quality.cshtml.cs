using IngestPipeline.Infrastructure.State;
using IngestPipeline.Pipeline.Learning;
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

    /// <summary>The collection's lexicon: every word its approved texts hold that the general lexicon does not.</summary>
    public IReadOnlyList<LexiconEntry> Lexicon { get; private set; } = [];

    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        Collections = await CollectionNames.ListAsync(db, cancellation);
        if (string.IsNullOrEmpty(Collection) || !Collections.Contains(Collection)) Collection = Collections.FirstOrDefault();
        if (Collection is null) return;
        Quality = await QualityReport.OfAsync(db, Collection, cancellation);
        Lexicon = await CollectionLexicon.EntriesAsync(db, Collection, cancellation);
    }

    /// <summary>An admin takes a word out of the collection's lexicon (a misreading learned, a word that must stay flagged).</summary>
    public async Task<IActionResult> OnPostRemoveWordAsync(string word, CancellationToken cancellation)
    {
        if (!User.IsInRole(Roles.Admin)) return Forbid();
        if (string.IsNullOrEmpty(Collection)) return BadRequest();
        Message = await CollectionLexicon.RemoveAsync(db, Collection, word, User.Identity!.Name!, cancellation)
            ? $"\"{word}\" is no longer in the lexicon of {Collection}: the collection's next documents do not take it as a known word."
            : $"The lexicon of {Collection} has no word \"{word}\".";
        return Redirect($"/quality?collection={Uri.EscapeDataString(Collection)}#lexicon");
    }

    /// <summary>A share as a percentage with one decimal, or a dash where nothing was counted.</summary>
    public static string Percent(double? share) => share is { } s ? (100 * s).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " %" : "–";
}
