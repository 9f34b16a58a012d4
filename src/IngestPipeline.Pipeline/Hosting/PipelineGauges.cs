using System.Diagnostics.Metrics;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Ocr.Recognition;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IngestPipeline.Pipeline.Hosting;

/// <summary>
/// The pipeline's state, read from the database when scraped: documents by stage (the review backlog is
/// <c>AwaitingReview</c>), pages waiting for an engine (the recognition queue's depth), commands waiting in the
/// outbox; and, on a host that recognises, its engines and the seconds they have worked (their busy share is the
/// rate of that). Every host reads the same database: take the maximum across hosts, not the sum.
/// </summary>
public sealed class PipelineGauges(IMeterFactory meters, IServiceScopeFactory scopes, EnginePool? engines = null)
{
    private int _registered;

    /// <summary>Creates the gauges, once (when the host starts: /metrics shows the state before any work arrives).</summary>
    public void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        var meter = meters.Create(PipelineMetrics.Name);
        meter.CreateObservableGauge("ingestpipeline.documents", () => Read(scopes, db => db.Documents.GroupBy(d => d.Stage)
                .Select(g => new { Stage = g.Key, Count = g.Count() }).ToList()
                .Select(g => new Measurement<long>(g.Count, new KeyValuePair<string, object?>("stage", g.Stage.ToString())))),
            "{document}", "Documents by stage");
        meter.CreateObservableGauge("ingestpipeline.pages.waiting", () => Read(scopes, db =>
                new[] { new Measurement<long>(db.Pages.LongCount(p => p.Status == PageStatus.Pending || p.Status == PageStatus.Recognizing)) }),
            "{page}", "Pages split and not yet recognised or failed");
        meter.CreateObservableGauge("ingestpipeline.outbox.waiting", () => Read(scopes, db => new[] { new Measurement<long>(db.Outbox.LongCount()) }),
            "{message}", "Commands saved and not yet sent");
        if (engines is null) return;
        var pool = engines;
        meter.CreateObservableGauge("ingestpipeline.engines", () => pool.Options.Engines, "{engine}", "OCR engines in this process");
        meter.CreateObservableCounter("ingestpipeline.engines.busy.time", () => pool.BusyTime.TotalSeconds, "s",
            "Seconds this process's engines have spent on pages (its rate over the engines is their busy share)");
    }

    /// <summary>A scrape that finds the database away reports nothing rather than failing the scrape.</summary>
    private static IEnumerable<Measurement<long>> Read(IServiceScopeFactory scopes, Func<PipelineDbContext, IEnumerable<Measurement<long>>> query)
    {
        try
        {
            using var scope = scopes.CreateScope();
            return query(scope.ServiceProvider.GetRequiredService<PipelineDbContext>()).ToList();
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            return [];
        }
    }
}
