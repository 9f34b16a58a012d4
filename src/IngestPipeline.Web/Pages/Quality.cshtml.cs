using Hangfire;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Pipeline.Learning;
using IngestPipeline.Pipeline.Review;
using IngestPipeline.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IngestPipeline.Web.Pages;

/// <summary>
/// How good a collection's flags and readings are, measured from its approved documents, overall and week by week;
/// what its reviews taught (its lexicon, its retrained [ILLEGIBLE] decision), which admins correct and roll back here.
/// </summary>
[Authorize(Policy = Policies.Review)]
public sealed class QualityModel(PipelineDbContext db, CollectionDecisions decisions, IBackgroundJobClient jobs) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Collection { get; set; }
    public IReadOnlyList<string> Collections { get; private set; } = [];
    public CollectionQuality? Quality { get; private set; }

    /// <summary>The collection's lexicon: every word its approved texts hold that the general lexicon does not.</summary>
    public IReadOnlyList<LexiconEntry> Lexicon { get; private set; } = [];

    /// <summary>The confusions and misread words its approved corrections taught the collection's cleanup.</summary>
    public CollectionConfusionSet Confusions { get; private set; } = CollectionConfusionSet.None;

    /// <summary>The collection's [ILLEGIBLE] decision: in force, target precision, retrained models and every change.</summary>
    public DecisionView? Decision { get; private set; }

    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        Collections = await CollectionNames.ListAsync(db, cancellation);
        if (string.IsNullOrEmpty(Collection) || !Collections.Contains(Collection)) Collection = Collections.FirstOrDefault();
        if (Collection is null) return;
        Quality = await QualityReport.OfAsync(db, Collection, cancellation);
        Lexicon = await CollectionLexicon.EntriesAsync(db, Collection, cancellation);
        Confusions = await CollectionConfusions.OfAsync(db, Collection, cancellation);
        Decision = await decisions.ViewAsync(Collection, cancellation);
    }

    /// <summary>An admin retrains the collection's decision from its approved documents, on a worker.</summary>
    public Task<IActionResult> OnPostRetrain(bool activateIfBetter) => AsAdminAsync(() =>
    {
        string collection = Collection!, by = User.Identity!.Name!;
        var job = jobs.Enqueue<CollectionRetrainingJob>(j => j.RetrainAsync(collection, by, activateIfBetter, CancellationToken.None));
        return Task.FromResult($"Retraining of {collection} queued as job {job}: its model appears below when it is done"
            + (activateIfBetter ? ", in force if it does better than the decision in force." : "."));
    });

    /// <summary>An admin puts a model in force (0: the pipeline's own decision).</summary>
    public Task<IActionResult> OnPostActivateAsync(int number, CancellationToken cancellation) => AsAdminAsync(async () =>
    {
        try
        {
            await decisions.ActivateAsync(Collection!, number == 0 ? null : number, User.Identity!.Name!, cancellation);
        }
        catch (KeyNotFoundException e)
        {
            return $"The {e.Message}.";
        }
        return number == 0 ? $"{Collection} is decided by the pipeline's own decision." : $"Model {number} decides {Collection}'s next documents.";
    });

    public Task<IActionResult> OnPostTargetPrecisionAsync(double targetPrecision, CancellationToken cancellation) => AsAdminAsync(async () =>
    {
        try
        {
            var change = await decisions.SetTargetPrecisionAsync(Collection!, targetPrecision, User.Identity!.Name!, cancellation);
            return $"Target precision {targetPrecision:0.###}" + (change.Threshold is { } t ? $": the model in force marks from probability {t:0.###}." : ".");
        }
        catch (ArgumentOutOfRangeException)
        {
            return $"A target precision is between 0.5 and 0.999, not {targetPrecision}.";
        }
    });

    /// <summary>An admin undoes the change in force: the one before it decides again, exactly as it did.</summary>
    public Task<IActionResult> OnPostRollbackAsync(CancellationToken cancellation) => AsAdminAsync(async () =>
        await decisions.RollbackAsync(Collection!, User.Identity!.Name!, cancellation) is null
            ? "There is nothing to roll back: the pipeline's own decision is in force."
            : "Rolled back: the change before it is in force again.");

    /// <summary>Runs an admin's action on the collection's decision and shows its message there.</summary>
    private async Task<IActionResult> AsAdminAsync(Func<Task<string>> action)
    {
        if (!User.IsInRole(Roles.Admin)) return Forbid();
        if (string.IsNullOrEmpty(Collection)) return BadRequest();
        Message = await action();
        return Redirect($"/quality?collection={Uri.EscapeDataString(Collection)}#decision");
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

    /// <summary>An admin takes a learned typewriter fault out of the collection's cleanup.</summary>
    public async Task<IActionResult> OnPostRemoveFaultAsync(string fault, CancellationToken cancellation)
    {
        if (!User.IsInRole(Roles.Admin)) return Forbid();
        if (string.IsNullOrEmpty(Collection)) return BadRequest();
        Message = await CollectionConfusions.RemoveAsync(db, Collection, fault, User.Identity!.Name!, cancellation)
            ? $"\"{fault}\" is no longer corrected in {Collection}'s next documents."
            : $"{Collection} has not learned \"{fault}\".";
        return Redirect($"/quality?collection={Uri.EscapeDataString(Collection)}#confusions");
    }

    /// <summary>A share as a percentage with one decimal, or a dash where nothing was counted.</summary>
    public static string Percent(double? share) => share is { } s ? (100 * s).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " %" : "–";
}
